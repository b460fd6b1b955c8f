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
    if (bytes < 1L << 30) {
      // KiB and MiB, the sizes of nearly every file, in integer arithmetic: the format below
      // rounds the same exact value half up (bytes / 1024^k is exact in a double) and costs some
      // microseconds a call under C1, a tenth of the write thread's Java time in an export with
      // media
      int unit = bytes < 1L << 20 ? 0 : 1;
      long divisor = 1L << (10 * (unit + 1));
      long tenths = (20 * bytes + divisor) / (2 * divisor);
      long whole = tenths / 10;
      String digits =
          whole < 1000
              ? Long.toString(whole)
              : String.format(Locale.ROOT, "%d,%03d", whole / 1000, whole % 1000); // rare
      return digits + "." + tenths % 10 + " " + UNITS[unit];
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
