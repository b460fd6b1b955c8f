package dev.tgmd.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The archive's media and notes tables: small reads and writes, each write one transaction. */
final class ArchiveRecords {

  private ArchiveRecords() {}

  static void recordMedia(Archive a, MediaRecord m) throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "INSERT INTO media (source_path, size, checksum, vault_path, run)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_path, size, checksum)"
                  + " DO UPDATE SET vault_path = excluded.vault_path, run = excluded.run");
      s.setString(1, m.sourcePath());
      s.setLong(2, m.size());
      s.setLong(3, m.checksum());
      s.setString(4, m.vaultPath());
      s.setLong(5, m.runId());
      s.executeUpdate();
      a.commit();
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static List<MediaRecord> findMedia(Archive a, long size, long checksum) throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "SELECT source_path, size, checksum, vault_path, run FROM media"
                  + " WHERE size = ? AND checksum = ? ORDER BY run, source_path");
      s.setLong(1, size);
      s.setLong(2, checksum);
      return mediaRows(s);
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  /** The media rows a query of (source_path, size, checksum, vault_path, run) finds. */
  static List<MediaRecord> mediaRows(PreparedStatement s) throws SQLException {
    List<MediaRecord> found = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        found.add(
            new MediaRecord(
                r.getString(1), r.getLong(2), r.getLong(3), r.getString(4), r.getLong(5)));
      }
    }
    return found;
  }

  /** The notes of the chat, or every note when {@code chatId} is null, by path. */
  static Map<String, NoteRecord> notes(Archive a, Long chatId) throws ArchiveException {
    String columns = "SELECT path, chat_id, checksum, size, run, pending_checksum FROM notes";
    try {
      PreparedStatement s =
          chatId == null
              ? a.statement(columns + " ORDER BY path")
              : a.statement(columns + " WHERE chat_id = ? ORDER BY path");
      if (chatId != null) {
        s.setLong(1, chatId);
      }
      Map<String, NoteRecord> notes = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long chat = r.getLong(2);
          Long noteChat = r.wasNull() ? null : chat;
          long run = r.getLong(5);
          long runId = r.wasNull() ? -1 : run;
          notes.put(
              r.getString(1),
              new NoteRecord(
                  r.getString(1), noteChat, r.getString(3), r.getLong(4), runId, r.getString(6)));
        }
      }
      return notes;
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static void notePending(Archive a, String path, Long chatId, String checksum)
      throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "INSERT INTO notes (path, chat_id, pending_checksum) VALUES (?, ?, ?)"
                  + " ON CONFLICT (path) DO UPDATE SET chat_id = excluded.chat_id,"
                  + " pending_checksum = excluded.pending_checksum");
      s.setString(1, Objects.requireNonNull(path, "path"));
      if (chatId == null) {
        s.setNull(2, Types.INTEGER);
      } else {
        s.setLong(2, chatId);
      }
      s.setString(3, Objects.requireNonNull(checksum, "checksum"));
      s.executeUpdate();
      a.commit();
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static void noteWritten(Archive a, String path, String checksum, long size, long runId)
      throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "INSERT INTO notes (path, checksum, size, run) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (path) DO UPDATE SET checksum = excluded.checksum,"
                  + " size = excluded.size, run = excluded.run, pending_checksum = NULL");
      s.setString(1, Objects.requireNonNull(path, "path"));
      s.setString(2, Objects.requireNonNull(checksum, "checksum"));
      s.setLong(3, size);
      s.setLong(4, runId);
      s.executeUpdate();
      a.commit();
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static void forgetNote(Archive a, String path) throws ArchiveException {
    try {
      PreparedStatement s = a.statement("DELETE FROM notes WHERE path = ?");
      s.setString(1, path);
      s.executeUpdate();
      a.commit();
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }
}
