package dev.tgmd.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Defensive copies for the report records. Stateless. */
public final class CheckedMaps {

  private CheckedMaps() {}

  /**
   * An unmodifiable copy that keeps the iteration order of {@code map}; rejects blank names and
   * null values.
   */
  public static <V> Map<String, V> ordered(Map<String, V> map, String what) {
    if (map == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (name, value) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " has a blank name");
          }
          if (value == null) {
            throw new IllegalArgumentException(what + "." + name + " must not be null");
          }
          copy.put(name, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable copy sorted by key; rejects null keys and values. */
  public static Map<String, String> sorted(Map<String, String> map, String what) {
    if (map == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    Map<String, String> copy = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(what + " must not hold null keys or values");
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
