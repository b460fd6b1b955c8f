package dev.tgmd.source;

import java.util.Objects;

/**
 * One reaction under a message.
 *
 * @param type {@code emoji}, {@code custom_emoji}, {@code paid} or a newer type
 * @param count how many reacted
 * @param emoji the emoji for {@code emoji} reactions, the document id for custom emoji; null for
 *     paid reactions
 */
public record Reaction(String type, long count, String emoji) {

  public Reaction {
    Objects.requireNonNull(type, "type");
  }
}
