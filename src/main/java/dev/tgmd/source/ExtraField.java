package dev.tgmd.source;

import java.util.Objects;

/**
 * A field tgmd has no dedicated model for (a newer export's addition, or a rarely used one), kept
 * so that it can still be shown as readable text.
 *
 * @param name the JSON key
 * @param value the value as text: strings as they are, numbers exactly as written, arrays and
 *     objects as compact JSON; {@code null} for JSON null
 */
public record ExtraField(String name, String value) {

  public ExtraField {
    Objects.requireNonNull(name, "name");
  }
}
