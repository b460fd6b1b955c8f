package dev.tgmd.archive;

import java.util.Objects;

/**
 * A note tgmd wrote into the vault, or is about to write.
 *
 * @param path the note's path in the vault, relative to OUT, with {@code /} between names
 * @param chatId the chat the note belongs to; null for notes of no chat (an index)
 * @param checksum the checksum (16 hex digits; a SHA-256 in archives before 2026-12-02) of the
 *     bytes tgmd last wrote there; null when the note was registered as pending and never confirmed
 * @param size the size in bytes of what tgmd last wrote; -1 when none was confirmed
 * @param runId the run that last confirmed the note; -1 when none was
 * @param pendingChecksum the checksum of bytes about to be written, registered before the atomic
 *     rename and cleared when the write is confirmed; null when no write is pending. A file whose
 *     checksum is the pending one was written by tgmd, which crashed before confirming it.
 */
public record NoteRecord(
    String path, Long chatId, String checksum, long size, long runId, String pendingChecksum) {
  public NoteRecord {
    Objects.requireNonNull(path, "path");
  }

  /**
   * True when a file with checksum {@code fileChecksum} is what tgmd wrote (confirmed or pending),
   * false when someone else changed it.
   */
  public boolean writtenByTgmd(String fileChecksum) {
    return fileChecksum.equals(checksum) || fileChecksum.equals(pendingChecksum);
  }
}
