package dev.tgmd.report;

/**
 * How text is highlighted: plain, or with ANSI escape codes. Applied to text that is already
 * padded, so that escape codes never break the alignment of columns.
 */
enum TextStyle {
  /** No highlighting. */
  PLAIN,
  /** ANSI SGR escape codes, for terminals. */
  ANSI;

  private static final String RESET = "\u001b[0m";

  static TextStyle of(boolean color) {
    return color ? ANSI : PLAIN;
  }

  String bold(String s) {
    return wrap("1", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String green(String s) {
    return wrap("32", s);
  }

  String yellow(String s) {
    return wrap("1;33", s);
  }

  String cyan(String s) {
    return wrap("1;36", s);
  }

  private String wrap(String code, String s) {
    if (this == PLAIN || s.isEmpty()) {
      return s;
    }
    // Keep the padding outside the escape codes.
    int start = 0;
    while (start < s.length() && s.charAt(start) == ' ') {
      start++;
    }
    int end = s.length();
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (start == end) {
      return s;
    }
    return s.substring(0, start)
        + "\u001b["
        + code
        + "m"
        + s.substring(start, end)
        + RESET
        + s.substring(end);
  }
}
