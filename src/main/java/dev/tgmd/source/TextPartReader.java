package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads formatted text into {@link TextPart}s: {@code text} (a plain string, or an array mixing
 * strings and entity objects), {@code text_entities} (an array of entity objects), and the same
 * string-or-array text of polls and checklists. Runs with no text are dropped. Not thread-safe: one
 * entity is read at a time into one reused {@link EntityFields}.
 */
final class TextPartReader {

  private final JsonValues values;
  private final EntityFields entity = new EntityFields();
  private final FieldReader<EntityFields> entityField = this::entityField;

  TextPartReader(JsonValues values) {
    this.values = values;
  }

  /** {@code text} and its kin: a plain string, or an array mixing strings and entity objects. */
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
      throw values.error(
          p, "expected a string or an array for \"" + name + "\", found " + JsonValues.describe(t));
    }
    List<TextPart> parts = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        if (!p.getText().isEmpty()) {
          parts.add(new TextPart.Plain(p.getText()));
        }
      } else if (t == JsonToken.START_OBJECT) {
        addEntity(p, parts);
      } else if (t == null) {
        throw values.truncated(p);
      } else {
        throw values.error(
            p,
            "expected a string or an object in \"" + name + "\", found " + JsonValues.describe(t));
      }
    }
    return parts;
  }

  /** {@code text_entities}: an array of entity objects. */
  List<TextPart> entities(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw values.error(
          p,
          "expected an array for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
    List<TextPart> parts = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        if (t == null) {
          throw values.truncated(p);
        }
        throw values.error(
            p, "expected an object in \"" + name + "\", found " + JsonValues.describe(t));
      }
      addEntity(p, parts);
    }
    return parts;
  }

  private void addEntity(JsonParser p, List<TextPart> parts)
      throws IOException, ExportFormatException {
    values.readObject(p, entity.reset(), entityField);
    if (!entity.text.isEmpty()) {
      parts.add(entity.part());
    }
  }

  private void entityField(JsonParser p, String name, JsonToken t, EntityFields e)
      throws IOException, ExportFormatException {
    switch (name) {
      case "type":
        e.type = values.string(p, name);
        break;
      case "text":
        e.text = t == JsonToken.VALUE_NULL ? "" : values.string(p, name);
        break;
      case "href":
        e.href = values.stringOrNull(p, name);
        break;
      case "language":
        e.language = values.stringOrNull(p, name);
        break;
      case "user_id":
        e.userId = values.longLenient(p, name);
        break;
      case "document_id":
        e.documentId = values.compact(p);
        break;
      case "collapsed":
        e.collapsed = values.bool(p, name);
        break;
      default:
        p.skipChildren();
    }
  }

  /** The fields of one entity object as read; reset before each. */
  private static final class EntityFields {
    String type;
    String text;
    String href;
    String language;
    Long userId;
    String documentId;
    boolean collapsed;

    EntityFields reset() {
      type = "plain";
      text = "";
      href = null;
      language = null;
      userId = null;
      documentId = null;
      collapsed = false;
      return this;
    }

    /**
     * The part for the entity's {@code type}; {@link TextPart.Unknown} for a type tgmd does not
     * know.
     */
    TextPart part() {
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
          return new TextPart.Entity(TextPart.EntityType.LINK, text);
        case "mention":
          return new TextPart.Entity(TextPart.EntityType.MENTION, text);
        case "hashtag":
          return new TextPart.Entity(TextPart.EntityType.HASHTAG, text);
        case "cashtag":
          return new TextPart.Entity(TextPart.EntityType.CASHTAG, text);
        case "bot_command":
          return new TextPart.Entity(TextPart.EntityType.BOT_COMMAND, text);
        case "email":
          return new TextPart.Entity(TextPart.EntityType.EMAIL, text);
        case "phone":
          return new TextPart.Entity(TextPart.EntityType.PHONE, text);
        case "bank_card":
          return new TextPart.Entity(TextPart.EntityType.BANK_CARD, text);
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
  }
}
