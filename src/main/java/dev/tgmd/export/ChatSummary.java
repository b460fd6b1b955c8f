package dev.tgmd.export;

import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;

/**
 * What the export did with one chat.
 *
 * @param folder the chat's folder inside OUT
 * @param messages message entries written, service messages included
 * @param failed messages whose rendering failed (written as an error block)
 * @param notes note files written: period notes and the chat's index note
 * @param durationNanos wall time from the chat's first to its last write
 * @param status how the chat's export ended: completed, interrupted (its open notes say partial) or
 *     failed (its open notes were discarded)
 * @param merged what the vault made of the chat's messages in the export
 * @param noteFiles what became of the chat's note files
 */
public record ChatSummary(
    Chat chat,
    String name,
    String folder,
    long messages,
    long failed,
    int notes,
    int mediaFiles,
    long mediaBytes,
    int duplicates,
    int missing,
    int refused,
    long bytesWritten,
    long durationNanos,
    RunStatus status,
    Vault.MergeTotals merged,
    NoteFiles noteFiles) {

  /**
   * What became of a chat's note files in a run.
   *
   * @param written written: new, or changed
   * @param unchanged the same bytes were there: not touched
   * @param keptEdited the user had changed them: kept as they are (tgmd's version beside them, or,
   *     for notes the run no longer makes, left alone)
   * @param removed notes an earlier run made that this one does not (another split), unedited
   */
  public record NoteFiles(long written, long unchanged, long keptEdited, long removed) {
    static final NoteFiles NONE = new NoteFiles(0, 0, 0, 0);
  }

  /** A summary without vault figures (a chat of a run without the vault, or built by hand). */
  public ChatSummary(
      Chat chat,
      String name,
      String folder,
      long messages,
      long failed,
      int notes,
      int mediaFiles,
      long mediaBytes,
      int duplicates,
      int missing,
      int refused,
      long bytesWritten,
      long durationNanos,
      RunStatus status) {
    this(
        chat,
        name,
        folder,
        messages,
        failed,
        notes,
        mediaFiles,
        mediaBytes,
        duplicates,
        missing,
        refused,
        bytesWritten,
        durationNanos,
        status,
        Vault.MergeTotals.ZERO,
        NoteFiles.NONE);
  }

  /** A chat the vault held already and nothing of which changed: its notes stay as they are. */
  static ChatSummary untouched(
      Chat chat, String name, String folder, long messages, int notes, Vault.MergeTotals merged) {
    return new ChatSummary(
        chat,
        name,
        folder,
        messages,
        0,
        notes,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        RunStatus.COMPLETED,
        merged,
        new NoteFiles(0, notes, 0, 0));
  }
}
