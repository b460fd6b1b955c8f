package dev.tgmd.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Reads one {@code div.message} element of Telegram Desktop's HTML export into a {@link Message}:
 * its id, date ({@code title} of {@code div.date}, see {@link HtmlDates}), sender (or the one the
 * reader wrote into {@code data-tgmd-from} for a "joined" message), "via @bot", the post signature,
 * the forward's origin, the reply, the text ({@link HtmlText}), media and other content ({@link
 * HtmlMedia}), bot buttons and reactions ({@link HtmlExtras}); a service element's sentence becomes
 * its action.
 *
 * <p>What the HTML does not carry stays empty: sender ids, the edit date, the forward's original
 * date (the page shows it; the model has no field for it, so it is kept as an extra field), a
 * service message's time (it gets the day of the date separator above it, {@link
 * MessageDate#dayOnly()}) and actor (only a pin's actor is read), the id of a message replied to in
 * another chat. Pure functions, thread-safe.
 */
final class HtmlMessageParser {

  private HtmlMessageParser() {}

  /** Where an element is, for errors: {@code message 12 (div#message12)}. */
  static String where(Element e) {
    String id = e.id();
    if (id.startsWith("message")) {
      return "message " + id.substring("message".length()) + " (div#" + id + ")";
    }
    return id.isEmpty() ? "a div.message without an id" : "div#" + id;
  }

  /**
   * The day a date separator names (a service element with a negative id whose text is a day), or
   * null when {@code e} is no date separator.
   */
  static java.time.LocalDate dateSeparator(Element e) {
    if (!e.hasClass("service") || !e.id().startsWith("message-")) {
      return null;
    }
    Element body = child(e, "body");
    return body == null ? null : HtmlDates.day(HtmlText.flat(body).strip());
  }

  /** The sender the element names itself, or null ("joined" messages name none). */
  static String ownSender(Element e) {
    Element body = child(e, "body");
    Element from = body == null ? null : child(body, "from_name");
    return from == null ? null : HtmlText.ownText(from).strip();
  }

  /** The message {@code e} holds; {@code page} names the page in errors. */
  static Message parse(Element e, Path page) throws ExportFormatException {
    long id = id(e, page);
    if (e.hasClass("service")) {
      return service(e, id, page);
    }
    Element body = child(e, "body");
    if (body == null) {
      throw error(page, e, where(e) + ": no div.body");
    }
    MessageDate date = date(body, e, page);
    String sender;
    String viaBot = null;
    Element from = child(body, "from_name");
    if (from != null) {
      sender = HtmlText.ownText(from).strip();
      Element via = child(from, "span", "details", true);
      if (via != null) {
        String v = HtmlText.flat(via).strip();
        viaBot = v.startsWith("via ") ? v.substring(4).strip() : null;
      }
    } else {
      sender =
          e.hasAttr(HtmlExportReader.FROM_ATTRIBUTE)
              ? e.attr(HtmlExportReader.FROM_ATTRIBUTE)
              : null;
    }
    if (sender != null && sender.isEmpty()) {
      sender = null;
    }
    List<ExtraField> extras = new ArrayList<>();
    Message.Forward forward = null;
    Element content = body;
    Element forwarded = child(body, "forwarded", "body");
    if (forwarded != null) {
      content = forwarded;
      Element origin = child(forwarded, "from_name");
      String name = origin == null ? null : HtmlText.ownText(origin).strip();
      forward = new Message.Forward(name == null || name.isEmpty() ? null : name);
      Element when = origin == null ? null : child(origin, "span", "details", true);
      if (when != null) {
        String shown = when.hasAttr("title") ? when.attr("title") : HtmlText.flat(when).strip();
        if (!shown.isEmpty()) {
          extras.add(new ExtraField("forwarded_date", shown.strip()));
        }
      }
    }
    Long replyTo = null;
    Element reply = child(body, "reply_to");
    if (reply != null) {
      replyTo = HtmlExtras.goToMessage(reply);
      if (replyTo == null) {
        extras.add(new ExtraField("reply_to", HtmlText.flat(reply).strip()));
      }
    }
    Element signature = child(body, "signature");
    String author = signature == null ? null : HtmlText.flat(signature).strip();
    Element text = child(content, "text");
    List<TextPart> parts = text == null ? List.of() : HtmlText.parts(text);
    HtmlMedia.Content media = HtmlMedia.read(child(content, "media_wrap"), where(e), page);
    List<List<Button>> buttons = HtmlExtras.buttons(body);
    List<Reaction> reactions = HtmlExtras.reactions(body);
    Message.Type kind = media.call() == null ? Message.Type.MESSAGE : Message.Type.SERVICE;
    return new Message(
        id,
        kind,
        date,
        null,
        sender,
        null,
        author == null || author.isEmpty() ? null : author,
        forward,
        null,
        replyTo,
        null,
        viaBot,
        parts,
        media.attachments(),
        media.call(),
        reactions,
        buttons,
        extras);
  }

