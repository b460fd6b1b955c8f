package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a chat's ordinary (non-service) messages: the sender, forwards, replies, the content drawn
 * by {@link MessageContent} with its media or inline fields, the text or caption, and now and then
 * bot buttons and reactions. Not thread-safe: it shares the chat's generator and {@link Rng}.
 */
final class OrdinaryMessages {

  private final ChatContext chat;
  private final JsonGenerator g;
  private final Rng rng;
  private final InlineMediaFields inline;

  OrdinaryMessages(ChatContext chat) {
    this.chat = chat;
    this.g = chat.g();
    this.rng = chat.rng();
    this.inline = new InlineMediaFields(g, rng, chat.texts());
  }

  /** Writes message {@code i}, with id {@code id} and date {@code time}. */
  void write(long i, long id, long time) throws IOException {
    MessageContent content = MessageContent.draw(rng);
    boolean channel = chat.kind() == ChatKind.CHANNEL;
    int from = chat.senders().sender();
    chat.head().start(id, "message", time, rng.chance(0.08));
    sender(channel, from);
    forward(channel);
    reply(i);
    if (content == MessageContent.GAME || rng.chance(0.004)) {
      g.writeStringField("via_bot", content == MessageContent.GAME ? "@trailquiz_bot" : "@gif");
    }
    if (content(content, from, time)) {
      chat.texts().message(People.lang(from), chat.senders());
    } else {
      chat.texts().empty();
    }
    if (rng.chance(chat.kind() == ChatKind.BOT ? 0.2 : 0.003)) {
      buttons();
    }
    if (rng.chance(channel ? 0.4 : 0.06)) {
      reactions(time);
    }
    g.writeEndObject();
  }

  private void sender(boolean channel, int from) throws IOException {
    if (channel) {
      chat.head().chat("from", "from_id");
      if (rng.chance(0.5)) {
        g.writeStringField("author", People.name(chat.senders().member()));
      }
    } else if (from != 0 && rng.chance(0.005)) {
      g.writeFieldName("from");
      g.writeNull(); // a deleted account
      long deletedUser = People.FIRST_USER_ID + People.COUNT + rng.nextInt(1000);
      g.writeStringField("from_id", "user" + deletedUser);
    } else if (chat.kind() == ChatKind.BOT && from != 0) {
      g.writeStringField("from", chat.plan().name());
      g.writeStringField("from_id", "user" + chat.plan().id());
    } else {
      chat.head().person("from", "from_id", from);
    }
  }

  private void forward(boolean channel) throws IOException {
    double forwardRate = chat.kind() == ChatKind.SAVED ? 0.3 : channel ? 0.08 : 0.035;
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
    if (chat.kind() == ChatKind.SAVED && rng.chance(0.8)) {
      g.writeStringField("saved_from", rng.pick(Vocabulary.GROUP_NAMES));
    }
  }

  private void reply(long i) throws IOException {
    if (i == 0) {
      return;
    }
    if (chat.kind() == ChatKind.FORUM) {
      long target = chat.topics().replyTarget(i);
      if (target != 0) {
        g.writeNumberField("reply_to_message_id", target);
      }
      return;
    }
    double rate =
        chat.kind() == ChatKind.CHANNEL ? 0.03 : chat.kind() == ChatKind.SAVED ? 0.02 : 0.25;
    if (rng.chance(rate)) {
      g.writeNumberField("reply_to_message_id", chat.ids().replyTarget(i));
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
        chat.files().photo(time, false);
        yield rng.chance(0.35);
      }
      case DOCUMENT -> {
        chat.files().document();
        yield rng.chance(0.35);
      }
      case VOICE -> {
        chat.files().voice(time);
        yield false;
      }
      case ROUND -> {
        chat.files().round(time);
        yield false;
      }
      case VIDEO -> {
        chat.files().video(time);
        yield rng.chance(0.5);
      }
      case AUDIO -> {
        chat.files().audio();
        yield rng.chance(0.2);
      }
      case ANIMATION -> {
        chat.files().animation();
        yield rng.chance(0.2);
      }
      case STICKER -> {
        chat.files().sticker();
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
        chat.files().contact();
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
        g.writeNumberField("count", 1 + rng.nextInt(chat.kind() == ChatKind.CHANNEL ? 300 : 8));
        g.writeStringField("emoji", Vocabulary.EMOJI[(first + k) % Vocabulary.EMOJI.length]);
      } else if (r < 0.96) {
        g.writeStringField("type", "custom_emoji");
        g.writeNumberField("count", 1 + rng.nextInt(20));
        g.writeStringField("document_id", Long.toString(5368324170671202287L + k));
      } else {
        g.writeStringField("type", "paid");
        g.writeNumberField("count", 1 + rng.nextInt(100));
      }
      if (k == 0 && chat.kind() == ChatKind.PERSONAL) {
        g.writeFieldName("recent");
        g.writeStartArray();
        g.writeStartObject();
        chat.head().person("from", "from_id", chat.senders().sender());
        chat.head().date("date", time + 60 + rng.nextInt(3600));
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
