package dev.tgmd.export;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.ArchiveException;
import dev.tgmd.archive.NoteRecord;
import dev.tgmd.layout.OutputFolder;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Brings the notes' records of an archive written before 2 December 2026 to {@link
 * OutputFolder#checksum}: such an archive recorded each note by the SHA-256 of its bytes (64 hex
 * digits, where a checksum has 16). A note whose file still has the recorded SHA-256 (or the
 * pending one) is recorded again by its checksum; a note the user changed, or that cannot be read,
 * keeps its old record, which no checksum matches, so it stays the user's. Each such note is read
 * once, at the first run after the change (and an edited one at every run, until tgmd writes it
 * again).
 */
final class LegacyChecksums {

  private LegacyChecksums() {}

  /** Upgrades the records of {@code notes} (by path, updated in place) and the archive's. */
  static void upgrade(Archive archive, OutputFolder out, Map<String, NoteRecord> notes)
      throws ArchiveException {
    for (NoteRecord r : List.copyOf(notes.values())) {
      boolean confirmed = isLegacy(r.checksum());
      boolean pending = isLegacy(r.pendingChecksum());
      if (!confirmed && !pending) {
        continue;
      }
      String sha256;
      String checksum;
      try {
        sha256 = sha256(out, r.path());
        checksum = out.checksum(r.path());
      } catch (IOException e) {
        continue; // gone, a link, unreadable: not known to be tgmd's
      }
      if (confirmed && sha256.equals(r.checksum())) {
        archive.noteWritten(r.path(), checksum, r.size(), r.runId());
        notes.put(
            r.path(), new NoteRecord(r.path(), r.chatId(), checksum, r.size(), r.runId(), null));
      } else if (pending && sha256.equals(r.pendingChecksum())) {
        archive.notePending(r.path(), r.chatId(), checksum);
        notes.put(
            r.path(),
            new NoteRecord(r.path(), r.chatId(), r.checksum(), r.size(), r.runId(), checksum));
      }
    }
  }

  /** Whether a recorded checksum is an older archive's SHA-256. */
  static boolean isLegacy(String recorded) {
    return recorded != null && recorded.length() == 64;
  }

  private static String sha256(OutputFolder out, String path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = out.read(path)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
