package dev.tgmd.archive;

import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A chat's archived messages, one at a time, by id ascending ({@link Archive#messages}): SQLite
 * steps through the table as {@link #next} is called, so only the current message is in memory. Not
 * thread-safe; the archive's thread uses it, and closes it.
 */
public final class MessageCursor implements AutoCloseable {

  private final PreparedStatement statement;
  private final ResultSet rows;
  private final String name;

  MessageCursor(PreparedStatement statement, String name) throws SQLException {
    this.statement = statement;
    this.name = name;
    try {
      this.rows = statement.executeQuery();
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /**
   * The next message, or null after the last.
   *
   * @throws ArchiveException when the database fails (damaged, or read while being deleted)
   */
  public StoredMessage next() throws ArchiveException {
    try {
      if (!rows.next()) {
        return null;
      }
      long id = rows.getLong(1);
      long date = rows.getLong(2);
      Long dateUnix = rows.wasNull() ? null : date;
      SourceFormat format =
          "html".equals(rows.getString(3)) ? SourceFormat.HTML : SourceFormat.JSON;
      return new StoredMessage(
          id, dateUnix, new SourceText(format, rows.getBytes(4)), rows.getInt(5));
    } catch (SQLException e) {
      throw new ArchiveException(name + ": " + Archive.oneLine(e), e);
    }
  }

  @Override
  public void close() throws ArchiveException {
    try {
      rows.close();
      statement.close();
    } catch (SQLException e) {
      throw new ArchiveException(name + ": " + Archive.oneLine(e), e);
    }
  }
}
