package dev.tgmd.export;

import dev.tgmd.report.RunStatus;
import dev.tgmd.report.TotalsReport;
import java.util.List;

/**
 * What an export run did.
 *
 * @param status how the run ended ({@link Exporter#run} returns completed or interrupted, and
 *     throws when the run fails)
 * @param chats one summary per chat written (or begun), in export order
 */
public record ExportResult(RunStatus status, List<ChatSummary> chats) {

  public ExportResult {
    java.util.Objects.requireNonNull(status, "status");
    chats = List.copyOf(chats);
  }

  /**
   * The run-wide totals of these chats: the one place they are counted, for the report and the
   * summary alike. A chat counts under {@code chats} when it has at least one message.
   */
  public static TotalsReport totalsOf(List<ChatSummary> chats) {
    long chatCount = 0;
    long messages = 0;
    long failed = 0;
    long notes = 0;
    long mediaFiles = 0;
    long mediaBytes = 0;
    long missing = 0;
    long refused = 0;
    long bytesWritten = 0;
    long[] vault = new long[8];
    for (ChatSummary c : chats) {
      vault[0] += c.merged().added();
      vault[1] += c.merged().updated();
      vault[2] += c.merged().unchanged();
      vault[3] += c.merged().keptNewer();
      vault[4] += c.noteFiles().written();
      vault[5] += c.noteFiles().unchanged();
      vault[6] += c.noteFiles().keptEdited();
      vault[7] += c.noteFiles().removed();
      if (c.messages() > 0) {
        chatCount++;
      }
      messages += c.messages();
      failed += c.failed();
      notes += c.notes();
      mediaFiles += c.mediaFiles();
      mediaBytes += c.mediaBytes();
      missing += c.missing();
      refused += c.refused();
      bytesWritten += c.bytesWritten();
    }
    return new TotalsReport(
        chatCount,
        messages,
        failed,
        notes,
        mediaFiles,
        mediaBytes,
        missing,
        refused,
        bytesWritten,
        vault[0],
        vault[1],
        vault[2],
        vault[3],
        vault[4],
        vault[5],
        vault[6],
        vault[7]);
  }

  /** The run-wide totals, as the report writes them. */
  public TotalsReport totals() {
    return totalsOf(chats);
  }

  /** Media copies avoided because the same file was already copied (not a report total). */
  public long duplicates() {
    return chats.stream().mapToLong(ChatSummary::duplicates).sum();
  }
}
