package dev.tgmd.archive;

import dev.tgmd.source.SourceText;
import java.util.Objects;

/**
 * One message as an export run hands it to {@link Archive#merge}.
 *
 * @param chatId the chat's id (a chat {@link Archive#putChat} registered)
 * @param messageId the message's id in its chat; negative for a migrated basic group's messages
 * @param dateUnix when it was sent, in seconds since the epoch; null when the export has no date
 * @param editedUnix when it was last edited, in seconds since the epoch; null when never edited
 * @param source the message exactly as read
 * @param occurrence 0 for the first message of its id in its chat's export, 1 for a second one with
 *     the same id (an export that repeats an id keeps both), …
 */
public record ArchivedMessage(
    long chatId,
    long messageId,
    Long dateUnix,
    Long editedUnix,
    SourceText source,
    int occurrence) {
  public ArchivedMessage {
    Objects.requireNonNull(source, "source");
    if (occurrence < 0) {
      throw new IllegalArgumentException("occurrence < 0: " + occurrence);
    }
  }

  /** The first (usually the only) message of its id. */
  public ArchivedMessage(
      long chatId, long messageId, Long dateUnix, Long editedUnix, SourceText source) {
    this(chatId, messageId, dateUnix, editedUnix, source, 0);
  }
}
