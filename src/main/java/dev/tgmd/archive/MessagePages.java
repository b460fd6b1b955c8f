package dev.tgmd.archive;

import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat's archived messages a page at a time, by id ascending: unlike a {@link MessageCursor}, no
 * statement stays open between pages, so other threads' writes (notes, media, one transaction each)
 * can go on between them on the archive's one connection.
 */
public final class MessagePages {

  private MessagePages() {}

  /**
   * Up to {@code limit} messages of the chat after {@code after} (from the first when null), by id
   * and occurrence ascending; fewer than {@code limit} means the chat has no more.
   */
  public static List<StoredMessage> page(
      Archive archive, long chatId, StoredMessage after, int limit) throws ArchiveException {
    try {
      PreparedStatement s =
          archive.statement(
              "SELECT message_id, date_unix, source_format, source, occurrence FROM messages"
                  + " WHERE chat_id = ? AND (message_id, occurrence) > (?, ?)"
                  + " ORDER BY message_id, occurrence LIMIT ?");
      s.setLong(1, chatId);
      s.setLong(2, after == null ? Long.MIN_VALUE : after.messageId());
      s.setInt(3, after == null ? -1 : after.occurrence());
      s.setInt(4, limit);
      List<StoredMessage> page = new ArrayList<>(Math.min(limit, 1024));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long date = r.getLong(2);
          Long dateUnix = r.wasNull() ? null : date;
          SourceFormat format =
              "html".equals(r.getString(3)) ? SourceFormat.HTML : SourceFormat.JSON;
          page.add(
              new StoredMessage(
                  r.getLong(1), dateUnix, new SourceText(format, r.getBytes(4)), r.getInt(5)));
        }
      }
      return page;
    } catch (SQLException e) {
      throw archive.failed(e);
    }
  }
}
