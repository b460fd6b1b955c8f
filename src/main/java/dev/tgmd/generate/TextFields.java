package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes generated texts as tdesktop does: a message's {@code text} (a string, or an array of plain
 * strings and entity objects) with its {@code text_entities}, short texts of polls and to-dos, and
 * strings escaped with tdesktop's illegal {@code \xHH} where they hold control characters. Texts
 * come from the chat's {@link TextMaker}. Not thread-safe.
 */
final class TextFields {

  private final JsonGenerator g;
  private final Rng rng;
  private final TextMaker text;

  TextFields(JsonGenerator g, Rng rng, TextMaker text) {
    this.g = g;
    this.rng = rng;
    this.text = text;
  }

  /** An empty {@code text} and {@code text_entities}, as on media without caption. */
  void empty() throws IOException {
    g.writeStringField("text", "");
    g.writeFieldName("text_entities");
    g.writeStartArray();
    g.writeEndArray();
  }

  /**
   * A message's text in language {@code lang}: plain, or formatted with entities (a mention names a
   * member drawn from {@code senders}).
   */
  void message(int lang, Senders senders) throws IOException {
    if (!rng.chance(0.4)) {
      String s = text.plain(lang);
      field("text", s);
      g.writeFieldName("text_entities");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("type", "plain");
      field("text", s);
      g.writeEndObject();
      g.writeEndArray();
      return;
    }
    text.formatted(lang, senders.member());
    g.writeFieldName("text");
    runs(false);
    g.writeFieldName("text_entities");
    runs(true);
  }

  /** Writes a short text as tdesktop does for polls and to-dos: a string, or an array. */
  void shortText(String field, int lang, boolean formatted) throws IOException {
    g.writeFieldName(field);
    if (!formatted) {
      value(text.shortPlain(lang));
      return;
    }
    g.writeStartArray();
    value(text.shortPlain(lang) + " ");
    g.writeStartObject();
    g.writeStringField("type", rng.chance(0.5) ? "bold" : "italic");
    field("text", text.shortPlain(lang));
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * Writes a generated text as a string value. Texts may hold control characters, which tdesktop
   * writes as its illegal {@code \xHH} escape; Jackson is asked for everything else.
   */
  private void value(String s) throws IOException {
    if (TdesktopStrings.needsQuoting(s)) {
      g.writeRawValue(TdesktopStrings.quote(s));
    } else {
      g.writeString(s);
    }
  }

  private void field(String name, String s) throws IOException {
    g.writeFieldName(name);
    value(s);
  }

  /** The runs of the last formatted text: as {@code text} or as {@code text_entities}. */
  private void runs(boolean entities) throws IOException {
    g.writeStartArray();
    for (int r = 0; r < text.runs; r++) {
      String type = text.runType[r];
      if (type == null && !entities) {
        value(text.runText[r]);
        continue;
      }
      g.writeStartObject();
      g.writeStringField("type", type == null ? "plain" : type);
      field("text", text.runText[r]);
      if (type != null) {
        entityExtra(type, text.runExtra[r]);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The field an entity of {@code type} carries beyond its text, if any. */
  private void entityExtra(String type, Object extra) throws IOException {
    switch (type) {
      case "pre" -> g.writeStringField("language", (String) extra);
      case "text_link" -> g.writeStringField("href", (String) extra);
      case "mention_name" -> g.writeNumberField("user_id", (Long) extra);
      case "custom_emoji" -> g.writeStringField("document_id", (String) extra);
      case "blockquote" -> {
        if (extra != null) {
          g.writeBooleanField("collapsed", true);
        }
      }
      case "bold",
          "italic",
          "underline",
          "strikethrough",
          "spoiler",
          "code",
          "link",
          "mention",
          "hashtag",
          "cashtag",
          "bot_command",
          "email",
          "phone",
          "bank_card",
          "unknown" -> {
        // no field beyond the text
      }
      default -> throw new IllegalStateException("entity type without a writer: " + type);
    }
  }
}
