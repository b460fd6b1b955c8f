package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a chat's ordinary (non-service) messages: the sender, forwards, replies, the content
 * drawn by {@link MessageContent} with its media or inline fields, the text or caption, and now
 * and then bot buttons and reactions. Not thread-safe: it shares the chat's generator and {@link
 * Rng}.
 */
final class OrdinaryMessages {

  private final JsonGenerator g;
  private final ChatPlan plan;
  private final Rng rng;
  private final MessageHead head;
  private final Senders senders;
  private final MessageIds ids;
  private final ForumTopics topics;
  private final TextFields texts;
  private final MediaFields files;
  private final InlineMediaFields inline;

  OrdinaryMessages(
      JsonGenerator g,
      ChatPlan plan,
      Rng rng,
      MessageHead head,
      Senders senders,
      MessageIds ids,
      ForumTopics topics,
      TextFields texts,
      MediaFields files) {
    this.g = g;
    this.plan = plan;
    this.rng = rng;
    this.head = head;
    this.senders = senders;
    this.ids = ids;
    this.topics = topics;
    this.texts = texts;
    this.files = files;
    this.inline = new InlineMediaFields(g, rng, texts);
  }

  /** Writes message {@code i}, with id {@code id} and date {@code time}. */
  void write(long i, long id, long time) throws IOException {
    MessageContent content = MessageContent.draw(rng);
    boolean channel = plan.kind() == ChatKind.CHANNEL;
    int from = senders.sender();
    head.start(id, "message", time, rng.chance(0.08));
    sender(channel, from);
    forward(channel);
    reply(i);
    if (content == MessageContent.GAME || rng.chance(0.004)) {
      g.writeStringField("via_bot", content == MessageContent.GAME ? "@trailquiz_bot" : "@gif");
    }
    if (content(content, from, time)) {
      texts.message(People.lang(from), senders);
    } else {
      texts.empty();
    }
    if (rng.chance(plan.kind() == ChatKind.BOT ? 0.2 : 0.003)) {
      buttons();
    }
    if (rng.chance(channel ? 0.4 : 0.06)) {
      reactions(time);
    }
    g.writeEndObject();
  }

  private void sender(boolean channel, int from) throws IOException {
    if (channel) {
      head.chat("from", "from_id");
      if (rng.chance(0.5)) {
        g.writeStringField("author", People.name(senders.member()));
      }
    } else if (from != 0 && rng.chance(0.005)) {
      g.writeFieldName("from");
      g.writeNull(); // a deleted account
      long deletedUser = People.FIRST_USER_ID + People.COUNT + rng.nextInt(1000);
      g.writeStringField("from_id", "user" + deletedUser);
    } else if (plan.kind() == ChatKind.BOT && from != 0) {
      g.writeStringField("from", plan.name());
      g.writeStringField("from_id", "user" + plan.id());
    } else {
      head.person("from", "from_id", from);
    }
  }

  private void forward(boolean channel) throws IOException {
    double forwardRate = plan.kind() == ChatKind.SAVED ? 0.3 : channel ? 0.08 : 0.035;
    if (!rng.chance(forwardRate)) {
      return;
    }
    g.writeFieldName("forwarded_from");
    if (rng.chance(0.05)) {
      g.writeNull();
    } else if (rng.chance(0.3)) {
      g.writeString(rng.pick(Vocabulary.CHANNEL_NAMES));
    } else {
      g.writeString(People.name(rng.nextInt(People.COUNT)));
    }
    if (plan.kind() == ChatKind.SAVED && rng.chance(0.8)) {
      g.writeStringField("saved_from", rng.pick(Vocabulary.GROUP_NAMES));
    }
  }

