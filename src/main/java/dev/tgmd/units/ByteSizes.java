package dev.tgmd.units;

import java.util.Locale;

/**
 * Sizes in bytes as text, with IEC binary units, the same on every machine (no locale): the one
 * formatter the notes, the summary and the metrics text share. It depends on nothing, so every
 * package may use it. Pure and thread-safe.
 */
public final class ByteSizes {

  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private ByteSizes() {}

  /**
   * {@code 512 B}, {@code 1.5 KiB}, {@code 3.3 MiB}, {@code 2.0 GiB}: bytes below 1024 as they are,
   * larger sizes in the largest power of 1024 they reach, with one decimal.
   */
  public static String iec(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    int unit = -1;
    while (v >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%,.1f %s", v, UNITS[unit]);
  }
}
