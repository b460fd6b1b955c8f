package dev.tgmd.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The archive of one vault ({@code OUT/.tgmd/archive.sqlite}): every message ever exported into OUT
 * with its source exactly as read, the chats, the media copied, the notes written and the runs. A
 * SQLite database, described in docs/archive.md.
 *
 * <p>Crash safety: the database is in WAL mode with {@code synchronous=OFF}. Every public method
 * that writes is one transaction ({@link #merge}: one per batch; {@link #inOneTransaction} makes
 * several one); a transaction is in the database entirely or not at all. A killed process (kill -9,
 * out of memory) loses at most the transaction in progress, and the database stays consistent.
 * Nothing waits for the disk (no fsync), as for the notes: an operating-system crash or power loss
 * can lose recent transactions and, rarely, damage the archive, which the next run then refuses in
 * one line (docs/archive.md says how to start over). NORMAL, which syncs at each checkpoint,
 * measured 1.4 times the export's wall time on this project's 2-core machines (docs/benchmarks.md).
 *
 * <p>Not thread-safe: one thread at a time uses an archive (the export's threads take it in turns),
 * and a {@link MessageCursor} on that same thread. Close it when done (it is {@link
 * AutoCloseable}).
 */
public final class Archive implements AutoCloseable {

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.UTF_8);

  /** The busy timeout, in ms: how long a write waits for another connection's lock. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** SQLite's page cache, in KiB (native memory, part of the resident set). */
  static final int CACHE_KIB = 2 * 1024;

  private final Path file;
  private final String name;
  private final Connection c;
  private final int version;
  private final MessageMerge merge;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

  private Archive(Path file, Connection c, int version) throws SQLException {
    this.file = file;
    this.name = file.toString();
    this.c = c;
    this.version = version;
    this.merge = new MessageMerge(c);
  }

  /**
   * Initializes SQLite's driver as the first {@link #open} does, without opening a file, for a
   * thread of its own to take off the run's path: about 40 ms the first time, nearly all of it the
   * driver's date formats, which read the default locale's calendar data. Anything wrong is left
   * for {@link #open} to report.
   */
  public static void prepare() {
    try {
      new SQLiteConfig().newConnectionConfig();
    } catch (RuntimeException e) {
      // open meets it again and says what is wrong, naming the file
    }
  }

  /**
   * Opens the archive {@code file}, creating it when it does not exist (its folder must), and
   * brings its schema to this version's.
   *
   * @throws ArchiveException when the file is not a SQLite database or is damaged, is another
   *     program's database, was written by a newer tgmd, or cannot be opened; the message is one
   *     line naming the file
   */
  public static Archive open(Path file) throws ArchiveException {
    return open(file, ArchiveSchema.MIGRATIONS);
  }

  /** Opens with the given migrations (tests use more than this version has). */
  static Archive open(Path file, List<List<String>> migrations) throws ArchiveException {
    String name = file.toString();
    checkHeader(file, name);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setCacheSize(-CACHE_KIB);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri().toASCIIString());
      c.setAutoCommit(false);
      ArchiveSchema.migrate(c, name, migrations);
      return new Archive(file, c, ArchiveSchema.latest(migrations));
    } catch (SQLException e) {
      closeQuietly(c);
      throw error(name, e);
    } catch (ArchiveException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Refuses a file that exists and does not start as every SQLite database does. */
  private static void checkHeader(Path file, String name) throws ArchiveException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SQLITE_HEADER.length);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new ArchiveException(name + ": cannot read the archive: " + e.getMessage(), e);
    }
    if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
      throw new ArchiveException(
          name + " is not a SQLite database (damaged, or not a tgmd archive)");
    }
  }

  /** The archive's file. */
  public Path file() {
    return file;
  }

  /** The schema version of the database (the latest this code knows, once opened). */
  public int schemaVersion() {
    return version;
  }

  // --- runs --------------------------------------------------------------------------------------

  /**
   * Records a run that starts, with status {@code running} until {@link #finishRun}.
   *
   * @param startedAtMillis when it started, in ms since the epoch
   * @param optionsJson the run's options as a JSON object
   * @return the run's id, for the other methods
   */
  public long beginRun(long startedAtMillis, String tgmdVersion, String input, String optionsJson)
      throws ArchiveException {
    return RunRecords.begin(this, startedAtMillis, tgmdVersion, input, optionsJson);
  }

  /**
   * Records how a run ended.
   *
   * @param status how it ended (the report's run status, in lower case)
   * @param countsJson what it counted, as a JSON object
   */
  public void finishRun(long runId, long finishedAtMillis, String status, String countsJson)
      throws ArchiveException {
    RunRecords.finish(this, runId, finishedAtMillis, status, countsJson);
  }

  /** The run {@code runId}, if the archive has it. */
  public Optional<RunRecord> run(long runId) throws ArchiveException {
    return RunRecords.find(this, runId);
  }

  // --- chats -------------------------------------------------------------------------------------

  /**
   * Records that run {@code runId} met the chat: inserted the first time (first and last run the
   * same), its name, type and last run updated afterwards. A chat's messages can be merged only
   * once it is recorded.
   */
  public void putChat(long runId, long chatId, String chatName, String type)
      throws ArchiveException {
    try {
      PreparedStatement s =
          statement(
              "INSERT INTO chats (chat_id, name, type, first_run, last_run) VALUES (?, ?, ?, ?, ?)"
                  + " ON CONFLICT (chat_id) DO UPDATE SET name = excluded.name,"
                  + " type = excluded.type, last_run = excluded.last_run");
      s.setLong(1, chatId);
      s.setString(2, chatName);
      s.setString(3, Objects.requireNonNull(type, "type"));
      s.setLong(4, runId);
      s.setLong(5, runId);
      s.executeUpdate();
      commit();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Every chat the archive has, by id. */
  public List<ChatRecord> chats() throws ArchiveException {
    try {
      PreparedStatement s =
          statement("SELECT chat_id, name, type, first_run, last_run FROM chats ORDER BY chat_id");
      List<ChatRecord> chats = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          chats.add(
              new ChatRecord(
                  r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
        }
      }
      return chats;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  // --- messages ----------------------------------------------------------------------------------

  /**
   * Merges a batch of messages read by run {@code runId}, in one transaction (all of it or, on a
   * failure or a crash, none of it). Per message: one the archive does not hold is inserted
   * (added); one it holds with the same bytes is left alone, its {@code last_run} too (rewriting a
   * row to touch it costs as much as writing it); one it holds with other bytes replaces the
   * archived one (updated) unless the archived one is the newer edit: it has an edit date and the
   * one read has none (Telegram cannot undo an edit) or an older one (kept newer). Equal edit dates
   * or none at all: the run's export is the newer and wins. Messages the archive holds and the
   * batch does not name are never touched (exports are often partial). A message named twice in a
   * batch is merged twice, in order.
   *
   * @throws ArchiveException on a database error, or when a message's chat was not recorded with
   *     {@link #putChat}; nothing of the batch is then in the archive
   */
  public MergeCounts merge(long runId, List<ArchivedMessage> batch) throws ArchiveException {
    return merge(runId, batch, false);
  }

  /**
   * Merges as {@link #merge(long, List)}; with {@code newChats}, the batch's chats had no messages
   * in the archive before this run, which merged each of its messages at most once (no two with the
   * same id and occurrence): every message is then new, and the archive is not asked what it holds
   * of them (a lookup a batch spares, per chat, in a fresh export).
   */
  public MergeCounts merge(long runId, List<ArchivedMessage> batch, boolean newChats)
      throws ArchiveException {
    if (batch.isEmpty()) {
      return MergeCounts.ZERO;
    }
    try {
      MergeCounts counts = merge.merge(runId, batch, newChats);
      commit();
      return counts;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * The chat's messages, by id ascending (so a migrated basic group's negative ids come first, as
   * in Telegram Desktop's export), read as the cursor advances: a chat of any size takes the memory
   * of one message. Close the cursor when done.
   */
  public MessageCursor messages(long chatId) throws ArchiveException {
    try {
      PreparedStatement s =
          c.prepareStatement(
              "SELECT message_id, date_unix, source_format, source, occurrence FROM messages"
                  + " WHERE chat_id = ? ORDER BY message_id, occurrence");
      s.setLong(1, chatId);
      return new MessageCursor(s, name);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** How many messages of the chat the archive holds. */
  public long count(long chatId) throws ArchiveException {
    return longQuery("SELECT count(*) FROM messages WHERE chat_id = ?", chatId);
  }

  /** How many messages of each chat the archive holds, and their first and last dates. */
  public java.util.Map<Long, ChatFacts> chatFacts() throws ArchiveException {
    try {
      PreparedStatement s =
          statement(
              "SELECT chat_id, count(*), min(date_unix), max(date_unix) FROM messages"
                  + " GROUP BY chat_id");
      java.util.Map<Long, ChatFacts> facts = new java.util.HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long first = r.getLong(3);
          Long firstUnix = r.wasNull() ? null : first;
          long last = r.getLong(4);
          Long lastUnix = r.wasNull() ? null : last;
          facts.put(r.getLong(1), new ChatFacts(r.getLong(1), r.getLong(2), firstUnix, lastUnix));
        }
      }
      return facts;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** True when the archive holds at least one message of the chat. */
  public boolean hasMessages(long chatId) throws ArchiveException {
    return longQuery("SELECT EXISTS (SELECT 1 FROM messages WHERE chat_id = ?)", chatId) != 0;
  }

  private long longQuery(String sql, long parameter) throws ArchiveException {
    try {
      PreparedStatement s = statement(sql);
      s.setLong(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  // --- media and notes: ArchiveRecords -----------------------------------------------------------

  /** Records a media file copied into the vault (replacing what the archive had of it). */
  public void recordMedia(MediaRecord media) throws ArchiveException {
    ArchiveRecords.recordMedia(this, media);
  }

  /** The media the archive has of that content (size and CRC-32C), oldest first. */
  public List<MediaRecord> findMedia(long size, long checksum) throws ArchiveException {
    return ArchiveRecords.findMedia(this, size, checksum);
  }

  /** The notes of the chat, by path. */
  public Map<String, NoteRecord> notes(long chatId) throws ArchiveException {
    return ArchiveRecords.notes(this, chatId);
  }

  /** Every note, by path. */
  public Map<String, NoteRecord> notes() throws ArchiveException {
    return ArchiveRecords.notes(this, null);
  }

  /**
   * Registers that tgmd is about to write a note whose bytes have the checksum {@code checksum}:
   * call it before the atomic rename, {@link #noteWritten} after. The confirmed checksum is kept
   * until then, so after a crash between the two the file is either the confirmed or the pending
   * bytes, and {@link NoteRecord#writtenByTgmd} recognises both.
   */
  public void notePending(String path, Long chatId, String checksum) throws ArchiveException {
    ArchiveRecords.notePending(this, path, chatId, checksum);
  }

  /** Confirms a note written by run {@code runId}: its checksum and size; no write pending. */
  public void noteWritten(String path, String checksum, long size, long runId)
      throws ArchiveException {
    ArchiveRecords.noteWritten(this, path, checksum, size, runId);
  }

  /** Forgets a note (tgmd no longer writes it). */
  public void forgetNote(String path) throws ArchiveException {
    ArchiveRecords.forgetNote(this, path);
  }

  // --- transactions ------------------------------------------------------------------------------

  /** Work on the archive, done by {@link #inOneTransaction}, that gives a result. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws ArchiveException;
  }

  /** More than 0 while {@link #inOneTransaction} runs: the methods it calls do not commit. */
  private int enclosing;

  /**
   * Runs {@code work} as one transaction: every write it makes through this archive's methods is in
   * the database, or none is (a failure rolls back the writes before it, too). Several small
   * records cost one commit instead of one each.
   */
  public <T> T inOneTransaction(Work<T> work) throws ArchiveException {
    enclosing++;
    boolean done = false;
    T result;
    try {
      result = work.run();
      done = true;
    } finally {
      enclosing--;
      if (!done) {
        rollbackQuietly();
      }
    }
    try {
      commit();
    } catch (SQLException e) {
      throw failed(e);
    }
    return result;
  }

  /** Commits, unless {@link #inOneTransaction} encloses the caller (it commits at its end). */
  void commit() throws SQLException {
    if (enclosing == 0) {
      c.commit();
    }
  }

  private void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken: the exception being thrown says why
    }
  }

  // --- plumbing ----------------------------------------------------------------------------------

  /** The connection (tests read pragmas and write by hand through it). */
  Connection connection() {
    return c;
  }

  /** A statement prepared once and kept until the archive closes. */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement s = statements.get(sql);
    if (s == null) {
      s = c.prepareStatement(sql);
      statements.put(sql, s);
    }
    return s;
  }

  /** Rolls the transaction in progress back and describes the failure in one line. */
  ArchiveException failed(SQLException e) {
    rollbackQuietly();
    return error(name, e);
  }

  private static ArchiveException error(String name, SQLException e) {
    if (e instanceof SQLiteException) {
      SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
      if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
        return new ArchiveException(
            name + " is damaged or not a SQLite database: " + oneLine(e), e);
      }
    }
    return new ArchiveException(name + ": " + oneLine(e), e);
  }

  /** The driver's message, on one line. */
  static String oneLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = m.indexOf('\n');
    return (cut < 0 ? m : m.substring(0, cut)).trim();
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing: the first error is the one reported
      }
    }
  }

  /**
   * Closes the archive: what is not committed is rolled back (every public method commits its own
   * work, so that is nothing). SQLite then folds the write-ahead log into the database.
   */
  @Override
  public void close() throws ArchiveException {
    try {
      merge.close();
      for (PreparedStatement s : statements.values()) {
        s.close();
      }
      statements.clear();
      c.rollback();
      c.close();
    } catch (SQLException e) {
      closeQuietly(c);
      throw error(name, e);
    }
  }
}
