package dev.tgmd.render;

import dev.tgmd.source.TextPart;

/**
 * Appends inline content to one line of {@link MarkdownText}'s output, escaped, tracking whether it
 * is at the line's start: plain text, styles, code spans, links. Not thread-safe: one per line
 * being written.
 */
final class MarkdownLine {

  private final StringBuilder out;
  private final int start;

  MarkdownLine(StringBuilder out) {
    this(out, true);
  }

  /**
   * @param lineStart whether the output position is the start of a line
   */
  MarkdownLine(StringBuilder out, boolean lineStart) {
    this.out = out;
    this.start = lineStart ? out.length() : -1;
  }

  private boolean atStart() {
    return out.length() == start;
  }

  private char last() {
    return out.length() == 0 ? '\n' : out.charAt(out.length() - 1);
  }

  void fragment(TextPart part, String text) {
    if (part instanceof TextPart.Plain
        || part instanceof TextPart.Unknown
        || part instanceof TextPart.CustomEmoji
        || part instanceof TextPart.MentionName) {
      plain(text);
    } else if (part instanceof TextPart.Styled s) {
      styled(s.style(), text);
    } else if (part instanceof TextPart.Code || part instanceof TextPart.Pre) {
      code(text);
    } else if (part instanceof TextPart.TextLink l) {
      link(text, l.href());
    } else if (part instanceof TextPart.Entity e) {
      entity(e, text);
    } else if (part instanceof TextPart.Blockquote) {
      wrapped("<span class=\"blockquote\">", text, "</span>");
    } else {
      throw new IllegalStateException("unhandled text part " + part.getClass());
    }
  }

  /** Escaped plain text with nothing written after it on the line. */
  void plain(String text) {
    plain(text, false);
  }

