package dev.tgmd.render;

import java.util.Locale;

/** Human-readable sizes and durations, the same on every machine (no locale). */
public final class Sizes {

  private Sizes() {}

  /** 532 B, 1.2 KB, 3.4 MB, 1.1 GB (powers of 1024). */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /** 45 s, 3 min 5 s, 2 h 10 min, 3 days, 1 week. */
  public static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      long s = seconds % 60;
      return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
    }
    if (seconds < 86_400) {
      long m = (seconds % 3600) / 60;
      return seconds / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
    }
    long days = seconds / 86_400;
    if (days % 7 == 0) {
      return days / 7 + (days == 7 ? " week" : " weeks");
    }
    return days + (days == 1 ? " day" : " days");
  }
}
