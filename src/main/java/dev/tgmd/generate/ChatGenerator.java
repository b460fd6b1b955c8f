package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Streams one generated chat object into a {@link JsonGenerator}, in tdesktop's field order, and
 * writes the media files its messages refer to. It keeps the chat's clock and decides what each
 * message is (unsupported, service or ordinary); {@link ServiceMessages} and {@link
 * OrdinaryMessages} write them, all drawing from one {@link Rng} derived from the seed and the
 * chat, so the same plan and seed give the same bytes. Holds only a fixed amount of state whatever
 * the chat's size. Not thread-safe.
 */
final class ChatGenerator {

  private static final long FIRST_DATE = 1546300800L; // 2019-01-01T00:00:00Z
  private static final long LAST_DATE = 1735603200L; // 2024-12-31T00:00:00Z

  private final JsonGenerator g;
  private final ChatPlan plan;
  private final Rng rng;
  private final MediaWriter media;
  private final MessageIds ids;
  private final MessageHead head;
  private final ServiceMessages service;
  private final OrdinaryMessages ordinary;

  private final long step;
  private long time;

  ChatGenerator(JsonGenerator g, ChatPlan plan, long seed, MediaPool pool, MediaWriter media) {
    this.g = g;
    this.plan = plan;
    this.rng = Rng.derive(seed, plan.index());
    this.media = media;
    this.ids = new MessageIds(plan, rng);
    this.head = new MessageHead(g, rng, plan);
    Senders senders = new Senders(plan, rng);
    ForumTopics topics = new ForumTopics(plan, rng, ids);
    TextFields texts = new TextFields(g, rng, new TextMaker(rng));
    MediaFields files = new MediaFields(g, rng, plan.folder(), pool, media);
    ChatContext chat = new ChatContext(g, plan, rng, head, senders, ids, topics, texts, files);
    this.service = new ServiceMessages(chat);
    this.ordinary = new OrdinaryMessages(chat);
    long start = FIRST_DATE + plan.index() * 3L * 86400 + rng.nextInt(86400);
    this.step = Math.max(1, (LAST_DATE - start) / plan.messages());
    this.time = start;
  }

  void write() throws IOException {
    media.startChat();
    g.writeStartObject();
    if (plan.kind() != ChatKind.SAVED) {
      g.writeFieldName("name");
      if (plan.nullName()) {
        g.writeNull();
      } else {
        g.writeString(plan.name());
      }
    }
    g.writeStringField("type", plan.type());
    g.writeNumberField("id", plan.id());
    g.writeFieldName("messages");
    g.writeStartArray();
    for (long i = 0; i < plan.messages(); i++) {
      message(i);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void message(long i) throws IOException {
    long id = ids.idOf(i);
    time += 1 + rng.nextInt((int) Math.min(2 * step, Integer.MAX_VALUE - 1));
    if (plan.kind() == ChatKind.CHANNEL && i > 3 && rng.chance(0.002)) {
      head.unsupported(id);
      return;
    }
    TdesktopAction action = service.actionAt(i);
    if (action != null) {
      service.write(i, id, time, action);
    } else {
      ordinary.write(i, id, time);
    }
  }
}