  private void reply(long i) throws IOException {
    if (i == 0) {
      return;
    }
    if (plan.kind() == ChatKind.FORUM) {
      long target = topics.replyTarget(i);
      if (target != 0) {
        g.writeNumberField("reply_to_message_id", target);
      }
      return;
    }
    double rate =
        plan.kind() == ChatKind.CHANNEL ? 0.03 : plan.kind() == ChatKind.SAVED ? 0.02 : 0.25;
    if (rng.chance(rate)) {
      g.writeNumberField("reply_to_message_id", ids.replyTarget(i));
      if (rng.chance(0.01)) {
        g.writeStringField("reply_to_peer_id", "channel" + (1_900_000_002L));
      }
    }
  }

  /** Writes the fields of {@code content}; returns whether the message has a text or caption. */
  private boolean content(MessageContent content, int from, long time) throws IOException {
    return switch (content) {
      case TEXT -> true;
      case PHOTO -> {
        files.photo(time, false);
        yield rng.chance(0.35);
      }
      case DOCUMENT -> {
        files.document();
        yield rng.chance(0.35);
      }
      case VOICE -> {
        files.voice(time);
        yield false;
      }
      case ROUND -> {
        files.round(time);
        yield false;
      }
      case VIDEO -> {
        files.video(time);
        yield rng.chance(0.5);
      }
      case AUDIO -> {
        files.audio();
        yield rng.chance(0.2);
      }
      case ANIMATION -> {
        files.animation();
        yield rng.chance(0.2);
      }
      case STICKER -> {
        files.sticker();
        yield false;
      }
      case POLL -> {
        inline.poll(from);
        yield false;
      }
      case LOCATION -> {
        inline.location();
        yield false;
      }
      case VENUE -> {
        inline.venue();
        yield false;
      }
      case CONTACT -> {
        files.contact();
        yield false;
      }
      case GAME -> {
        inline.game();
        yield false;
      }
      case INVOICE -> {
        inline.invoice();
        yield false;
      }
      case TODO -> {
        inline.todo(from);
        yield false;
      }
    };
  }

  private void buttons() throws IOException {
    g.writeFieldName("inline_bot_buttons");
    g.writeStartArray();
    int rows = 1 + rng.nextInt(2);
    for (int r = 0; r < rows; r++) {
      g.writeStartArray();
      int cols = 1 + rng.nextInt(3);
      for (int c = 0; c < cols; c++) {
        g.writeStartObject();
        if (rng.chance(0.5)) {
          g.writeStringField("type", "url");
          g.writeStringField("text", "Open " + rng.pick(Vocabulary.EN));
          g.writeStringField("data", "https://example.org/b/" + rng.nextInt(1000));
        } else {
          g.writeStringField("type", "callback");
          g.writeStringField("text", rng.pick(Vocabulary.EMOJI) + " " + rng.pick(Vocabulary.EN));
          g.writeStringField("dataBase64", "Y2I" + rng.nextInt(1000));
          g.writeStringField("data", "");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private void reactions(long time) throws IOException {
    g.writeFieldName("reactions");
    g.writeStartArray();
    int n = 1 + rng.nextInt(rng.chance(0.7) ? 2 : 5);
    int first = rng.nextInt(Vocabulary.EMOJI.length);
    for (int k = 0; k < n; k++) {
      g.writeStartObject();
      double r = rng.nextDouble();
      if (r < 0.85) {
        g.writeStringField("type", "emoji");
        g.writeNumberField("count", 1 + rng.nextInt(plan.kind() == ChatKind.CHANNEL ? 300 : 8));
        g.writeStringField("emoji", Vocabulary.EMOJI[(first + k) % Vocabulary.EMOJI.length]);
      } else if (r < 0.96) {
        g.writeStringField("type", "custom_emoji");
        g.writeNumberField("count", 1 + rng.nextInt(20));
        g.writeStringField("document_id", Long.toString(5368324170671202287L + k));
      } else {
        g.writeStringField("type", "paid");
        g.writeNumberField("count", 1 + rng.nextInt(100));
      }
      if (k == 0 && plan.kind() == ChatKind.PERSONAL) {
        g.writeFieldName("recent");
        g.writeStartArray();
        g.writeStartObject();
        head.person("from", "from_id", senders.sender());
        head.date("date", time + 60 + rng.nextInt(3600));
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
