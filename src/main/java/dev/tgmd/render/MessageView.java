package dev.tgmd.render;

import dev.tgmd.source.Message;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A message with everything the renderer needs that the message alone does not say: its anchor, its
 * time in the chosen zone and what its reply (or pin) points at.
 *
 * @param anchor the message's anchor in its note, unique there (e.g. {@code m12})
 * @param time when it was sent, in the export's time zone; null for entries without a date
 * @param reply what {@code reply_to_message_id} points at; null when not a reply
 * @param pinned what a {@code pin_message} action points at; null otherwise
 * @param followUp it continues a run of messages from the same sender (see {@link
 *     #FOLLOW_UP_SECONDS}): its header is compact, without the sender
 */
public record MessageView(
    Message message,
    String anchor,
    LocalDateTime time,
    ReplyTarget reply,
    ReplyTarget pinned,
    boolean followUp) {

  /**
   * How close a message must follow the one before it, from the same sender, in the same note and
   * day, to continue its run: 5 minutes.
   */
  public static final long FOLLOW_UP_SECONDS = 300;

  public MessageView {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(anchor, "anchor");
  }

  /** A message that starts its own run (a full header). */
  public MessageView(
      Message message, String anchor, LocalDateTime time, ReplyTarget reply, ReplyTarget pinned) {
    this(message, anchor, time, reply, pinned, false);
  }
}
