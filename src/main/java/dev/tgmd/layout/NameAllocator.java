package dev.tgmd.layout;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out names that are unique within one folder, comparing them as case-insensitive file
 * systems (Windows, macOS) do. The first claimant of a name gets it as is; later ones get a suffix
 * with their id, so that the same input always yields the same names. Not thread-safe.
 */
public final class NameAllocator {

  private final Set<String> taken = new HashSet<>();

  /** Marks {@code name} as used (e.g. a fixed folder such as {@code media}). */
  public void reserve(String name) {
    taken.add(key(name));
  }

  /**
   * A unique name for a safe {@code base}: {@code base}, else {@code base (id)}, else {@code base
   * (id) 2}, {@code 3}...
   */
  public String allocate(String base, String id, int maxBytes) {
    if (taken.add(key(base))) {
      return base;
    }
    String suffix = " (" + id + ")";
    String stem =
        SafeNames.truncateBytes(base, maxBytes - SafeNames.utf8Length(suffix) - 4).strip();
    String candidate = stem + suffix;
    for (int n = 2; !taken.add(key(candidate)); n++) {
      candidate = stem + suffix + " " + n;
    }
    return candidate;
  }

  private static String key(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT);
  }
}
