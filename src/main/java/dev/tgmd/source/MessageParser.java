package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one message object into a {@link Message}, field by field, from a streaming parser. Every
 * field of the format reference is understood; anything else is kept as an {@link ExtraField}.
 * Not thread-safe.
 */
final class MessageParser {

  private static final int MAX_SHARED = 4096;

  /**
   * The most JSON bytes one message may take. Telegram's largest message (4,096 chars of text,
   * each written twice, in {@code text} and {@code text_entities}, at most 6 bytes a char as
   * {@code \\uXXXX}, plus reactions, buttons, a poll) stays below 100 KB; 4 MiB is 40 times that.
   *
   * <p>Memory, worked out for the 192 MB heap of {@code bin/tgmd}: a message of B JSON bytes and T
   * tokens takes at most about 2B bytes of strings (UTF-16 in the worst case) and 64 bytes of
   * objects a token (a one-char text part is a record, a String and its array), and its rendered
   * Markdown block again at most about 6B (escapes double a char, UTF-16 doubles again); so
   * {@link #weight} estimates 8B + 64T, at most 8 * 4 MiB + 64 * 256 Ki = 48 MiB for the largest
   * message allowed. The pipeline holds at most {@code queueCapacity * batchSize} messages (2 *
   * workers * 128), which alone bounds nothing when every message is large; so the export also
   * bounds the total weight in flight ({@code Exporter.MAX_WEIGHT_IN_FLIGHT}, 32 MiB), which a
   * batch may exceed by one message: at most 80 MiB estimated, besides the note bodies held for
   * writing (4 Mi chars, 8 MiB, before they spill to disk) and the reply index (about 30 MB for
   * 100,000 entries). Ordinary messages (about 650 bytes, 30 tokens: 7 KB estimated) never meet
   * the bound.
   */
  static final int MAX_MESSAGE_BYTES = 4 << 20;

  /** The most JSON tokens one message may have: 2.5 times the 100,000 of the worst real one. */
  static final int MAX_MESSAGE_TOKENS = 256 << 10;

  /** How a too-large message's error begins (ExportReader recognizes it). */
  static final String TOO_LARGE = "a message of more than ";

  private final Bounded bounded;
  private long lastWeight;

  private final JsonValues values;
  private final java.util.HashMap<String, String> sharedNames = new java.util.HashMap<>();

  MessageParser(JsonValues values) {
    this.values = values;
    this.bounded = new Bounded(values);
  }

  /** The weight of the message {@link #parse} returned last (see {@link ExportEvent.MessageRead}). */
  long lastWeight() {
    return lastWeight;
  }

  /** 8 bytes a JSON byte and 64 a token: see {@link #MAX_MESSAGE_BYTES}. */
  static long weight(long bytes, long tokens) {
    return 8 * bytes + 64 * tokens;
  }

  /**
   * The parser as one message sees it: every token counted, and the message refused as soon as it
   * passes {@link #MAX_MESSAGE_BYTES} or {@link #MAX_MESSAGE_TOKENS}, before it takes more memory
   * (skipped values take none). Bytes are first counted cheaply as the file is consumed (that runs
   * ahead of the parser by its buffers); only past the bound less that slack is the parser's exact
   * position asked for.
   */
  private static final class Bounded extends com.fasterxml.jackson.core.util.JsonParserDelegate {
    private static final int SLACK = 256 << 10;
    private final JsonValues values;
    private JsonLocation start;
    private long startIn;
    private long tokens;

    Bounded(JsonValues values) {
      super(null);
      this.values = values;
    }

    Bounded reset(JsonParser p, JsonLocation start) {
      this.delegate = p;
      this.start = start;
      this.startIn = values.bytesIn();
      this.tokens = 1;
      return this;
    }

    long bytes() {
      long end = delegate.currentLocation().getByteOffset();
      return start.getByteOffset() < 0 || end < 0 ? values.bytesIn() - startIn : end - start.getByteOffset();
    }

    long tokens() {
      return tokens;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      check();
      return delegate.nextToken();
    }

    @Override
    public String nextFieldName() throws IOException {
      check();
      return delegate.nextFieldName();
    }

