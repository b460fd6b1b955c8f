package dev.tgmd.archive;

import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Merges batches of messages into the {@code messages} table by the rule of {@link Archive#merge}:
 * per batch, one range query per chat finds what the archive holds of the batch's ids (none for a
 * chat seen the first time, so no per-message lookup), then INSERT ... ON CONFLICT DO UPDATE
 * statements of {@value #ROWS} rows write what is new or changed, in order. Not thread-safe; the
 * caller commits.
 */
final class MessageMerge {

  /** {@code source_format}'s values, by {@link SourceFormat#ordinal}. */
  private static final String[] FORMAT_NAMES = formatNames();

  /**
   * Rows written by one statement of {@link #upsertRows}: one INSERT of many rows costs SQLite and
   * the driver a quarter less CPU than as many one-row INSERTs in a JDBC batch (measured: 1.33 s
   * against 1.78 s for 200,000 rows, medians of 4).
   */
  static final int ROWS = 50;

  /** Parameters a row binds: first_run and last_run share one. */
  private static final int ROW_PARAMETERS = 9;

  private final PreparedStatement known;

  /** Writes one row; the rows past the last whole {@link #ROWS}, as a JDBC batch. */
  private final PreparedStatement upsert;

  /** Writes {@link #ROWS} rows at once. */
  private final PreparedStatement upsertRows;

  private final CRC32C crc32c = new CRC32C();
  private final CRC32 crc32 = new CRC32();

  MessageMerge(Connection c) throws SQLException {
    known =
        c.prepareStatement(
            "SELECT message_id, occurrence, checksum, edited_unix FROM messages"
                + " WHERE chat_id = ? AND message_id BETWEEN ? AND ?");
    upsert = c.prepareStatement(upsertSql(1));
    upsertRows = c.prepareStatement(upsertSql(ROWS));
  }

  /**
   * The INSERT ... ON CONFLICT DO UPDATE of {@code rows} rows, row {@code r}'s parameters numbered
   * from {@code r * 9 + 1}. SQLite inserts a statement's rows in order, each meeting the conflicts
   * of the rows before it, as separate statements would.
   */
  private static String upsertSql(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO messages (chat_id, message_id, date_unix, edited_unix, source_format,"
                + " source, checksum, first_run, last_run, occurrence) VALUES ");
    for (int r = 0; r < rows; r++) {
      int p = r * ROW_PARAMETERS;
      sql.append(r == 0 ? "" : ", ").append('(');
      for (int i = 1; i <= ROW_PARAMETERS; i++) {
        sql.append(i == 1 ? "" : ", ").append('?').append(p + i);
        if (i == 8) {
          sql.append(", ?").append(p + i); // last_run: the same run as first_run
        }
      }
      sql.append(')');
    }
    return sql.append(
            " ON CONFLICT (chat_id, message_id, occurrence) DO UPDATE SET"
                + " date_unix = excluded.date_unix, edited_unix = excluded.edited_unix,"
                + " source_format = excluded.source_format, source = excluded.source,"
                + " checksum = excluded.checksum, last_run = excluded.last_run")
        .toString();
  }

  /** A message's place in its chat: its id, and which message of that id it is. */
  private record Key(long id, int occurrence) {}

  /** What the archive holds of a message: enough to decide without reading its source. */
  private static final class Known {
    final long checksum;
    final Long edited;

    Known(long checksum, Long edited) {
      this.checksum = checksum;
      this.edited = edited;
    }
  }

  /**
   * Writes the batch's new and changed messages (not committed) and counts what it did.
   *
   * @param newChats the archive holds none of the batch's messages (see {@link Archive#merge(long,
   *     List, boolean)}): nothing is looked up
   */
  MergeCounts merge(long runId, List<ArchivedMessage> batch, boolean newChats) throws SQLException {
    Map<Long, Map<Key, Known>> byChat = newChats ? null : knownRows(batch);
    long added = 0;
    long updated = 0;
    long unchanged = 0;
    long keptNewer = 0;
    List<ArchivedMessage> rows = new ArrayList<>(batch.size());
    long[] sums = new long[batch.size()];
    for (ArchivedMessage m : batch) {
      long sum = checksum(m.source());
      Map<Key, Known> held = byChat == null ? null : byChat.get(m.chatId());
      Known k = held == null ? null : held.get(new Key(m.messageId(), m.occurrence()));
      if (k == null) {
        added++;
      } else if (k.checksum == sum) {
        unchanged++;
        continue;
      } else if (k.edited != null && (m.editedUnix() == null || m.editedUnix() < k.edited)) {
        keptNewer++;
        continue;
      } else {
        updated++;
      }
      if (held != null) {
        held.put(new Key(m.messageId(), m.occurrence()), new Known(sum, m.editedUnix()));
      }
      sums[rows.size()] = sum;
      rows.add(m);
    }
    write(runId, rows, sums);
    return new MergeCounts(added, updated, unchanged, keptNewer);
  }

  /** Per chat of the batch, what the archive holds between the batch's lowest and highest id. */
  private Map<Long, Map<Key, Known>> knownRows(List<ArchivedMessage> batch) throws SQLException {
    Map<Long, long[]> ranges = new HashMap<>();
    for (ArchivedMessage m : batch) {
      long[] r =
          ranges.computeIfAbsent(m.chatId(), id -> new long[] {m.messageId(), m.messageId()});
      r[0] = Math.min(r[0], m.messageId());
      r[1] = Math.max(r[1], m.messageId());
    }
    Map<Long, Map<Key, Known>> byChat = new HashMap<>();
    for (Map.Entry<Long, long[]> e : ranges.entrySet()) {
      Map<Key, Known> held = new HashMap<>();
      known.setLong(1, e.getKey());
      known.setLong(2, e.getValue()[0]);
      known.setLong(3, e.getValue()[1]);
      try (ResultSet r = known.executeQuery()) {
        while (r.next()) {
          Key key = new Key(r.getLong(1), r.getInt(2));
          long sum = r.getLong(3);
          long edited = r.getLong(4);
          held.put(key, new Known(sum, r.wasNull() ? null : edited));
        }
      }
      byChat.put(e.getKey(), held);
    }
    return byChat;
  }

  /** Writes the rows in order: {@link #ROWS} at a time, the rest one at a time in a batch. */
  private void write(long runId, List<ArchivedMessage> rows, long[] sums) throws SQLException {
    int whole = rows.size() - rows.size() % ROWS;
    for (int from = 0; from < whole; from += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        bind(upsertRows, r * ROW_PARAMETERS, runId, rows.get(from + r), sums[from + r]);
      }
      upsertRows.executeUpdate();
    }
    if (whole == rows.size()) {
      return;
    }
    try {
      for (int i = whole; i < rows.size(); i++) {
        bind(upsert, 0, runId, rows.get(i), sums[i]);
        upsert.addBatch();
      }
      upsert.executeBatch();
    } finally {
      upsert.clearBatch(); // a failed batch must not be written with the next one
    }
  }

  /** Binds a row's parameters, numbered from {@code base + 1}. */
  private static void bind(PreparedStatement s, int base, long runId, ArchivedMessage m, long sum)
      throws SQLException {
    s.setLong(base + 1, m.chatId());
    s.setLong(base + 2, m.messageId());
    setNullable(s, base + 3, m.dateUnix());
    setNullable(s, base + 4, m.editedUnix());
    s.setString(base + 5, formatName(m.source()));
    s.setBytes(base + 6, m.source().bytes());
    s.setLong(base + 7, sum);
    s.setLong(base + 8, runId); // first_run and last_run
    s.setInt(base + 9, m.occurrence());
  }

  static void setNullable(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setLong(index, value);
    }
  }

  /** The {@code source_format} of a source: {@code json} or {@code html}. */
  static String formatName(SourceText source) {
    return FORMAT_NAMES[source.format().ordinal()];
  }

  private static String[] formatNames() {
    SourceFormat[] formats = SourceFormat.values();
    String[] names = new String[formats.length];
    for (SourceFormat f : formats) {
      names[f.ordinal()] = f.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }

  /**
   * The source's checksum: its CRC-32C in the high 32 bits and its CRC-32 in the low ones. Both are
   * computed by the processor's CRC instructions (a few GB/s, so 120 MB of messages cost about 50
   * ms, where SHA-256 would cost ten times that); two different polynomials make two different
   * sources of one message collide with a chance of about 2^-64 (not 2^-32), far below any failure
   * of the disk. A checksum only decides "the same bytes, nothing to write"; it is never a key.
   */
  long checksum(SourceText source) {
    byte[] b = source.bytes();
    crc32c.reset();
    crc32c.update(b, 0, b.length);
    crc32.reset();
    crc32.update(b, 0, b.length);
    return (crc32c.getValue() << 32) | crc32.getValue();
  }

  void close() throws SQLException {
    known.close();
    upsert.close();
    upsertRows.close();
  }
}