  private static long id(Element e, Path page) throws ExportFormatException {
    String id = e.id();
    if (id.startsWith("message")) {
      try {
        return Long.parseLong(id.substring("message".length()));
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw error(
        page,
        e,
        (id.isEmpty() ? "a div.message without an id" : "div#" + id)
            + ": not a message id (Telegram Desktop writes id=\"message123\")");
  }

  private static MessageDate date(Element body, Element e, Path page) throws ExportFormatException {
    Element date = child(body, "date");
    if (date == null || !date.hasAttr("title")) {
      throw error(page, e, where(e) + ": no date (div.date with a title)");
    }
    String title = date.attr("title");
    MessageDate parsed = HtmlDates.parse(title);
    if (parsed == null) {
      throw error(
          page,
          e,
          where(e)
              + ": a date that is not DD.MM.YYYY HH:MM:SS (with an optional UTC+hh:mm): '"
              + title
              + "'");
    }
    return parsed;
  }

  /** A service element: its sentence, a pin's target. */
  private static Message service(Element e, long id, Path page) throws ExportFormatException {
    Element body = child(e, "body");
    if (body == null) {
      throw error(page, e, where(e) + ": a service message without a div.body");
    }
    String sentence = HtmlText.flat(body).strip();
    Long pinned = HtmlExtras.goToMessage(body);
    ServiceAction action;
    String actor = null;
    String pinnedTail = " pinned " + linkText(body);
    if (pinned != null
        && sentence.endsWith(pinnedTail)
        && sentence.length() > pinnedTail.length()) {
      actor = sentence.substring(0, sentence.length() - pinnedTail.length()).strip();
      action = new ServiceAction.Pinned("pin_message", pinned);
    } else {
      action = new ServiceAction.Info(sentence);
    }
    MessageDate day = null;
    String stored = e.attr(HtmlExportReader.DAY_ATTRIBUTE);
    if (!stored.isEmpty()) {
      try {
        day = MessageDate.day(java.time.LocalDate.parse(stored));
      } catch (java.time.format.DateTimeParseException ex) {
        throw error(
            page, e, where(e) + ": not a day in " + HtmlExportReader.DAY_ATTRIBUTE + ": " + stored);
      }
    }
    return new Message(
        id,
        Message.Type.SERVICE,
        day,
        null,
        actor,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        action,
        List.of(),
        List.of(),
        List.of());
  }

  private static String linkText(Element body) {
    for (Element a : body.getElementsByTag("a")) {
      if (a.hasAttr("onclick")) {
        return HtmlText.flat(a).strip();
      }
    }
    return "";
  }

  /**
   * The error of element {@code e} of {@code page}: one line with the page, the line where the
   * element starts (when the parser tracked it) and the reason.
   */
  static ExportFormatException error(Path page, Element e, String reason) {
    org.jsoup.nodes.Range at = e.sourceRange();
    int line = at.isTracked() ? at.start().lineNumber() : 0;
    return new ExportFormatException(page, Math.max(0, line), 0, reason, null);
  }

  /** The first child element of {@code parent} with class {@code cls}, or null. */
  static Element child(Element parent, String cls) {
    return child(parent, cls, cls);
  }

  /** The first child element of {@code parent} with both classes, or null. */
  static Element child(Element parent, String cls, String other) {
    if (parent == null) {
      return null;
    }
    for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
      String names = c.attr("class");
      if (hasClass(names, cls) && (other == cls || hasClass(names, other))) {
        return c;
      }
    }
    return null;
  }

  /** The first child element of {@code parent} with that tag and class, or null. */
  static Element child(Element parent, String tag, String cls, boolean byTag) {
    for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
      if (c.nameIs(tag) && hasClass(c.attr("class"), cls)) {
        return c;
      }
    }
    return null;
  }

  /** Whether a {@code class} attribute's value names {@code cls} (classes split by whitespace). */
  static boolean hasClass(String names, String cls) {
    int n = cls.length();
    int from = 0;
    while (true) {
      int at = names.indexOf(cls, from);
      if (at < 0) {
        return false;
      }
      int end = at + n;
      if ((at == 0 || Character.isWhitespace(names.charAt(at - 1)))
          && (end == names.length() || Character.isWhitespace(names.charAt(end)))) {
        return true;
      }
      from = at + 1;
    }
  }
}
