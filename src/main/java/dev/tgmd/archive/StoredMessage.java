package dev.tgmd.archive;

import dev.tgmd.source.SourceText;
import java.util.Objects;

/**
 * One message as the archive holds it, read back by a {@link MessageCursor}.
 *
 * @param messageId the message's id in its chat
 * @param dateUnix when it was sent, in seconds since the epoch; null when unknown
 * @param occurrence which message of that id it is (0: the first; see {@link ArchivedMessage})
 * @param source the message exactly as it was last read ({@code ExportReader.parseStored} reads it
 *     back into the message)
 */
public record StoredMessage(long messageId, Long dateUnix, SourceText source, int occurrence) {
  public StoredMessage {
    Objects.requireNonNull(source, "source");
  }

  /** The first (usually the only) message of its id. */
  public StoredMessage(long messageId, Long dateUnix, SourceText source) {
    this(messageId, dateUnix, source, 0);
  }
}
