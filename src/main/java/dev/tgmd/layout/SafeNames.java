package dev.tgmd.layout;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File and folder names that are safe on Linux, macOS and Windows and inside Obsidian links: no
 * {@code / \ : * ? " < > |}, no {@code # ^ [ ]} (they break wikilinks), no control characters, no
 * reserved device names such as {@code CON}, never {@code .} or {@code ..}, no leading dot (hidden
 * files), no trailing dot or space, NFC-normalized, and capped in UTF-8 bytes. Zero-width joiners
 * between emoji stay, so that an emoji sequence (👨‍👩‍👧) stays whole; any other is {@code _}.
 *
 * <p>Pure and thread-safe. A name made here can never place anything outside its parent folder.
 */
public final class SafeNames {

  /** The byte budget of a chat or topic folder name. */
  public static final int FOLDER_BYTES = 96;

  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6",
          "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
          "lpt8", "lpt9", "com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³");

  private SafeNames() {}

  /**
   * A safe name for {@code raw}, at most {@code maxBytes} UTF-8 bytes; {@code fallback} when
   * nothing usable is left.
   */
  public static String of(String raw, int maxBytes, String fallback) {
    String s = clean(raw == null ? "" : raw);
    s = truncateBytes(s, maxBytes);
    s = trimEnds(s);
    if (s.isEmpty()) {
      s = truncateBytes(trimEnds(clean(fallback)), maxBytes);
    }
    if (s.isEmpty()) {
      s = "_";
    }
    int dot = s.indexOf('.');
    String stem = (dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT).trim();
    if (RESERVED.contains(stem)) {
      s = "_" + s;
    }
    return s;
  }

  private static String clean(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      if (cp == ZWJ && joinsEmoji(sb, s, i)) {
        sb.appendCodePoint(cp); // an emoji sequence stays whole: 👨‍👩‍👧, not 👨_👩_👧
      } else if (isForbidden(cp)) {
        sb.append('_');
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  private static final int ZWJ = 0x200D;

  /**
   * Whether the zero-width joiner before {@code next} in {@code s} joins two emoji: the name so far
   * ends with one (or its variation selector or skin tone) and one follows.
   */
  private static boolean joinsEmoji(StringBuilder before, String s, int next) {
    return before.length() > 0
        && next < s.length()
        && isEmojiPart(before.codePointBefore(before.length()))
        && isEmojiPart(s.codePointAt(next));
  }

  /** Pictographs, dingbats and symbols emoji are made of, their variation selector, skin tones. */
  private static boolean isEmojiPart(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2190 && cp <= 0x2BFF)
        || cp == 0xFE0F
        || cp == 0x00A9
        || cp == 0x00AE
        || cp == 0x203C
        || cp == 0x2049;
  }

  private static boolean isForbidden(int cp) {
    switch (cp) {
      case '/':
      case '\\':
      case ':':
      case '*':
      case '?':
      case '"':
      case '<':
      case '>':
      case '|':
      case '#':
      case '^':
      case '[':
      case ']':
        return true;
      default:
        int type = Character.getType(cp);
        return cp < 0x20
            || (cp >= 0x7f && cp <= 0x9f)
            || type == Character.CONTROL
            || type == Character.FORMAT
            || type == Character.SURROGATE
            || type == Character.UNASSIGNED
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    }
  }

  /** No leading dots or spaces (hidden files, ".."), no trailing dots or spaces (Windows). */
  private static String trimEnds(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '.' || s.charAt(a) == ' ')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '.' || s.charAt(b - 1) == ' ')) {
      b--;
    }
    return s.substring(a, b);
  }

  /** The longest prefix of whole code points that fits in {@code maxBytes} UTF-8 bytes. */
  public static String truncateBytes(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    // do not end on a joiner or a variation selector, which belong to the next character
    while (i > 0) {
      int cp = s.codePointBefore(i);
      if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
        i -= Character.charCount(cp);
      } else {
        break;
      }
    }
    return s.substring(0, i);
  }

  /** The UTF-8 length of {@code s} in bytes. */
  public static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
