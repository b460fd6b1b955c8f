package dev.tgmd.report;

import java.util.Locale;

/** Figures as text for the summary and the comparison: units shown, {@code -} for null. */
final class FigureText {

  /** Shown for a figure that is null (unknown or undefined). */
  static final String NONE = "-";

  private FigureText() {}

  /** A count with thousands separators: {@code 12,345}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A nullable count. */
  static String count(Long n) {
    return n == null ? NONE : count(n.longValue());
  }

  /**
   * A duration with a unit that suits it: {@code 850 ns}, {@code 12.3 us}, {@code 45.6 ms}, {@code
   * 7.89 s}, {@code 12m 05s}, {@code 2h 03m}.
   */
  static String seconds(Double s) {
    if (s == null) {
      return NONE;
    }
    double v = s;
    if (v == 0) {
      return "0 s";
    }
    if (v < 1e-6) {
      return String.format(Locale.ROOT, "%.0f ns", v * 1e9);
    }
    if (v < 1e-3) {
      return String.format(Locale.ROOT, "%.1f us", v * 1e6);
    }
    if (v < 1) {
      return String.format(Locale.ROOT, "%.1f ms", v * 1e3);
    }
    if (v < 60) {
      return String.format(Locale.ROOT, "%.2f s", v);
    }
    long whole = Math.round(v);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
    }
    long floor = (long) Math.floor(v); // 23h 59m 59.5s is not yet 24h
    return String.format(Locale.ROOT, "%dh %02dm", floor / 3600, (floor % 3600) / 60);
  }

  /** Items per second: {@code 1,234.5/s}. */
  static String rate(Double perSecond) {
    return perSecond == null ? NONE : String.format(Locale.ROOT, "%,.1f/s", perSecond);
  }

  /** A percentage given from 0 to 100: {@code 97.5 %}. */
  static String percent(Double pct) {
    return pct == null ? NONE : String.format(Locale.ROOT, "%.1f %%", pct);
  }

  /** A fraction given from 0 to 1, as a percentage. */
  static String fraction(Double f) {
    return f == null ? NONE : percent(f * 100);
  }

  /** Mebibytes: {@code 1,234.5 MiB}. */
  static String mb(Double mb) {
    return mb == null ? NONE : String.format(Locale.ROOT, "%,.1f MiB", mb);
  }

  /** Seconds as a plain figure with two decimals, for headers: {@code 12.35 s}. */
  static String plainSeconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }
}