    private void check() throws IOException {
      if (++tokens > MAX_MESSAGE_TOKENS) {
        throw tooLarge(String.format(java.util.Locale.ROOT, "%,d JSON values", MAX_MESSAGE_TOKENS));
      }
      if (values.bytesIn() - startIn > MAX_MESSAGE_BYTES - SLACK && bytes() > MAX_MESSAGE_BYTES) {
        throw tooLarge(String.format(java.util.Locale.ROOT, "%,d bytes", MAX_MESSAGE_BYTES));
      }
    }

    private IOException tooLarge(String what) {
      return new com.fasterxml.jackson.core.exc.StreamConstraintsException(TOO_LARGE + what
          + " (Telegram's largest take under 100 KB): the export is damaged or was not written by Telegram", start);
    }
  }

  /**
   * One instance of each sender name and id: a chat has few senders and every message names one,
   * and the reply index keeps many of them.
   */
  private String shared(String s) {
    if (s == null) {
      return null;
    }
    String known = sharedNames.putIfAbsent(s, s);
    if (known != null) {
      return known;
    }
    if (sharedNames.size() > MAX_SHARED) {
      sharedNames.clear();
    }
    return s;
  }

  /** Reads the message whose START_OBJECT is the parser's current token. */
  Message parse(JsonParser parser) throws IOException, ExportFormatException {
    JsonLocation start = parser.currentTokenLocation();
    Bounded p = bounded.reset(parser, start);
    Fields f = new Fields();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw values.error(p, "unexpected end of file: the export looks truncated");
      }
      read(p, name, f);
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw values.error(p, "expected a field name in a message, found " + JsonValues.describe(p.currentToken()));
    }
    lastWeight = weight(p.bytes(), p.tokens());
    return f.build(start);
  }

  private void read(JsonParser p, String name, Fields f) throws IOException, ExportFormatException {
    switch (name) {
      case "id":
        f.id = values.longValue(p, name);
        f.hasId = true;
        break;
      case "type":
        f.type = values.string(p, name);
        break;
      case "date":
        f.date = values.date(p, name);
        break;
      case "date_unixtime":
        f.dateUnix = values.unixTime(p, name);
        break;
      case "edited":
        f.edited = values.date(p, name);
        break;
      case "edited_unixtime":
        f.editedUnix = values.unixTime(p, name);
        break;
      case "from":
      case "actor":
        f.sender = shared(values.stringOrNull(p, name));
        break;
      case "from_id":
      case "actor_id":
        f.senderId = shared(values.idString(p, name));
        break;
      case "author":
        f.author = values.stringOrNull(p, name);
        break;
      case "forwarded_from":
        f.forwarded = true;
        f.forwardedFrom = values.stringOrNull(p, name);
        break;
      case "saved_from":
        f.savedFrom = values.stringOrNull(p, name);
        break;
      case "reply_to_message_id":
        f.replyTo = values.longLenient(p, name);
        break;
      case "reply_to_peer_id":
        f.replyToPeer = peerId(p, name);
        break;
      case "via_bot":
        f.viaBot = values.stringOrNull(p, name);
        break;
      case "text":
        f.text = text(p, name);
        break;
      case "text_entities":
        f.entities = entities(p, name);
        break;
      case "photo":
        f.photo = values.stringOrNull(p, name);
        break;
      case "photo_file_size":
        f.photoSize = values.longLenient(p, name);
        break;
      case "file":
        f.file = values.stringOrNull(p, name);
        break;
      case "file_name":
        f.fileName = values.stringOrNull(p, name);
        break;
      case "file_size":
        f.fileSize = values.longLenient(p, name);
        break;
      case "mime_type":
        f.mimeType = values.stringOrNull(p, name);
        break;
      case "media_type":
        f.mediaType = values.stringOrNull(p, name);
        break;
      case "duration_seconds":
        f.duration = values.intOrNull(p, name);
        break;
      case "width":
        f.width = values.intOrNull(p, name);
        break;
      case "height":
        f.height = values.intOrNull(p, name);
        break;
      case "performer":
        f.performer = values.stringOrNull(p, name);
        break;
      case "title":
        f.title = values.stringOrNull(p, name);
        break;
      case "sticker_emoji":
        f.stickerEmoji = values.stringOrNull(p, name);
        break;
      case "media_spoiler":
        f.spoiler = values.bool(p, name);
        break;
      case "thumbnail":
      case "thumbnail_file_size":
      case "contact_vcard_file_size":
      case "self_destruct_period_seconds":
        p.skipChildren();
        break;
      case "contact_information":
        contact(p, name, f);
        break;
      case "contact_vcard":
        f.vcard = values.stringOrNull(p, name);
        break;
      case "location_information":
        location(p, name, f);
        break;
      case "live_location_period_seconds":
        f.livePeriod = values.intOrNull(p, name);
        break;
      case "place_name":
        f.placeName = values.stringOrNull(p, name);
        break;
      case "address":
        f.address = values.stringOrNull(p, name);
        break;
      case "poll":
        f.poll = poll(p, name);
        break;
      case "game_title":
        f.gameTitle = values.stringOrNull(p, name);
        f.hasGame = true;
        break;
      case "game_description":
        f.gameDescription = values.stringOrNull(p, name);
        f.hasGame = true;
        break;
      case "game_link":
        f.gameLink = values.stringOrNull(p, name);
        f.hasGame = true;
        break;
      case "invoice_information":
        f.invoice = invoice(p, name);
        break;
      case "todo_list":
        f.todo = todo(p, name);
        break;
      case "giveaway_information":
      case "giveaway_results":
      case "paid_stars_amount":
        f.others.add(new Attachment.Other(name, objectFields(p)));
        break;
      case "reactions":
        f.reactions = reactions(p, name);
        break;
      case "inline_bot_buttons":
        f.buttons = buttons(p, name);
        break;
      case "action":
        f.action = values.string(p, name);
        break;
      case "members":
        f.members = values.nullableStrings(p, name);
        break;
      case "inviter":
        f.inviter = values.stringOrNull(p, name);
        break;
      case "message_id":
        f.messageId = values.longLenient(p, name);
        break;
      case "discard_reason":
        f.discardReason = values.stringOrNull(p, name);
        break;
      case "new_title":
        f.newTitle = values.stringOrNull(p, name);
        break;
      case "new_icon_emoji_id":
        f.newIconEmojiId = values.compact(p);
        break;
      case "information_text":
        f.informationText = values.stringOrNull(p, name);
        break;
      default:
        f.extras.add(new ExtraField(name, values.compact(p)));
    }
  }

  private Long peerId(JsonParser p, String name) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().replaceAll("^[a-z]+", "");
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return values.longLenient(p, name);
  }

  /** {@code text}: a plain string, or an array mixing strings and entity objects. */
  List<TextPart> text(JsonParser p, String name) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      return s.isEmpty() ? List.of() : List.of(new TextPart.Plain(s));
    }
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw values.error(p, "expected a string or an array for \"" + name + "\", found " + JsonValues.describe(t));
    }
    List<TextPart> parts = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        if (!p.getText().isEmpty()) {
          parts.add(new TextPart.Plain(p.getText()));
        }
      } else if (t == JsonToken.START_OBJECT) {
        TextPart part = entity(p);
        if (!part.text().isEmpty()) {
          parts.add(part);
        }
      } else if (t == null) {
        throw values.error(p, "unexpected end of file: the export looks truncated");
      } else {
        throw values.error(p, "expected a string or an object in \"" + name + "\", found " + JsonValues.describe(t));
      }
    }
    return parts;
  }

  /** {@code text_entities}: an array of entity objects. */
  private List<TextPart> entities(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw values.error(p, "expected an array for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
    List<TextPart> parts = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        if (t == null) {
          throw values.error(p, "unexpected end of file: the export looks truncated");
        }
        throw values.error(p, "expected an object in \"" + name + "\", found " + JsonValues.describe(t));
      }
      TextPart part = entity(p);
      if (!part.text().isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  private TextPart entity(JsonParser p) throws IOException, ExportFormatException {
    String type = "plain";
    String text = "";
    String href = null;
    String language = null;
    Long userId = null;
    String documentId = null;
    boolean collapsed = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw values.error(p, "unexpected end of file: the export looks truncated");
      }
      switch (name) {
        case "type":
          type = values.string(p, name);
          break;
        case "text":
          text = t == JsonToken.VALUE_NULL ? "" : values.string(p, name);
          break;
        case "href":
          href = values.stringOrNull(p, name);
          break;
        case "language":
          language = values.stringOrNull(p, name);
          break;
        case "user_id":
          userId = values.longLenient(p, name);
          break;
        case "document_id":
          documentId = values.compact(p);
          break;
        case "collapsed":
          collapsed = values.bool(p, name);
          break;
        default:
          p.skipChildren();
      }
    }
    switch (type) {
      case "plain":
        return new TextPart.Plain(text);
      case "bold":
        return new TextPart.Styled(TextPart.Style.BOLD, text);
      case "italic":
        return new TextPart.Styled(TextPart.Style.ITALIC, text);
      case "underline":
        return new TextPart.Styled(TextPart.Style.UNDERLINE, text);
      case "strikethrough":
        return new TextPart.Styled(TextPart.Style.STRIKETHROUGH, text);
      case "spoiler":
        return new TextPart.Styled(TextPart.Style.SPOILER, text);
      case "code":
        return new TextPart.Code(text);
      case "pre":
        return new TextPart.Pre(text, language);
      case "text_link":
        return new TextPart.TextLink(text, href);
      case "link":
        return new TextPart.Entity(TextPart.Kind.LINK, text);
      case "mention":
        return new TextPart.Entity(TextPart.Kind.MENTION, text);
      case "hashtag":
        return new TextPart.Entity(TextPart.Kind.HASHTAG, text);
      case "cashtag":
        return new TextPart.Entity(TextPart.Kind.CASHTAG, text);
      case "bot_command":
        return new TextPart.Entity(TextPart.Kind.BOT_COMMAND, text);
      case "email":
        return new TextPart.Entity(TextPart.Kind.EMAIL, text);
      case "phone":
        return new TextPart.Entity(TextPart.Kind.PHONE, text);
      case "bank_card":
        return new TextPart.Entity(TextPart.Kind.BANK_CARD, text);
      case "mention_name":
        return userId == null ? new TextPart.Plain(text) : new TextPart.MentionName(text, userId);
      case "blockquote":
        return new TextPart.Blockquote(text, collapsed);
      case "custom_emoji":
        return new TextPart.CustomEmoji(text, documentId);
      default:
        return new TextPart.Unknown(type, text);
    }
  }

  private void contact(JsonParser p, String name, Fields f) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expectObject(p, name);
    f.hasContact = true;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "first_name":
          f.firstName = values.stringOrNull(p, field);
          break;
        case "last_name":
          f.lastName = values.stringOrNull(p, field);
          break;
        case "phone_number":
          f.phone = values.stringOrNull(p, field);
          break;
        default:
          p.skipChildren();
      }
    }
    expectEndObject(p);
  }

  private void location(JsonParser p, String name, Fields f) throws IOException, ExportFormatException {
    f.hasLocation = true;
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expectObject(p, name);
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "latitude":
          f.latitude = values.doubleOrNull(p, field);
          break;
        case "longitude":
          f.longitude = values.doubleOrNull(p, field);
          break;
        default:
          p.skipChildren();
      }
    }
    expectEndObject(p);
  }

  private Attachment.Poll poll(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(p, name);
    List<TextPart> question = List.of();
    boolean closed = false;
    long voters = 0;
    List<Attachment.PollAnswer> answers = new ArrayList<>();
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (field) {
        case "question":
          question = text(p, field);
          break;
        case "closed":
          closed = values.bool(p, field);
          break;
        case "total_voters":
          Long v = values.longLenient(p, field);
          voters = v == null ? 0 : v;
          break;
        case "answers":
          if (t != JsonToken.START_ARRAY) {
            throw values.error(p, "expected an array for \"answers\", found " + JsonValues.describe(t));
          }
          while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            answers.add(pollAnswer(p));
          }
          if (t != JsonToken.END_ARRAY) {
            throw values.error(p, "expected an answer object, found " + JsonValues.describe(t));
          }
          break;
        default:
          p.skipChildren();
      }
    }
    expectEndObject(p);
    return new Attachment.Poll(question, closed, voters, answers);
  }

  private Attachment.PollAnswer pollAnswer(JsonParser p) throws IOException, ExportFormatException {
    List<TextPart> text = List.of();
    long voters = 0;
    boolean chosen = false;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "text":
          text = text(p, field);
          break;
        case "voters":
          Long v = values.longLenient(p, field);
          voters = v == null ? 0 : v;
          break;
        case "chosen":
          chosen = values.bool(p, field);
          break;
        default:
          p.skipChildren();
      }
    }
    expectEndObject(p);
    return new Attachment.PollAnswer(text, voters, chosen);
  }

  private Attachment.Invoice invoice(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(p, name);
    String title = null;
    String description = null;
    Long amount = null;
    String currency = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "title":
          title = values.stringOrNull(p, field);
          break;
        case "description":
          description = values.stringOrNull(p, field);
          break;
        case "amount":
          amount = values.longLenient(p, field);
          break;
        case "currency":
          currency = values.stringOrNull(p, field);
          break;
        default:
          p.skipChildren();
      }
    }
    expectEndObject(p);
    return new Attachment.Invoice(title, description, amount, currency);
  }

  private Attachment.TodoList todo(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(p, name);
    List<TextPart> title = List.of();
    List<Attachment.TodoItem> items = new ArrayList<>();
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (field.equals("title")) {
        title = text(p, field);
      } else if (t == JsonToken.START_ARRAY && (field.equals("items") || field.equals("answers"))) {
        // tdesktop's name for the list has varied; both are read
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
          items.add(todoItem(p));
        }
        if (t != JsonToken.END_ARRAY) {
          throw values.error(p, "expected a checklist item object, found " + JsonValues.describe(t));
        }
      } else {
        p.skipChildren();
      }
    }
    expectEndObject(p);
    return new Attachment.TodoList(title, items);
  }

  private Attachment.TodoItem todoItem(JsonParser p) throws IOException, ExportFormatException {
    List<TextPart> text = List.of();
    boolean done = false;
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (field.equals("text")) {
        text = text(p, field);
      } else if (field.equals("completed") || field.equals("done")) {
        done = t == JsonToken.VALUE_TRUE;
      } else if (field.startsWith("completed_") || field.equals("completion_date")) {
        done = done || (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_FALSE);
        p.skipChildren();
      } else {
        p.skipChildren();
      }
    }
    expectEndObject(p);
    return new Attachment.TodoItem(text, done);
  }

  private List<ExtraField> objectFields(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return List.of(new ExtraField("value", values.compact(p)));
    }
    List<ExtraField> fields = new ArrayList<>();
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      fields.add(new ExtraField(field, values.compact(p)));
    }
    return fields;
  }

  private List<Reaction> reactions(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw values.error(p, "expected an array for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
    List<Reaction> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      String type = "emoji";
      long count = 0;
      String emoji = null;
      String field;
      while ((field = p.nextFieldName()) != null) {
        p.nextToken();
        switch (field) {
          case "type":
            type = values.string(p, field);
            break;
          case "count":
            Long c = values.longLenient(p, field);
            count = c == null ? 0 : c;
            break;
          case "emoji":
          case "document_id":
            emoji = values.compact(p);
            break;
          default:
            p.skipChildren();
        }
      }
      expectEndObject(p);
      out.add(new Reaction(type, count, emoji));
    }
    if (t != JsonToken.END_ARRAY) {
      throw values.error(p, "expected a reaction object, found " + JsonValues.describe(t));
    }
    return out;
  }

  private List<List<Button>> buttons(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw values.error(p, "expected an array for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
    List<List<Button>> rows = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      List<Button> row = new ArrayList<>();
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        String type = "";
        String text = "";
        String data = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
          p.nextToken();
          switch (field) {
            case "type":
              type = values.string(p, field);
              break;
            case "text":
              text = p.currentToken() == JsonToken.VALUE_NULL ? "" : values.string(p, field);
              break;
            case "data":
              data = values.compact(p);
              break;
            default:
              p.skipChildren();
          }
        }
        expectEndObject(p);
        row.add(new Button(type, text, data));
      }
      if (t != JsonToken.END_ARRAY) {
        throw values.error(p, "expected a button object, found " + JsonValues.describe(t));
      }
      rows.add(row);
    }
    if (t != JsonToken.END_ARRAY) {
      throw values.error(p, "expected a row of buttons, found " + JsonValues.describe(t));
    }
    return rows;
  }

  private void expectObject(JsonParser p, String name) throws ExportFormatException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw values.error(p, "expected an object for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
  }

  private void expectEndObject(JsonParser p) throws ExportFormatException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw values.error(p, "unexpected end of file: the export looks truncated");
    }
  }

  /** The fields of one message as read, before they are turned into a {@link Message}. */
  private final class Fields {
    long id;
    boolean hasId;
    String type;
    MessageDate date;
    Long dateUnix;
    MessageDate edited;
    Long editedUnix;
    String sender;
    String senderId;
    String author;
    boolean forwarded;
    String forwardedFrom;
    String savedFrom;
    Long replyTo;
    Long replyToPeer;
    String viaBot;
    List<TextPart> text;
    List<TextPart> entities;
    String photo;
    Long photoSize;
    String file;
    String fileName;
    Long fileSize;
    String mimeType;
    String mediaType;
    Integer duration;
    Integer width;
    Integer height;
    String performer;
    String title;
    String stickerEmoji;
    boolean spoiler;
    boolean hasContact;
    String firstName;
    String lastName;
    String phone;
    String vcard;
    boolean hasLocation;
    Double latitude;
    Double longitude;
    Integer livePeriod;
    String placeName;
    String address;
    Attachment.Poll poll;
    boolean hasGame;
    String gameTitle;
    String gameDescription;
    String gameLink;
    Attachment.Invoice invoice;
    Attachment.TodoList todo;
    final List<Attachment> others = new ArrayList<>(0);
    List<Reaction> reactions = List.of();
    List<List<Button>> buttons = List.of();
    String action;
    List<String> members;
    String inviter;
    Long messageId;
    String discardReason;
    String newTitle;
    String newIconEmojiId;
    String informationText;
    final List<ExtraField> extras = new ArrayList<>(0);

    Message build(JsonLocation start) throws ExportFormatException {
      if (!hasId) {
        throw values.error(start, "a message has no \"id\"", null);
      }
      Message.Kind kind = kind();
      MessageDate when = JsonValues.withUnixTime(date, dateUnix);
      if (when == null && kind != Message.Kind.UNSUPPORTED) {
        throw values.error(start, "message " + id + " has no \"date\"", null);
      }
      MessageDate editedAt = JsonValues.withUnixTime(edited, editedUnix);
      if (editedAt != null && editedAt.wall().getYear() <= 1970
          && (editedAt.instant() == null || editedAt.instant().getEpochSecond() <= 86_400)) {
        editedAt = null; // very old exports wrote "edited" always, with the epoch
      }
      List<TextPart> parts = entities != null ? entities : text != null ? text : List.of();
      ServiceAction serviceAction = kind == Message.Kind.SERVICE ? serviceAction() : null;
      List<ExtraField> extraFields = serviceAction instanceof ServiceAction.Other ? List.of() : extras;
      return new Message(
          id,
          kind,
          when,
          editedAt,
          sender,
          senderId,
          author,
          forwarded ? new Message.Forward(forwardedFrom) : null,
          savedFrom,
          replyTo,
          replyToPeer,
          viaBot,
          parts,
          attachments(kind),
          serviceAction,
          reactions,
          buttons,
          extraFields);
    }

    private Message.Kind kind() {
      if (type == null) {
        return action != null ? Message.Kind.SERVICE : Message.Kind.MESSAGE;
      }
      switch (type) {
        case "service":
          return Message.Kind.SERVICE;
        case "unsupported":
          return Message.Kind.UNSUPPORTED;
        default:
          return Message.Kind.MESSAGE;
      }
    }

    private List<Attachment> attachments(Message.Kind kind) {
      List<Attachment> out = new ArrayList<>(2);
      if (photo != null) {
        out.add(new Attachment.Photo(FileRef.of(photo, photoSize), width, height, spoiler));
      }
      if (file != null) {
        out.add(new Attachment.Document(
            FileRef.of(file, fileSize),
            Attachment.DocumentKind.of(mediaType),
            fileName,
            mimeType,
            kind == Message.Kind.SERVICE ? null : duration,
            photo == null ? width : null,
            photo == null ? height : null,
            performer,
            kind == Message.Kind.SERVICE ? null : title,
            stickerEmoji,
            spoiler));
      }
      if (hasContact || (vcard != null && kind != Message.Kind.SERVICE)) {
        out.add(new Attachment.Contact(firstName, lastName, phone, vcard == null ? null : FileRef.of(vcard, null)));
      }
      if (placeName != null || address != null) {
        out.add(new Attachment.Venue(latitude, longitude, placeName, address));
      } else if (hasLocation) {
        out.add(new Attachment.Location(latitude, longitude, livePeriod));
      }
      if (poll != null) {
        out.add(poll);
      }
      if (hasGame) {
        out.add(new Attachment.Game(gameTitle, gameDescription, gameLink));
      }
      if (invoice != null) {
        out.add(invoice);
      }
      if (todo != null) {
        out.add(todo);
      }
      out.addAll(others);
      return out;
    }

    private ServiceAction serviceAction() {
      if (action == null) {
        if (informationText != null) {
          return new ServiceAction.Info(informationText);
        }
        return new ServiceAction.Other("", genericFields());
      }
      switch (action) {
        case "create_group":
        case "create_channel":
          return new ServiceAction.Created(action, title, members);
        case "invite_members":
        case "remove_members":
          return new ServiceAction.Members(action, members);
        case "join_group_by_link":
          return new ServiceAction.JoinedByLink(action, inviter);
        case "edit_group_title":
          return new ServiceAction.TitleChanged(action, title);
        case "pin_message":
          if (messageId != null) {
            return new ServiceAction.Pinned(action, messageId);
          }
          break;
        case "phone_call":
          return new ServiceAction.PhoneCall(action, duration, discardReason);
        case "migrate_to_supergroup":
        case "migrate_from_group":
          return new ServiceAction.Migrated(action, title);
        case "topic_created":
          return new ServiceAction.TopicCreated(action, title);
        case "topic_edit":
          return new ServiceAction.TopicEdited(action, newTitle, newIconEmojiId);
        default:
          break;
      }
      return new ServiceAction.Other(action, genericFields());
    }

    /** The action-specific fields read into named slots, plus unknown ones, as text. */
    private List<ExtraField> genericFields() {
      List<ExtraField> out = new ArrayList<>();
      if (title != null) {
        out.add(new ExtraField("title", title));
      }
      if (members != null) {
        out.add(new ExtraField("members", String.join(", ", members.stream().map(m -> m == null ? "Deleted Account" : m).toArray(String[]::new))));
      }
      if (inviter != null) {
        out.add(new ExtraField("inviter", inviter));
      }
      if (messageId != null) {
        out.add(new ExtraField("message_id", Long.toString(messageId)));
      }
      if (duration != null) {
        out.add(new ExtraField("duration_seconds", Integer.toString(duration)));
      }
      if (discardReason != null) {
        out.add(new ExtraField("discard_reason", discardReason));
      }
      if (newTitle != null) {
        out.add(new ExtraField("new_title", newTitle));
      }
      if (newIconEmojiId != null) {
        out.add(new ExtraField("new_icon_emoji_id", newIconEmojiId));
      }
      if (informationText != null) {
        out.add(new ExtraField("information_text", informationText));
      }
      out.addAll(extras);
      return out;
    }
  }
}
