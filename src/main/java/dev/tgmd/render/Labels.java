package dev.tgmd.render;

import dev.tgmd.source.ExtraField;
import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text labels shared by the parts of a note: shortened values, capitalized words, wikilink
 * labels, unknown fields as text. Pure; the results are plain text, still to be escaped.
 */
final class Labels {

  /** How many characters of an unknown field's value, a path or an error are shown. */
  static final int EXTRA_CHARS = 200;

  private Labels() {}

  /** A wikilink's label cannot hold brackets, pipes or line breaks. */
  static String wikiLabel(String label) {
    StringBuilder sb = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      switch (c) {
        case '[':
          sb.append('(');
          break;
        case ']':
          sb.append(')');
          break;
        case '|':
          sb.append('¦');
          break;
        case '\n':
        case '\r':
        case '\t':
          sb.append(' ');
          break;
        default:
          sb.append(c < 0x20 ? ' ' : c);
      }
    }
    return sb.toString().strip();
  }

  /** Fields tgmd has no model for, as text: {@code story link: {"id":9}; other: none}. */
  static String fieldsText(List<ExtraField> fields) {
    List<String> parts = new ArrayList<>(fields.size());
    for (ExtraField f : fields) {
      parts.add(
          f.name().replace('_', ' ')
              + ": "
              + (f.value() == null ? "none" : abbreviate(f.value(), EXTRA_CHARS)));
    }
    return String.join("; ", parts);
  }

  /**
   * {@code s} with its whitespace folded to single spaces, at most {@code max} code points long
   * (the last one an ellipsis when it was cut).
   */
  static String abbreviate(String s, int max) {
    if (s.length() <= max && isFolded(s)) {
      return s;
    }
    Abbreviation a = new Abbreviation(max, s.length());
    a.add(s);
    return a.result();
  }

  /**
   * The text of {@code parts}, abbreviated as {@link #abbreviate(String, int)} does, reading only
   * as far as the abbreviation needs (a long message's text is never put together).
   */
  static String abbreviate(List<TextPart> parts, int max) {
    if (parts.size() == 1) {
      return abbreviate(parts.get(0).text(), max);
    }
    Abbreviation a = new Abbreviation(max, max);
    for (TextPart p : parts) {
      if (!a.add(p.text())) {
        break;
      }
    }
    return a.result();
  }

  /** The controls below U+0020 that {@link Character#isWhitespace} counts: tab to CR, FS to US. */
  private static final java.util.BitSet WHITESPACE_CONTROLS = new java.util.BitSet(0x20);

  static {
    for (char c = 0; c < 0x20; c++) {
      if (Character.isWhitespace(c)) {
        WHITESPACE_CONTROLS.set(c);
      }
    }
  }

  /** Whitespace folded and code points counted, across the pieces of one text. */
  private static final class Abbreviation {
    private final int max;
    private final StringBuilder sb;
    private int count;
    private boolean space;

    Abbreviation(int max, int expected) {
      this.max = max;
      this.sb = new StringBuilder(Math.min(expected, max + 8));
    }

    /** Adds {@code s}; false once {@code max} is passed (the rest is cut). */
    boolean add(String s) {
      int n = s.length();
      for (int i = 0; i < n; ) {
        char c = s.charAt(i);
        // a code point is one char but for a surrogate pair; ASCII's whitespace without a call
        int length = Character.isHighSurrogate(c) ? Character.charCount(s.codePointAt(i)) : 1;
        boolean whitespace =
            c < 0x80
                ? c == ' ' || (c <= 0x1f && WHITESPACE_CONTROLS.get(c))
                : length == 1
                    ? Character.isWhitespace(c)
                    : Character.isWhitespace(s.codePointAt(i));
        if (whitespace) {
          space = sb.length() > 0;
          i += length;
          continue;
        }
        if (space) {
          if (++count > max) {
            return false;
          }
          sb.append(' ');
          space = false;
        }
        if (++count > max) {
          return false;
        }
        if (length == 1) {
          sb.append(c);
        } else {
          sb.append(s, i, i + length);
        }
        i += length;
      }
      return true;
    }

    String result() {
      if (count > max) {
        // make room for the ellipsis
        sb.setLength(sb.offsetByCodePoints(sb.length(), -1));
        return sb.toString().strip() + "…";
      }
      return sb.toString();
    }
  }

  /**
   * A name that holds right-to-left letters, between U+2068 FIRST STRONG ISOLATE and U+2069 POP
   * DIRECTIONAL ISOLATE, so that it cannot reorder the text around it ("ليلى حداد · 08:02" keeps
   * the name first and the time after it); any other name as it is.
   */
  static String isolated(String name) {
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      byte d = Character.getDirectionality(cp);
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return "\u2068" + name + "\u2069";
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  /** True when {@code s} has no whitespace but single spaces between words. */
  private static boolean isFolded(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' ? prev == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The values that are not blank, stripped. */
  static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }
}
