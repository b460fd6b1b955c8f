package dev.tgmd.units;

/**
 * How many terminal columns text takes, as a terminal draws it: East Asian wide characters and
 * emoji take two, combining marks, variation selectors, zero-width joiners and other format
 * characters none, every other character one. An estimate (terminals differ on emoji sequences: a
 * sequence joined by ZWJ is counted as its parts), good for padding columns.
 */
public final class DisplayWidth {

  private static final int ZWJ = 0x200D;

  private DisplayWidth() {}

  /** The columns {@code text} takes. */
  public static int of(String text) {
    int width = 0;
    boolean joined = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += joined ? 0 : of(cp);
      joined = cp == ZWJ;
      i += Character.charCount(cp);
    }
    return width;
  }

  /** The columns one code point takes: 0, 1 or 2. */
  public static int of(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || type == Character.CONTROL) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /**
   * The longest start of {@code text} that fits {@code columns}, ended by "…" when cut (the
   * ellipsis counted in the columns).
   */
  public static String fit(String text, int columns) {
    if (of(text) <= columns) {
      return text;
    }
    StringBuilder b = new StringBuilder();
    int width = 0;
    boolean joined = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = joined ? 0 : of(cp);
      joined = cp == ZWJ;
      if (width + w > columns - 1) {
        break;
      }
      b.appendCodePoint(cp);
      width += w;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }

  /** {@code text} padded with spaces to {@code columns} (unchanged when it is as wide or wider). */
  public static String pad(String text, int columns) {
    int w = of(text);
    return w >= columns ? text : text + " ".repeat(columns - w);
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK symbols
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // full-width forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
        || (cp >= 0x1FA70 && cp <= 0x1FAFF)
        || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and beyond
  }
}
