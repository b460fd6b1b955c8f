package dev.tgmd.export;

import dev.tgmd.report.RunStatus;
import java.util.List;

/**
 * What an export run did.
 *
 * @param status how the run ended ({@link Exporter#run} returns completed or
 *     interrupted, and throws when the run fails)
 * @param chats one summary per chat written (or begun), in export order
 */
public record ExportResult(RunStatus status, List<ChatSummary> chats) {

  public ExportResult {
    java.util.Objects.requireNonNull(status, "status");
    chats = List.copyOf(chats);
  }

  /** Chats with at least one message written. */
  public long chatCount() {
    return chats.stream().filter(c -> c.messages() > 0).count();
  }

  public long messages() {
    return chats.stream().mapToLong(ChatSummary::messages).sum();
  }

  public long failedMessages() {
    return chats.stream().mapToLong(ChatSummary::failed).sum();
  }

  public long notes() {
    return chats.stream().mapToLong(ChatSummary::notes).sum();
  }

  public long mediaFiles() {
    return chats.stream().mapToLong(ChatSummary::mediaFiles).sum();
  }

  public long mediaBytes() {
    return chats.stream().mapToLong(ChatSummary::mediaBytes).sum();
  }

  public long duplicates() {
    return chats.stream().mapToLong(ChatSummary::duplicates).sum();
  }

  public long missing() {
    return chats.stream().mapToLong(ChatSummary::missing).sum();
  }

  public long refused() {
    return chats.stream().mapToLong(ChatSummary::refused).sum();
  }

  public long bytesWritten() {
    return chats.stream().mapToLong(ChatSummary::bytesWritten).sum();
  }
}
