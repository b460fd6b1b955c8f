package dev.tgmd.archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archive's schema as an ordered list of migrations: migration {@code i} takes a database from
 * version {@code i} to {@code i + 1} ({@code PRAGMA user_version}; a new, empty database is version
 * 0). Each is applied in one transaction together with the new version number, so a database is
 * always at one version or the next, never in between. A migration, once released, is never
 * changed: a change of schema is a new migration at the end. docs/archive.md describes the tables.
 */
final class ArchiveSchema {

  /** {@code PRAGMA application_id} of a tgmd archive: "tgmd" in ASCII. */
  static final int APPLICATION_ID = 0x74676d64;

  /** The migrations, in order; each is a list of SQL statements. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          // 0 -> 1: the first schema
          List.of(
              "PRAGMA application_id = " + APPLICATION_ID,
              "CREATE TABLE runs ("
                  + " id INTEGER PRIMARY KEY,"
                  + " started_at INTEGER NOT NULL,"
                  + " finished_at INTEGER,"
                  + " tgmd_version TEXT NOT NULL,"
                  + " input TEXT NOT NULL,"
                  + " options TEXT NOT NULL,"
                  + " status TEXT NOT NULL,"
                  + " counts TEXT)",
              "CREATE TABLE chats ("
                  + " chat_id INTEGER PRIMARY KEY,"
                  + " name TEXT,"
                  + " type TEXT NOT NULL,"
                  + " first_run INTEGER NOT NULL REFERENCES runs(id),"
                  + " last_run INTEGER NOT NULL REFERENCES runs(id))",
              "CREATE TABLE messages ("
                  + " chat_id INTEGER NOT NULL REFERENCES chats(chat_id),"
                  + " message_id INTEGER NOT NULL,"
                  + " date_unix INTEGER,"
                  + " edited_unix INTEGER,"
                  + " source_format TEXT NOT NULL CHECK (source_format IN ('json', 'html')),"
                  + " source BLOB NOT NULL,"
                  + " checksum INTEGER NOT NULL,"
                  + " first_run INTEGER NOT NULL,"
                  + " last_run INTEGER NOT NULL,"
                  + " occurrence INTEGER NOT NULL DEFAULT 0,"
                  + " PRIMARY KEY (chat_id, message_id, occurrence))",
              "CREATE TABLE media ("
                  + " source_path TEXT NOT NULL,"
                  + " size INTEGER NOT NULL,"
                  + " checksum INTEGER NOT NULL,"
                  + " vault_path TEXT NOT NULL,"
                  + " run INTEGER NOT NULL REFERENCES runs(id),"
                  + " PRIMARY KEY (source_path, size, checksum))",
              "CREATE INDEX media_by_content ON media (size, checksum)",
              "CREATE TABLE notes ("
                  + " path TEXT PRIMARY KEY,"
                  + " chat_id INTEGER,"
                  + " checksum TEXT,"
                  + " size INTEGER NOT NULL DEFAULT -1,"
                  + " run INTEGER REFERENCES runs(id),"
                  + " pending_checksum TEXT)",
              "CREATE INDEX notes_by_chat ON notes (chat_id)"),
          // 1 -> 2: how each chat's notes were last rendered, so that a run with nothing new for a
          // chat leaves its notes alone; a chat is dirty from the moment a run may change its
          // messages until its notes are all written
          List.of(
              "CREATE TABLE renders ("
                  + " chat_id INTEGER PRIMARY KEY REFERENCES chats(chat_id),"
                  + " folder TEXT NOT NULL,"
                  + " render_key TEXT,"
                  + " dirty INTEGER NOT NULL DEFAULT 1)"));

  private ArchiveSchema() {}

  /** The version this code writes: the number of migrations. */
  static int latest(List<List<String>> migrations) {
    return migrations.size();
  }

  /**
   * Brings the database to the latest version, or refuses it.
   *
   * @param name the file as errors name it
   * @throws ArchiveException when the database is newer than {@code migrations} know, is another
   *     program's, or a migration fails (the database then stays at the version before it)
   */
  static void migrate(Connection c, String name, List<List<String>> migrations)
      throws ArchiveException, SQLException {
    int latest = latest(migrations);
    int version = intPragma(c, "user_version");
    boolean ours = version == 0 ? isEmpty(c) : intPragma(c, "application_id") == APPLICATION_ID;
    if (!ours) {
      throw new ArchiveException(
          name + " is another program's SQLite database, not a tgmd archive");
    }
    if (version > latest) {
      throw new ArchiveException(
          name
              + " was written by a newer tgmd (schema "
              + version
              + "; this one knows "
              + latest
              + ")");
    }
    for (int v = version; v < latest; v++) {
      try (Statement s = c.createStatement()) {
        for (String sql : migrations.get(v)) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version = " + (v + 1));
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw new ArchiveException(
            name
                + ": cannot bring the archive from schema "
                + v
                + " to "
                + (v + 1)
                + ": "
                + Archive.oneLine(e),
            e);
      }
    }
  }

  static int intPragma(Connection c, String pragma) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static boolean isEmpty(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return r.next() && r.getInt(1) == 0;
    }
  }
}
