package dev.tgmd.render;

import java.util.Objects;

/** What a reply points at, as far as the export tells. */
public sealed interface ReplyTarget {

  /**
   * A message in this export, linked by its anchor.
   *
   * @param noteLink the relative link from the replying note to the target's note, without
   *     extension (e.g. {@code ./Team 2024-03}); empty when it is the same note
   * @param anchor the target's anchor, e.g. {@code m12}
   * @param sender who wrote it; null when unknown
   * @param snippet the start of its text, whitespace folded; may be empty
   */
  record Linked(String noteLink, String anchor, String sender, Snippet snippet)
      implements ReplyTarget {
    public Linked {
      Objects.requireNonNull(noteLink, "noteLink");
      Objects.requireNonNull(anchor, "anchor");
      Objects.requireNonNull(snippet, "snippet");
    }
  }

  /** A message of this chat that is not in the export (deleted, or outside the range exported). */
  record NotInExport(long messageId) implements ReplyTarget {}

  /** A message of this export no longer held in the bounded reply index. */
  record Forgotten(long messageId) implements ReplyTarget {}

  /** A message in another chat. */
  record OtherChat(long messageId, Long chatId) implements ReplyTarget {}
}
