package dev.tgmd.render;

/** Durations as words in notes, the same on every machine (no locale). Pure. */
final class Durations {

  private Durations() {}

  /** 45 s, 3 min 5 s, 2 h 10 min, 3 days, 1 week. */
  static String of(long seconds) {
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
