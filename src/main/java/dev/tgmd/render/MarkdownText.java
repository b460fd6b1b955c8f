package dev.tgmd.render;

import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a message's formatted text as CommonMark that reads back as exactly the same text.
 *
 * <p>Every character that could start Markdown syntax is escaped where it could: always for
 * {@code \ * _ ` [ ] < | ~ $ ^} (an underscore inside a word excepted), at a line start for
 * {@code # > - + =} and ordered-list numbers, and where an entity, highlight or comment could form
 * for {@code & = %}. Leading whitespace becomes a character reference so it never makes an
 * indented code block. Telegram's line breaks become hard breaks (two trailing spaces), blank lines
 * paragraph breaks. Styles use Markdown delimiters when the delimiters are sure to work and inline
 * HTML ({@code <b>}, {@code <i>}, {@code <s>}) when they are not; underline and spoilers always use
 * HTML ({@code <u>}, {@code <span class="spoiler">}). Obsidian-only syntax never appears here.
 *
 * <p>Pure and thread-safe.
 */
public final class MarkdownText {

  private static final TextPart SPACE = new TextPart.Plain(" ");
  private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("@[A-Za-z0-9_]{1,64}");
  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?is)^[a-z][a-z0-9+.-]*:.*");

  private MarkdownText() {}

  /** Renders formatted text as Markdown blocks separated by blank lines; "" when there is none. */
  public static String render(List<TextPart> parts) {
    if (parts.isEmpty()) {
      return "";
    }
    if (parts.size() == 1 && parts.get(0) instanceof TextPart.Plain) {
      // most messages: one line of plain text
      String text = parts.get(0).text();
      if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
        if (text.isBlank()) {
          return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        new Line(out).plain(text);
        return out.toString();
      }
    }
    List<Token> tokens = tokenize(parts, true);
    StringBuilder out = new StringBuilder(64);
    List<List<Token>> lines = new ArrayList<>();
    List<Token> line = new ArrayList<>();
    for (Token t : tokens) {
      if (t.kind == Token.NEWLINE) {
        lines.add(line);
        line = new ArrayList<>();
      } else if (t.kind == Token.BLOCK) {
        lines.add(line);
        flushParagraphs(lines, out);
        lines.clear();
        line = new ArrayList<>();
        appendBlock(t.part, out);
      } else {
        line.add(t);
      }
    }
    lines.add(line);
    flushParagraphs(lines, out);
    return out.toString();
  }

  /**
   * Renders formatted text as inline Markdown on one line: line breaks become spaces, blocks
   * become inline spans. For texts placed inside a line, such as poll answers.
   */
  public static String renderInline(List<TextPart> parts) {
    if (parts.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(32);
    List<Token> line = new ArrayList<>();
    for (Token t : tokenize(parts, false)) {
      line.add(t.kind == Token.NEWLINE ? new Token(Token.TEXT, SPACE, " ") : t);
    }
    appendLine(line, new Line(out));
    return out.toString();
  }

  /**
   * Escapes plain text for use inside a line, after other text (line breaks become spaces). What
   * only matters at a line start ({@code # > - +}, list numbers) is left alone: callers put their
   * own text first.
   */
  public static String escapeInline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    new Line(out, false).plain(normalizeNewlines(text).replace('\n', ' '));
    return out.toString();
  }

  /**
   * Plain text in bold, for a place with whitespace or a line edge on both sides (a header):
   * there {@code **} always works.
   */
  public static String strongSpaced(String raw) {
    String core = raw.strip();
    return core.isEmpty() ? "" : "**" + escapeInline(core) + "**";
  }

  /** Plain text in italics, for a place with whitespace or a line edge on both sides. */
  public static String emphasisSpaced(String raw) {
    String core = raw.strip();
    return core.isEmpty() ? "" : "*" + escapeInline(core) + "*";
  }

  // --- tokens ------------------------------------------------------------------------------------

  private static final class Token {
    static final int TEXT = 0;
    static final int NEWLINE = 1;
    static final int BLOCK = 2;
    static final Token NL = new Token(NEWLINE, null, null);

    final int kind;
    final TextPart part;
    final String text;

    Token(int kind, TextPart part, String text) {
      this.kind = kind;
      this.part = part;
      this.text = text;
    }
  }

  /**
   * Splits the parts into text fragments and newlines; pre and blockquote runs that fill whole
   * lines become blocks.
   */
  private static List<Token> tokenize(List<TextPart> parts, boolean blocks) {
    List<Token> tokens = new ArrayList<>(parts.size() * 2);
    int n = parts.size();
    String[] texts = new String[n];
    for (int i = 0; i < n; i++) {
      texts[i] = normalizeNewlines(parts.get(i).text());
    }
    for (int i = 0; i < n; i++) {
      TextPart part = parts.get(i);
      String text = texts[i];
      if (blocks && isBlockPart(part) && startsLine(texts, i) && endsLine(texts, i)) {
        tokens.add(new Token(Token.BLOCK, part, text));
        continue;
      }
      int from = 0;
      while (true) {
        int nl = text.indexOf('\n', from);
        String piece = nl < 0 ? text.substring(from) : text.substring(from, nl);
        if (!piece.isEmpty()) {
          tokens.add(new Token(Token.TEXT, part, piece));
        }
        if (nl < 0) {
          break;
        }
        tokens.add(Token.NL);
        from = nl + 1;
      }
    }
    return tokens;
  }

  private static boolean isBlockPart(TextPart part) {
    return part instanceof TextPart.Pre || part instanceof TextPart.Blockquote;
  }

  private static boolean startsLine(String[] texts, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (!texts[j].isEmpty()) {
        return texts[j].charAt(texts[j].length() - 1) == '\n';
      }
    }
    return true;
  }

  private static boolean endsLine(String[] texts, int i) {
    if (texts[i].endsWith("\n")) {
      return true;
    }
    for (int j = i + 1; j < texts.length; j++) {
      if (!texts[j].isEmpty()) {
        return texts[j].charAt(0) == '\n';
      }
    }
    return true;
  }

  static String normalizeNewlines(String s) {
    if (s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  // --- paragraphs and blocks ---------------------------------------------------------------------

  /** Renders lines as paragraphs: blank lines separate them, other line breaks are hard breaks. */
  private static void flushParagraphs(List<List<Token>> lines, StringBuilder out) {
    boolean inParagraph = false;
    for (List<Token> line : lines) {
      if (isBlank(line)) {
        inParagraph = false;
        continue;
      }
      if (inParagraph) {
        out.append("  \n");
      } else {
        separateBlock(out);
        inParagraph = true;
      }
      appendLine(line, new Line(out));
    }
  }

  /**
   * Appends one line's fragments. Neighbouring fragments that render as plain text are joined
   * first, so that escaping sees them as the reader's parser will (a "1" next to "0." is "10.").
   */
  private static void appendLine(List<Token> tokens, Line line) {
    StringBuilder plain = null;
    for (Token t : tokens) {
      if (rendersPlain(t.part)) {
        if (plain == null) {
          plain = new StringBuilder();
        }
        plain.append(t.text);
        continue;
      }
      if (plain != null) {
        line.plain(plain.toString(), true);
        plain = null;
      }
      line.fragment(t.part, t.text);
    }
    if (plain != null) {
      line.plain(plain.toString());
    }
  }

  private static boolean rendersPlain(TextPart part) {
    if (part instanceof TextPart.Entity e) {
      return linkTarget(e) == null;
    }
    return part instanceof TextPart.Plain || part instanceof TextPart.Unknown
        || part instanceof TextPart.CustomEmoji || part instanceof TextPart.MentionName;
  }

  /** Where an entity links to: mentions, e-mails, URLs and phone numbers link; the rest is text. */
  static String linkTarget(TextPart.Entity entity) {
    String trimmed = entity.text().strip();
    return switch (entity.kind()) {
      case MENTION -> USERNAME.matcher(trimmed).matches() ? "https://t.me/" + trimmed.substring(1) : null;
      case EMAIL -> trimmed.indexOf('@') > 0 && trimmed.indexOf(' ') < 0 && trimmed.indexOf('\n') < 0
          ? "mailto:" + trimmed : null;
      case LINK -> trimmed.isEmpty() || trimmed.indexOf(' ') >= 0 || trimmed.indexOf('\n') >= 0 ? null
          : SCHEME.matcher(trimmed).matches() ? trimmed : "https://" + trimmed;
      case PHONE -> phoneLink(trimmed);
      case HASHTAG, CASHTAG, BOT_COMMAND, BANK_CARD -> null;
    };
  }

  private static String phoneLink(String trimmed) {
    String digits = trimmed.replaceAll("[^0-9+]", "");
    return digits.length() >= 3 ? "tel:" + digits : null;
  }

  private static boolean isBlank(List<Token> line) {
    for (Token t : line) {
      if (!t.text.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static void separateBlock(StringBuilder out) {
    if (out.length() > 0) {
      out.append("\n\n");
    }
  }

  private static void appendBlock(TextPart part, StringBuilder out) {
    String text = normalizeNewlines(part.text());
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (part instanceof TextPart.Pre pre) {
      separateBlock(out);
      int fence = Math.max(3, longestRun(text, '`') + 1);
      String ticks = "`".repeat(fence);
      out.append(ticks).append(language(pre.language())).append('\n');
      appendControlSafe(text, out);
      out.append('\n').append(ticks);
      return;
    }
    // a blockquote: its lines prefixed with "> ", blank lines as paragraph breaks inside it
    String[] lines = text.split("\n", -1);
    int first = 0;
    int last = lines.length - 1;
    while (first <= last && lines[first].isBlank()) {
      first++;
    }
    while (last >= first && lines[last].isBlank()) {
      last--;
    }
    if (first > last) {
      return;
    }
    separateBlock(out);
    boolean afterBlank = false;
    for (int i = first; i <= last; i++) {
      if (lines[i].isBlank()) {
        afterBlank = true;
        continue;
      }
      if (i > first) {
        out.append(afterBlank ? "\n>\n> " : "  \n> ");
      } else {
        out.append("> ");
      }
      afterBlank = false;
      new Line(out).plain(lines[i]);
    }
  }

  private static String language(String language) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < language.length() && sb.length() < 40; i++) {
      char c = language.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '-' || c == '.' || c == '_') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Code block content, kept as is but for NUL (which CommonMark replaces anyway). */
  private static void appendControlSafe(String text, StringBuilder out) {
    if (text.indexOf('\0') < 0) {
      out.append(text);
      return;
    }
    out.append(text.replace('\0', '\uFFFD'));
  }

  static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        run++;
        best = Math.max(best, run);
      } else {
        run = 0;
      }
    }
    return best;
  }

  // --- one line ----------------------------------------------------------------------------------

  /** Appends inline content to one line of output, tracking whether it is at the line's start. */
  private static final class Line {
    private final StringBuilder out;
    private final int start;

    Line(StringBuilder out) {
      this(out, true);
    }

    /** @param lineStart whether the output position is the start of a line */
    Line(StringBuilder out, boolean lineStart) {
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
      if (part instanceof TextPart.Plain || part instanceof TextPart.Unknown
          || part instanceof TextPart.CustomEmoji || part instanceof TextPart.MentionName) {
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
      for (; i < n; i++) {
        char c = text.charAt(i);
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
            if (i > 0 && i + 1 < n && Character.isLetterOrDigit(text.charAt(i - 1))
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
          default:
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
              out.append("&#").append((int) c).append(';');
            } else {
              out.append(c);
            }
        }
      }
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

    private static boolean isEntityChar(char c) {
      return c == '#' || (c < 128 && Character.isLetterOrDigit(c));
    }

    void styled(TextPart.Style style, String text) {
      switch (style) {
        case BOLD -> delimited("**", "<b>", "</b>", text);
        case ITALIC -> delimited("*", "<i>", "</i>", text);
        case STRIKETHROUGH -> delimited("~~", "<s>", "</s>", text);
        case UNDERLINE -> wrapped("<u>", text, "</u>");
        case SPOILER -> wrapped("<span class=\"spoiler\">", text, "</span>");
        default -> throw new IllegalStateException("unhandled text style " + style);
      }
    }

    /**
     * Wraps the text's core (without its leading and trailing whitespace) in Markdown delimiters
     * when they are sure to open and close, else in HTML tags.
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
      if (isWordish(core.codePointAt(0)) && isWordish(core.codePointBefore(core.length()))
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
      int fence = longestRun(content, '`') + 1;
      boolean unsafe = (fence >= 3 && atStart()) || last() == '`' || content.indexOf('\0') >= 0
          || hasControl(content);
      if (unsafe) {
        out.append("<code>");
        plain(content);
        out.append("</code>");
        return;
      }
      String ticks = "`".repeat(fence);
      boolean pad = content.charAt(0) == '`' || content.charAt(content.length() - 1) == '`'
          || (content.charAt(0) == ' ' && content.charAt(content.length() - 1) == ' ' && !content.isBlank());
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
      out.append("](").append(destination(href)).append(')');
      plain(text.substring(b));
    }

    void entity(TextPart.Entity entity, String text) {
      String href = linkTarget(entity);
      if (href == null) {
        plain(text);
      } else {
        link(text, href);
      }
    }
  }

  /** A link destination in angle brackets: spaces, parentheses and {@code <>} all allowed. */
  public static String destination(String href) {
    StringBuilder sb = new StringBuilder(href.length() + 2).append('<');
    for (int i = 0; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c == '<' || c == '>' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n' || c == '\r') {
        sb.append(c == '\n' ? "%0A" : "%0D");
      } else if (c == 0) {
        sb.append("%00");
      } else {
        sb.append(c);
      }
    }
    return sb.append('>').toString();
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
