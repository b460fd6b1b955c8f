package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Reads one message object into a {@link Message}, field by field, from a streaming parser. Every
 * field of the format reference is understood: this class dispatches each field to its slot in
 * {@link MessageFields} (which then assembles the message), reading flat values itself and handing
 * text to {@link TextPartReader}, content objects to {@link AttachmentReader}, reactions and
 * buttons to {@link ReactionsAndButtonsReader}; anything else is kept as an {@link ExtraField}. The
 * message is read through a {@link SizeLimitedParser}. A {@code text} array is only tokenized where
 * it is met: {@code text_entities}, which repeats it, follows it in every export that has one, and
 * {@link #build} reads the array from the message's bytes when none came. Not thread-safe.
 */
final class MessageParser {

  private static final int MAX_SHARED = 4096;

  /**
   * The most JSON bytes one message may take. Telegram's largest message (4,096 chars of text, each
   * written twice, in {@code text} and {@code text_entities}, at most 6 bytes a char as {@code
   * \\uXXXX}, plus reactions, buttons, a poll) stays below 100 KB; 4 MiB is 40 times that.
   *
   * <p>Memory, worked out for the 176 MB heap of {@code bin/tgmd}: a message of B JSON bytes and T
   * tokens takes at most about 2B bytes of strings (UTF-16 in the worst case) and 64 bytes of
   * objects a token (a one-char text part is a record, a String and its array), and its rendered
   * Markdown block again at most about 6B (escapes double a char, UTF-16 doubles again); so {@link
   * #weight} estimates 8B + 64T, at most 8 * 4 MiB + 64 * 256 Ki = 48 MiB for the largest message
   * allowed. The pipeline holds at most {@code queueCapacity * batchSize} messages (2 * workers *
   * 128), which alone bounds nothing when every message is large; so the export also bounds the
   * total weight in flight ({@code Exporter.MAX_WEIGHT_IN_FLIGHT}, 32 MiB), which a batch may
   * exceed by one message: at most 80 MiB estimated, besides the note bodies held for writing (4 Mi
   * chars, 8 MiB, before they spill to disk) and the reply index (about 30 MB for 100,000 entries).
   * Ordinary messages (about 650 bytes, 30 tokens: 7 KB estimated) never meet the bound.
   */
  static final int MAX_MESSAGE_BYTES = 4 << 20;

  /** The most JSON tokens one message may have: 2.5 times the 100,000 of the worst real one. */
  static final int MAX_MESSAGE_TOKENS = 256 << 10;

  /** How a too-large message's error begins (ExportReader recognizes it). */
  static final String TOO_LARGE = "a message of more than ";

  private final SizeLimitedParser limited;
  private final JsonValues values;
  private final TextPartReader text;
  private final AttachmentReader attachments;
  private final ReactionsAndButtonsReader reactionsAndButtons;
  private final HashMap<String, String> sharedNames = new HashMap<>();
  private final FieldReader<MessageFields> messageField = this::messageField;
  private long lastBytes;
  private long lastTokens;

  MessageParser(JsonValues values) {
    this.values = values;
    this.limited = new SizeLimitedParser(values);
    this.text = new TextPartReader(values);
    this.attachments = new AttachmentReader(values, text);
    this.reactionsAndButtons = new ReactionsAndButtonsReader(values);
  }

  /**
   * The weight of the message {@link #parse} returned last (see {@link ExportEvent.MessageRead}).
   */
  long lastWeight() {
    return weight(lastBytes, lastTokens);
  }

  /** 8 bytes a JSON byte and 64 a token: see {@link #MAX_MESSAGE_BYTES}. */
  static long weight(long bytes, long tokens) {
    return 8 * bytes + 64 * tokens;
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

  /**
   * Reads the message whose START_OBJECT is the parser's current token, up to its END_OBJECT;
   * {@link #build} then makes the message of it with the object's bytes.
   */
  MessageFields read(JsonParser parser) throws IOException, ExportFormatException {
    JsonLocation start = parser.currentTokenLocation();
    SizeLimitedParser p = limited.reset(parser, start);
    MessageFields f = values.readObject(p, new MessageFields(), messageField);
    f.start = start;
    lastBytes = p.bytes();
    lastTokens = p.tokens();
    return f;
  }

  /**
   * The message {@link #read} read, {@code source} the bytes of its object (from its START_OBJECT,
   * as {@link MessageFields#start} locates it, to its END_OBJECT).
   */
  Message build(MessageFields f, byte[] source) throws IOException, ExportFormatException {
    if (f.entities == null && f.skippedTextAt != null) {
      f.text = skippedText(f, source);
    }
    return f.build(f.start, values);
  }

  /**
   * A skipped {@code text} array read after all, from the message's bytes, for a message without
   * {@code text_entities} (Telegram Desktop wrote none before 4.1.2). Its errors name the place in
   * the file, as they would have had it been read in the stream.
   */
  private List<TextPart> skippedText(MessageFields f, byte[] source)
      throws IOException, ExportFormatException {
    long base = f.start.getByteOffset();
    byte[] array =
        Arrays.copyOfRange(
            source,
            (int) (f.skippedTextAt.getByteOffset() - base),
            (int) (f.skippedTextEnd - base));
    try (JsonParser cut = JsonExportReader.FACTORY.createParser(array)) {
      // its tokens count with the message's: the bound on a message's values holds as in the stream
      SizeLimitedParser q =
          limited.resume(new PlacedParser(cut, f.skippedTextAt), f.start, lastTokens);
      try {
        q.nextToken();
        List<TextPart> parts = text.text(q, "text");
        lastTokens = q.tokens();
        return parts;
      } catch (StreamConstraintsException e) {
        throw values.translate(e, q, ""); // too many values, too long a string: as in the stream
      } catch (JsonProcessingException e) {
        // the stream's tokenizing passed these bytes: not expected to happen
        throw values.error(f.skippedTextAt, "unreadable \"text\": " + e.getOriginalMessage(), e);
      }
    }
  }

  /** Reads one field of the message into its slot in {@code f}. */
  private void messageField(JsonParser p, String name, JsonToken value, MessageFields f)
      throws IOException, ExportFormatException {
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
        if (value == JsonToken.START_ARRAY) {
          // Telegram Desktop writes a formatted text twice, and text_entities follows: the array
          // is only tokenized here, and read from the message's bytes if no text_entities came
          f.skippedTextAt = p.currentTokenLocation();
          p.skipChildren();
          f.skippedTextEnd = p.currentLocation().getByteOffset();
          f.text = null;
        } else {
          f.text = text.text(p, name);
          f.skippedTextAt = null;
        }
        break;
      case "text_entities":
        f.entities = text.entities(p, name);
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
        attachments.contact(p, name, f);
        break;
      case "contact_vcard":
        f.vcard = values.stringOrNull(p, name);
        break;
      case "location_information":
        attachments.location(p, name, f);
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
        f.poll = attachments.poll(p, name);
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
        f.invoice = attachments.invoice(p, name);
        break;
      case "todo_list":
        f.todo = attachments.todo(p, name);
        break;
      case "giveaway_information":
      case "giveaway_results":
      case "paid_stars_amount":
        f.others.add(attachments.other(p, name));
        break;
      case "reactions":
        f.reactions = reactionsAndButtons.reactions(p, name);
        break;
      case "inline_bot_buttons":
        f.buttons = reactionsAndButtons.buttons(p, name);
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

  /**
   * {@code reply_to_peer_id}: a number, or a string such as {@code channel123} (null when no number
   * follows the letters).
   */
  private Long peerId(JsonParser p, String name) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      int letters = 0;
      while (letters < s.length() && s.charAt(letters) >= 'a' && s.charAt(letters) <= 'z') {
        letters++;
      }
      try {
        return Long.parseLong(s.substring(letters));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return values.longLenient(p, name);
  }
}
