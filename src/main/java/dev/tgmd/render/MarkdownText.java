package dev.tgmd.render;

import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a message's formatted text as CommonMark that reads back as exactly the same text.
 *
 * <p>Every character that could start Markdown syntax is escaped where it could: always for {@code
 * \ * _ ` [ ] < | ~ $ ^} (an underscore inside a word excepted), at a line start for {@code # > - +
 * =} and ordered-list numbers, and where an entity, highlight or comment could form for {@code & =
 * %}. Leading whitespace becomes a character reference so it never makes an indented code block.
 * Telegram's line breaks become hard breaks (two trailing spaces), blank lines paragraph breaks.
 * Styles use Markdown delimiters when the delimiters are sure to work and inline HTML ({@code <b>},
 * {@code <i>}, {@code <s>}) when they are not; underline and spoilers always use HTML ({@code <u>},
 * {@code <span class="spoiler">}). Obsidian-only syntax never appears here.
 *
 * <p>Pure and thread-safe.
 */
public final class MarkdownText {

  private static final TextPart SPACE = new TextPart.Plain(" ");
  private static final java.util.regex.Pattern USERNAME =
      java.util.regex.Pattern.compile("@[A-Za-z0-9_]{1,64}");
  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("(?is)^[a-z][a-z0-9+.-]*:.*");

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
        new MarkdownLine(out).plain(text);
        return out.toString();
      }
    }
    List<Token> tokens = tokenize(parts, true);
    int chars = 16;
    for (TextPart p : parts) {
      chars += p.text().length();
    }
    StringBuilder out = new StringBuilder(chars + chars / 8);
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
   * Renders formatted text as inline Markdown on one line: line breaks become spaces, blocks become
   * inline spans. For texts placed inside a line, such as poll answers.
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
    appendLine(line, new MarkdownLine(out));
    return out.toString();
  }

  /**
   * Escapes plain text for use inside a line, after other text (line breaks become spaces). What
   * only matters at a line start ({@code # > - +}, list numbers) is left alone: callers put their
   * own text first.
   */
  public static String escapeInline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    new MarkdownLine(out, false).plain(normalizeNewlines(text).replace('\n', ' '));
    return out.toString();
  }

  /**
   * Plain text in bold, for a place with whitespace or a line edge on both sides (a header): there
   * {@code **} always works.
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
      appendLine(line, new MarkdownLine(out));
    }
  }

  /**
   * Appends one line's fragments. Neighbouring fragments that render as plain text are joined
   * first, so that escaping sees them as the reader's parser will (a "1" next to "0." is "10.").
   */
  private static void appendLine(List<Token> tokens, MarkdownLine line) {
    int run = 0; // the plain run's first token, not yet written
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (rendersPlain(t.part)) {
        continue;
      }
      if (run < i) {
        line.plain(joined(tokens, run, i), true);
      }
      line.fragment(t.part, t.text);
      run = i + 1;
    }
    if (run < tokens.size()) {
      line.plain(joined(tokens, run, tokens.size()));
    }
  }

  /** The texts of {@code tokens[from, to)} as one string: the one text itself when there is one. */
  private static String joined(List<Token> tokens, int from, int to) {
    if (to - from == 1) {
      return tokens.get(from).text;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(tokens.get(i).text);
    }
    return sb.toString();
  }

  private static boolean rendersPlain(TextPart part) {
    if (part instanceof TextPart.Entity e) {
      return linkTarget(e) == null;
    }
    return part instanceof TextPart.Plain
        || part instanceof TextPart.Unknown
        || part instanceof TextPart.CustomEmoji
        || part instanceof TextPart.MentionName;
  }

  /** Where an entity links to: mentions, e-mails, URLs and phone numbers link; the rest is text. */
  static String linkTarget(TextPart.Entity entity) {
    String trimmed = entity.text().strip();
    return switch (entity.kind()) {
      case MENTION ->
          USERNAME.matcher(trimmed).matches() ? "https://t.me/" + trimmed.substring(1) : null;
      case EMAIL ->
          trimmed.indexOf('@') > 0 && trimmed.indexOf(' ') < 0 && trimmed.indexOf('\n') < 0
              ? "mailto:" + trimmed
              : null;
      case LINK ->
          trimmed.isEmpty() || trimmed.indexOf(' ') >= 0 || trimmed.indexOf('\n') >= 0
              ? null
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
      new MarkdownLine(out).plain(lines[i]);
    }
  }

  private static String language(String language) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < language.length() && sb.length() < 40; i++) {
      char c = language.charAt(i);
      if (Character.isLetterOrDigit(c)
          || c == '+'
          || c == '#'
          || c == '-'
          || c == '.'
          || c == '_') {
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
}
