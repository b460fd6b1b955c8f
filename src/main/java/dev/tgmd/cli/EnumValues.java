package dev.tgmd.cli;

import dev.tgmd.export.MediaMode;
import dev.tgmd.layout.Split;
import dev.tgmd.render.Flavor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The values of an enum option as a user types them, in lower case: what {@code
 * ${COMPLETION-CANDIDATES}} lists in the help and a bad value's message names ({@code one of month,
 * year, day, none}). picocli reads them case-insensitively.
 */
abstract class EnumValues implements Iterable<String> {

  private final Class<? extends Enum<?>> type;

  EnumValues(Class<? extends Enum<?>> type) {
    this.type = type;
  }

  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>();
    for (Enum<?> e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    return names.iterator();
  }

  /** The values of {@code --split}. */
  static final class Splits extends EnumValues {
    Splits() {
      super(Split.class);
    }
  }

  /** The values of {@code --flavor}. */
  static final class Flavors extends EnumValues {
    Flavors() {
      super(Flavor.class);
    }
  }

  /** The values of {@code --media}. */
  static final class MediaModes extends EnumValues {
    MediaModes() {
      super(MediaMode.class);
    }
  }
}
