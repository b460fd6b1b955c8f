package dev.tgmd.archive;

import dev.tgmd.source.SourceText;
import java.util.Objects;

/**
 * One message as the archive holds it, read back by a {@link MessageCursor}.
 *
 * @param messageId the message's id in its chat
 * @param dateUnix when it was sent, in seconds since the epoch; null when unknown
 * @param source the message exactly as it was last read ({@code ExportReader.parseStored} reads it
 *     back into the message)
 */
public record StoredMessage(long messageId, Long dateUnix, SourceText source) {
  public StoredMessage {
    Objects.requireNonNull(source, "source");
  }
}