  /**
   * Escaped plain text.
   *
   * @param beforeMarkup whether markup (a link, a tag) may be written right after it
   */
  void plain(String text, boolean beforeMarkup) {
    int n = text.length();
    int i = 0;
    if (atStart()) {
      if (n > 0 && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
        out.append(text.charAt(0) == ' ' ? "&#32;" : "&#9;");
        i = 1;
      } else {
        i = escapeLineStart(text);
      }
    }
    // characters that need nothing are appended a run at a time, not one by one
    int run = i;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!mayNeedEscape(c)) {
        continue;
      }
      out.append(text, run, i);
      run = i + 1;
      switch (c) {
        case '\\':
        case '*':
        case '`':
        case '[':
        case ']':
        case '<':
        case '|':
        case '~':
        case '$':
        case '^':
          out.append('\\').append(c);
          break;
        case '_':
          if (i > 0
              && i + 1 < n
              && Character.isLetterOrDigit(text.charAt(i - 1))
              && Character.isLetterOrDigit(text.charAt(i + 1))) {
            out.append(c);
          } else {
            out.append("\\_");
          }
          break;
        case '&':
          if (i + 1 >= n || isEntityChar(text.charAt(i + 1))) {
            out.append("\\&");
          } else {
            out.append(c);
          }
          break;
        case '#':
          // "#tag" would be an Obsidian tag: the text stays text
          out.append(i + 1 < n && isTagChar(text.charAt(i + 1)) ? "\\#" : "#");
          break;
        case '!':
          // "!" right before a link we write would make it an image
          out.append(i + 1 >= n && beforeMarkup ? "\\!" : "!");
          break;
        case '=':
        case '%':
          if (i == 0 || i + 1 >= n || text.charAt(i - 1) == c || text.charAt(i + 1) == c) {
            out.append('\\').append(c);
          } else {
            out.append(c);
          }
          break;
        case '\n':
          out.append(' ');
          break;
        case 0:
          out.append('\uFFFD');
          break;
        default: // C0 and C1 controls
          out.append("&#").append((int) c).append(';');
      }
    }
    out.append(text, run, n);
  }

  /** Whether {@link #plain} may write {@code c} otherwise than as it is. */
  private static boolean mayNeedEscape(char c) {
    if (c < 0x80) {
      return ESCAPED_ASCII[c];
    }
    return c <= 0x9f; // C1 controls
  }

  /** The ASCII characters {@link #plain} may escape: the controls and its markup characters. */
  private static final boolean[] ESCAPED_ASCII = escapedAscii();

  private static boolean[] escapedAscii() {
    boolean[] escaped = new boolean[0x80];
    for (int c = 0; c < 0x20; c++) {
      escaped[c] = true;
    }
    escaped[0x7f] = true;
    for (char c : "\\*`[]<|~$^_&#!=%".toCharArray()) {
      escaped[c] = true;
    }
    return escaped;
  }

  /**
   * Escapes what would start a block at the beginning of a line: {@code # > - + =} and the dot or
   * parenthesis of a list number. Returns how many characters of {@code text} it consumed.
   */
  private int escapeLineStart(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    char c = text.charAt(0);
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
      out.append('\\').append(c);
      return 1;
    }
    if (c >= '0' && c <= '9') {
      int j = 0;
      while (j < text.length() && j < 10 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        j++;
      }
      if (j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
        out.append(text, 0, j).append('\\').append(text.charAt(j));
        return j + 1;
      }
    }
    return 0;
  }

  /** What may follow "#" in an Obsidian tag: any letter or digit, "_", "-" or "/". */
  private static boolean isTagChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/' || c >= 0x80;
  }

  private static boolean isEntityChar(char c) {
    return c == '#' || (c < 128 && Character.isLetterOrDigit(c));
  }

  void styled(TextPart.Style style, String text) {
    switch (style) {
      case BOLD -> delimited("**", "<b>", "</b>", text);
      case ITALIC -> delimited("*", "<i>", "</i>", text);
      case STRIKETHROUGH -> delimited("~~", "<s>", "</s>", text);
      case UNDERLINE -> wrapped("<u>", text, "</u>");
      // hidden until clicked, in Obsidian's reading view as in any HTML view; the span first, so
      // that a line never starts with <details> (which would open an HTML block)
      case SPOILER ->
          wrapped(
              "<span class=\"spoiler\"><details><summary></summary>", text, "</details></span>");
      default -> throw new IllegalStateException("unhandled text style " + style);
    }
  }

  /**
   * Wraps the text's core (without its leading and trailing whitespace) in Markdown delimiters when
   * they are sure to open and close, else in HTML tags.
   */
  private void delimited(String delimiter, String open, String close, String text) {
    int a = coreStart(text);
    int b = coreEnd(text);
    if (a >= b) {
      plain(text);
      return;
    }
    plain(text.substring(0, a));
    String core = text.substring(a, b);
    if (isWordish(core.codePointAt(0))
        && isWordish(core.codePointBefore(core.length()))
        && last() != delimiter.charAt(0)) {
      out.append(delimiter);
      plain(core);
      out.append(delimiter);
    } else {
      out.append(open);
      plain(core);
      out.append(close);
    }
    plain(text.substring(b));
  }

  private void wrapped(String open, String text, String close) {
    int a = coreStart(text);
    int b = coreEnd(text);
    if (a >= b) {
      plain(text);
      return;
    }
    plain(text.substring(0, a));
    out.append(open);
    plain(text.substring(a, b));
    out.append(close);
    plain(text.substring(b));
  }

  /** Inline code: a backtick fence longer than any run inside, padded when needed. */
  void code(String text) {
    String content = text.replace('\n', ' ');
    if (content.isEmpty()) {
      return;
    }
    int fence = MarkdownText.longestRun(content, '`') + 1;
    boolean unsafe =
        (fence >= 3 && atStart())
            || last() == '`'
            || content.indexOf('\0') >= 0
            || hasControl(content);
    if (unsafe) {
      out.append("<code>");
      plain(content);
      out.append("</code>");
      return;
    }
    String ticks = "`".repeat(fence);
    boolean pad =
        content.charAt(0) == '`'
            || content.charAt(content.length() - 1) == '`'
            || (content.charAt(0) == ' '
                && content.charAt(content.length() - 1) == ' '
                && !content.isBlank());
    out.append(ticks);
    if (pad) {
      out.append(' ');
    }
    out.append(content);
    if (pad) {
      out.append(' ');
    }
    out.append(ticks);
  }

  private boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t') {
        return true;
      }
    }
    return false;
  }

  void link(String text, String href) {
    int a = coreStart(text);
    int b = coreEnd(text);
    if (a >= b || href.isBlank()) {
      plain(text);
      return;
    }
    plain(text.substring(0, a));
    out.append('[');
    plain(text.substring(a, b));
    out.append("](").append(MarkdownText.destination(href)).append(')');
    plain(text.substring(b));
  }

  void entity(TextPart.Entity entity, String text) {
    String href = MarkdownText.linkTarget(entity);
    if (href == null) {
      plain(text);
    } else {
      link(text, href);
    }
  }

  private static int coreStart(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int coreEnd(String s) {
    int i = s.length();
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Neither whitespace nor punctuation in CommonMark's sense (Unicode P* and S* categories). */
  static boolean isWordish(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return false;
      default:
        return cp >= 0x20 && cp != 0x7f;
    }
  }
}
