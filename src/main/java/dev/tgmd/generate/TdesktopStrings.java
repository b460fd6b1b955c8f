package dev.tgmd.generate;

/**
 * Quotes strings the way Telegram Desktop does when Jackson's own escaping would differ: control
 * characters other than {@code \n}, {@code \r} and {@code \t} become the illegal {@code \xHH}, and
 * U+2028 and U+2029 become {@code \\u2028}/{@code \\u2029}. For every other string Jackson's output
 * is already byte-identical to tdesktop's ({@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code
 * \t}, raw UTF-8), and much faster than a custom escaper on every string.
 */
public final class TdesktopStrings {

  private TdesktopStrings() {}

  /** Whether {@code s} has a character that Jackson would escape differently from tdesktop. */
  static boolean needsQuoting(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 ? c != '\n' && c != '\r' && c != '\t' : c == 0x2028 || c == 0x2029) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} as a JSON string literal, quotes included, escaped as tdesktop escapes it. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\u2028':
          sb.append("\\u2028");
          break;
        case '\u2029':
          sb.append("\\u2029");
          break;
        default:
          if (c < 0x20) {
            sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
