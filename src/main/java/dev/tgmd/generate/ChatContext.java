package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * What the writers of one chat's messages share: the JSON generator, the plan, the chat's one
 * {@link Rng} (every draw from it is part of the output's contract), and the per-chat state they
 * read and advance. Built once per chat by {@link ChatGenerator}; its parts are not thread-safe.
 */
record ChatContext(
    JsonGenerator g,
    ChatPlan plan,
    Rng rng,
    MessageHead head,
    Senders senders,
    MessageIds ids,
    ForumTopics topics,
    TextFields texts,
    MediaFields files) {

  /** The chat's kind. */
  ChatKind kind() {
    return plan.kind();
  }
}
