package dev.tgmd.source;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A message's text as Telegram Desktop's HTML export writes it, back into {@link TextPart}s: one
 * tag a run ({@code <strong>}, {@code <em>}, {@code <u>}, {@code <s>}, the spoiler's {@code span},
 * {@code <code>}, {@code <pre>}, {@code <blockquote>}, and {@code <a>} for links, mentions,
 * hashtags, cashtags, bot commands, e-mails and phone numbers), {@code <br>} for a line break.
 *
 * <p>What HTML cannot tell apart: a text link whose text is its URL reads as a link; bank cards and
 * custom emoji are plain text; a mention by name has no user id (0); a pre block has no language;
 * whether a quote was collapsed. Pure functions, thread-safe.
 */
final class HtmlText {

  private static final String T_ME = "https://t.me/";

  private HtmlText() {}

  /** An element's text with {@code <br>} as a line break, everything else flattened. */
  static String flat(Element e) {
    StringBuilder sb = new StringBuilder();
    appendFlat(e, sb);
    return sb.toString();
  }

  private static void appendFlat(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (child instanceof Element el) {
        if (el.nameIs("br")) {
          sb.append('\n');
        } else {
          appendFlat(el, sb);
        }
      }
    }
  }

  /** The text of an element's own text nodes and inline children, until the first block child. */
  static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (child instanceof Element el && el.nameIs("br")) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The runs of a {@code div.text} (or a poll's question, an answer): the whitespace Telegram
   * Desktop writes around the text is dropped.
   */
  static List<TextPart> parts(Element text) {
    List<TextPart> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    for (Node child : text.childNodes()) {
      if (child instanceof TextNode t) {
        plain.append(t.getWholeText());
      } else if (child instanceof Element el) {
        if (el.nameIs("br")) {
          plain.append('\n');
          continue;
        }
        TextPart part = part(el);
        if (part instanceof TextPart.Plain p) {
          plain.append(p.text());
          continue;
        }
        flush(plain, parts);
        parts.add(part);
      }
    }
    flush(plain, parts);
    return trim(parts);
  }

  private static void flush(StringBuilder plain, List<TextPart> parts) {
    if (plain.length() > 0) {
      parts.add(new TextPart.Plain(plain.toString()));
      plain.setLength(0);
    }
  }

  /**
   * Drops the layout whitespace Telegram Desktop writes around a text: a line break before the
   * first run, a line break and indentation after the last. A line break of the text itself is
   * always a {@code <br>}, so these are never the text's own; spaces of the text itself stay.
   */
  private static List<TextPart> trim(List<TextPart> parts) {
    if (!parts.isEmpty() && parts.get(0) instanceof TextPart.Plain p) {
      String s = p.text();
      if (s.startsWith("\r\n")) {
        s = s.substring(2);
      } else if (s.startsWith("\n")) {
        s = s.substring(1);
      }
      replace(parts, 0, s);
    }
    int last = parts.size() - 1;
    if (last >= 0 && parts.get(last) instanceof TextPart.Plain p) {
      String s = p.text();
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
        end--;
      }
      if (end > 0 && s.charAt(end - 1) == '\n') {
        end--;
        if (end > 0 && s.charAt(end - 1) == '\r') {
          end--;
        }
        replace(parts, last, s.substring(0, end));
      }
    }
    return parts;
  }

  private static void replace(List<TextPart> parts, int i, String text) {
    if (text.isEmpty()) {
      parts.remove(i);
    } else {
      parts.set(i, new TextPart.Plain(text));
    }
  }

  /** The run one inline element writes. */
  private static TextPart part(Element el) {
    String text = flat(el);
    switch (el.normalName()) {
      case "strong":
      case "b":
        return new TextPart.Styled(TextPart.Style.BOLD, text);
      case "em":
      case "i":
        return new TextPart.Styled(TextPart.Style.ITALIC, text);
      case "u":
        return new TextPart.Styled(TextPart.Style.UNDERLINE, text);
      case "s":
      case "strike":
      case "del":
        return new TextPart.Styled(TextPart.Style.STRIKETHROUGH, text);
      case "code":
        return new TextPart.Code(text);
      case "pre":
        return new TextPart.Pre(text, "");
      case "blockquote":
        return new TextPart.Blockquote(text, false);
      case "span":
        return el.hasClass("spoiler")
            ? new TextPart.Styled(TextPart.Style.SPOILER, text)
            : new TextPart.Plain(text);
      case "a":
        return link(el, text);
      default:
        return new TextPart.Plain(text);
    }
  }

  /** What an {@code <a>} in a text is: an entity Telegram recognised, or a text link. */
  private static TextPart link(Element a, String text) {
    String onclick = a.attr("onclick");
    if (!onclick.isEmpty()) {
      if (onclick.contains("ShowHashtag")) {
        return new TextPart.Entity(TextPart.EntityType.HASHTAG, text);
      }
      if (onclick.contains("ShowCashtag")) {
        return new TextPart.Entity(TextPart.EntityType.CASHTAG, text);
      }
      if (onclick.contains("ShowBotCommand")) {
        return new TextPart.Entity(TextPart.EntityType.BOT_COMMAND, text);
      }
      if (onclick.contains("ShowMentionName")) {
        return new TextPart.MentionName(text, 0);
      }
    }
    String href = a.attr("href");
    if (href.equals("mailto:" + text)) {
      return new TextPart.Entity(TextPart.EntityType.EMAIL, text);
    }
    if (href.equals("tel:" + text)) {
      return new TextPart.Entity(TextPart.EntityType.PHONE, text);
    }
    if (text.startsWith("@") && href.equals(T_ME + text.substring(1))) {
      return new TextPart.Entity(TextPart.EntityType.MENTION, text);
    }
    if (href.equals(text) || href.equals("http://" + text) || href.equals("https://" + text)) {
      return new TextPart.Entity(TextPart.EntityType.LINK, text);
    }
    return new TextPart.TextLink(text, href);
  }
}
