package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic whole-account Telegram Desktop export: {@code result.json} laid out and
 * escaped like tdesktop's (including its illegal {@code \xHH} escapes) and the media files it
 * refers to under {@code chats/chat_NNN/}. Used for benchmarks and tests; see {@link
 * GenerateOptions} for what it takes.
 *
 * <p>The export has {@code messages / 40000 + 3} chats of uneven sizes: a forum with topics, a
 * supergroup migrated from a basic group (negative ids), a channel, then personal chats, groups,
 * Saved Messages, supergroups, a bot chat, more channels; with four chats or more the last is
 * listed under {@code left_chats}. Messages mix plain and formatted text (every entity type),
 * replies, forwards, edits, service messages, polls, locations, contacts, stickers, reactions and
 * media references. Media contents come from a pool of 64 small files, so many files share their
 * content; a few references are placeholders and about one in a hundred points at a file that is
 * not written.
 *
 * <p>Output is a pure function of the options: the same options give byte-identical files. Memory
 * does not grow with the number of messages: JSON is streamed and each chat keeps a fixed amount of
 * state. Files already in the folder are overwritten, others left alone. Not thread-safe; one call
 * writes one export.
 */
public final class ExportGenerator {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private static final int BUFFER = 1 << 16;

  private ExportGenerator() {}

  /**
   * Writes the export described by {@code options}.
   *
   * @throws IOException when the folder or a file cannot be written; what was written stays
   */
  public static GenerateSummary generate(GenerateOptions options) throws IOException {
    return generate(options, ChatPlan.MESSAGES_PER_EXTRA_CHAT);
  }

  /** As {@link #generate(GenerateOptions)} with another chat density, for tests. */
  static GenerateSummary generate(GenerateOptions options, long messagesPerExtraChat)
      throws IOException {
    List<ChatPlan> plans = ChatPlan.plan(options.messages(), messagesPerExtraChat, options.chats());
    Path out = options.out();
    Files.createDirectories(out);
    Path json = out.resolve("result.json");
    MediaPool pool = new MediaPool(options.seed());
    MediaWriter media = new MediaWriter(out, options.hardLinks());

    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(json), BUFFER);
        JsonGenerator g = JSON.createGenerator(stream, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new TdesktopPrettyPrinter());
      g.writeStartObject();
      g.writeStringField(
          "about",
          "Synthetic export written by tgmd generate (seed "
              + options.seed()
              + "). Every name,"
              + " text and file in it is invented.");
      personalInformation(g);
      contacts(g);
      section(g, plans, false, options.seed(), pool, media);
      section(g, plans, true, options.seed(), pool, media);
      g.writeEndObject();
    }

    List<GenerateSummary.Chat> chats = new ArrayList<>();
    for (ChatPlan p : plans) {
      if (!p.left()) {
        chats.add(p.summary());
      }
    }
    for (ChatPlan p : plans) {
      if (p.left()) {
        chats.add(p.summary());
      }
    }
    long htmlBytes = 0;
    if (options.html()) {
      List<String> folders = new ArrayList<>();
      for (GenerateSummary.Chat c : chats) {
        folders.add(c.folder());
      }
      htmlBytes = HtmlPagesWriter.write(out, folders);
    }
    return new GenerateSummary(
        chats,
        Files.size(json),
        htmlBytes,
        media.files,
        media.linked,
        media.bytes,
        media.references,
        media.placeholders,
        media.missing);
  }

  private static void section(
      JsonGenerator g,
      List<ChatPlan> plans,
      boolean left,
      long seed,
      MediaPool pool,
      MediaWriter media)
      throws IOException {
    if (left && plans.stream().noneMatch(ChatPlan::left)) {
      return;
    }
    g.writeFieldName(left ? "left_chats" : "chats");
    g.writeStartObject();
    g.writeStringField(
        "about",
        left
            ? "Groups and channels this invented account has left."
            : "The chats of this invented account.");
    g.writeFieldName("list");
    g.writeStartArray();
    for (ChatPlan p : plans) {
      if (p.left() == left) {
        new ChatGenerator(g, p, seed, pool, media).write();
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void personalInformation(JsonGenerator g) throws IOException {
    g.writeFieldName("personal_information");
    g.writeStartObject();
    g.writeNumberField("user_id", People.userId(0));
    g.writeStringField("first_name", People.firstName(0));
    g.writeStringField("last_name", People.lastName(0));
    g.writeStringField("phone_number", "+1 555 0100");
    g.writeStringField("username", People.username(0));
    g.writeStringField("bio", "Invented by tgmd generate.");
    g.writeEndObject();
  }

  private static void contacts(JsonGenerator g) throws IOException {
    g.writeFieldName("contacts");
    g.writeStartObject();
    g.writeStringField("about", "The contacts of this invented account.");
    g.writeFieldName("list");
    g.writeStartArray();
    for (int p = 1; p <= 20; p++) {
      g.writeStartObject();
      g.writeNumberField("user_id", People.userId(p));
      g.writeStringField("first_name", People.firstName(p));
      g.writeStringField("last_name", People.lastName(p));
      g.writeStringField("phone_number", "+1 555 02" + (10 + p));
      g.writeStringField("date", "2019-01-01T12:00:00");
      g.writeStringField("date_unixtime", "1546333200");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
