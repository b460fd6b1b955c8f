import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor for the archive's part of an export: the messages of result.json stored, each with its
 * source bytes, into a new SQLite file by a plain JDBC loop over tgmd's jar (bench/vault.sh compiles
 * and runs it). The table, pragmas and statements are the archive's (docs/archive.md): WAL,
 * synchronous=OFF, a 2 MiB cache, 50-row INSERT ... ON CONFLICT statements, a commit every 50 rows
 * (the merge's smallest transaction). Nothing else: no checksums, no lookups, no other thread.
 *
 * <p>The sources are cut out of the file before the clock starts. Prints the insert's wall time and
 * its CPU time (SQLite runs on the calling thread).
 *
 * <p>{@code java -cp target/tgmd.jar:CLASSES ArchiveFloor result.json OUT.sqlite [JOURNAL]}: JOURNAL
 * (default WAL) is SQLite's journal mode, e.g. OFF for the floor without any crash safety.
 */
public final class ArchiveFloor {
  private static final int ROWS = 50;

  public static void main(String[] args) throws Exception {
    List<long[]> keys = new ArrayList<>();
    List<byte[]> sources = new ArrayList<>();
    cut(Files.readAllBytes(Path.of(args[0])), keys, sources);
    Path db = Path.of(args[1]);
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall0 = System.nanoTime();
    long cpu0 = threads.getCurrentThreadCpuTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = " + (args.length > 2 ? args[2] : "WAL"));
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -2048");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE messages (chat_id INTEGER NOT NULL, message_id INTEGER NOT NULL,"
                + " date_unix INTEGER, edited_unix INTEGER, source_format TEXT NOT NULL,"
                + " source BLOB NOT NULL, checksum INTEGER NOT NULL, first_run INTEGER NOT NULL,"
                + " last_run INTEGER NOT NULL, occurrence INTEGER NOT NULL DEFAULT 0,"
                + " PRIMARY KEY (chat_id, message_id, occurrence))");
      }
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO messages (chat_id, message_id, date_unix, edited_unix, source_format,"
                  + " source, checksum, first_run, last_run, occurrence) VALUES ");
      for (int r = 0; r < ROWS; r++) {
        sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, NULL, 'json', ?, ?, 1, 1, 0)");
      }
      sql.append(
          " ON CONFLICT (chat_id, message_id, occurrence) DO UPDATE SET source = excluded.source");
      try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
        int whole = sources.size() - sources.size() % ROWS;
        for (int from = 0; from < whole; from += ROWS) {
          for (int r = 0; r < ROWS; r++) {
            int i = from + r;
            int p = r * 5;
            insert.setLong(p + 1, keys.get(i)[0]);
            insert.setLong(p + 2, keys.get(i)[1]);
            insert.setLong(p + 3, 1_600_000_000L + i);
            insert.setBytes(p + 4, sources.get(i));
            insert.setLong(p + 5, i);
          }
          insert.executeUpdate();
          c.commit();
        }
      }
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    long bytes = 0;
    for (byte[] s : sources) {
      bytes += s.length;
    }
    System.out.printf(
        "%d messages, %d MB of source: insert wall %.3f s, CPU %.3f s%n",
        sources.size(), bytes / 1_000_000, wall, cpu);
  }

  /** Cuts every message object of every chat out of the file, keyed by (chat, position). */
  private static void cut(byte[] file, List<long[]> keys, List<byte[]> sources) throws Exception {
    JsonFactory factory =
        JsonFactory.builder().enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER).build();
    try (JsonParser p = factory.createParser(file)) {
      long chat = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME && p.currentName().equals("messages")) {
          if (p.nextToken() != JsonToken.START_ARRAY) {
            continue;
          }
          chat++;
          long position = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getByteOffset();
            keys.add(new long[] {chat, ++position});
            sources.add(java.util.Arrays.copyOfRange(file, start, end));
          }
        }
      }
    }
  }
}
