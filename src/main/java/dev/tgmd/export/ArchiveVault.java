package dev.tgmd.export;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.ArchiveException;
import dev.tgmd.archive.ArchivedMessage;
import dev.tgmd.archive.ChatRenders;
import dev.tgmd.archive.MediaPaths;
import dev.tgmd.archive.MediaRecord;
import dev.tgmd.archive.MergeCounts;
import dev.tgmd.archive.MessagePages;
import dev.tgmd.archive.NoteRecord;
import dev.tgmd.archive.StoredMessage;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.Message;
import dev.tgmd.source.MessageDate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vault kept in the archive {@code OUT/.tgmd/archive.sqlite}. The archive's one connection is
 * taken in turns ({@link ArchiveTurns}) by the fetch thread (chats begun and ended, reading back),
 * the merge thread ({@link MergeBehind}) and the write thread (the notes' ledger, media copied,
 * chats rendered); every write is one transaction, and the records no one waits for are written in
 * the next turn's ({@link ArchiveTurns#later}).
 */
final class ArchiveVault implements Vault {

  /** The archive's file name, in OUT's state folder. */
  static final String FILE = "archive.sqlite";

  /** Messages handed to the merge thread at once, at most. */
  static final int BATCH = 1000;

  /**
   * Messages merged at a time: a turn on the archive merges this many, then more in the same
   * transaction while no other thread waits for a turn. The write thread, which needs a turn for
   * every note and media file, waits at most for 50 (merging 1,000 at once held it some 15 ms, and
   * its waits added up to seconds in a 200,000-message export), and the merge commits seldom while
   * nothing else needs the archive: each commit writes the table's and the index's last pages to
   * the log again, and a commit per 50 messages wrote 364 MiB for 120 MB of sources, against 278
   * MiB a commit per 1,000 (ArchiveMergeBenchmark).
   */
  static final int TRANSACTION = 50;

  /** Source bytes merged in one transaction, at most: a batch of huge messages stays small. */
  static final long BATCH_BYTES = 4L << 20;

  /**
   * Messages read back in one page: a page of the largest messages (4 MiB of source each) stays
   * under 256 MiB; an ordinary page takes some 64 KB.
   */
  static final int PAGE = 64;

  private final Archive archive;
  private final ChatRenders renders;
  private final Path file;
  private final long runId;
  private final String renderKey;
  private final OutputFolder out;
  private final StageRecorder stage;
  private final ArchiveTurns turns;

  /**
   * The notes' records, by path: loaded once, kept in step with every write (a pending one in its
   * turn, after the archive's; a written one at once, the archive's left for the next turn); read
   * without waiting for a turn.
   */
  private final Map<String, NoteRecord> notes;

  // the fetch thread's
  private List<ArchivedMessage> batch = new ArrayList<>(BATCH);
  private long batchBytes;
  private final MergeBehind merging;
  private StageTimer timer;
  private ChatState chat;

  // the merge thread's
  private StageTimer mergeTimer;

  /** What merging counted: written by the merge thread only. */
  private volatile MergeTotals merged = MergeTotals.ZERO;

  /** What merging counted per chat, final once the chat's {@link #end} returned. */
  private final Map<Long, MergeTotals> byChat = new ConcurrentHashMap<>();

  private ArchiveVault(
      Archive archive,
      Path file,
      long runId,
      String renderKey,
      OutputFolder out,
      StageRecorder stage)
      throws ArchiveException {
    this.archive = archive;
    this.renders = new ChatRenders(archive);
    this.file = file;
    this.runId = runId;
    this.renderKey = renderKey;
    this.out = out;
    this.stage = stage;
    this.notes = new ConcurrentHashMap<>(archive.notes());
    this.turns = new ArchiveTurns(archive);
    this.merging = new MergeBehind();
  }

  /**
   * Opens the vault of {@code out} (locked by this run), creating its archive when there is none,
   * and records the run.
   *
   * @param stage the archive's stage in the metrics: merging and reading back
   * @throws IOException when the archive cannot be used (another program's file, a newer tgmd's, a
   *     damaged one): the message says which, in one line
   */
  static ArchiveVault open(
      OutputFolder out,
      ExportOptions options,
      String version,
      Instant startedAt,
      StageRecorder stage)
      throws IOException {
    Path file = out.stateFile(FILE);
    Archive archive;
    try {
      archive = Archive.open(file);
    } catch (ArchiveException e) {
      throw new VaultException(e.getMessage(), e);
    }
    try {
      long run =
          archive.beginRun(
              startedAt.toEpochMilli(),
              version,
              options.input().toString(),
              RunReport.optionsJson(options));
      stage.setWorkers(1);
      ArchiveVault vault =
          new ArchiveVault(archive, file, run, renderKey(options, version), out, stage);
      LegacyChecksums.upgrade(archive, out, vault.notes);
      return vault;
    } catch (ArchiveException e) {
      closeQuietly(archive, e);
      throw ArchiveTurns.failed(e);
    } catch (RuntimeException e) {
      closeQuietly(archive, e);
      throw e;
    }
  }

  private static void closeQuietly(Archive archive, Exception failure) {
    try {
      archive.close();
    } catch (ArchiveException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** What a chat's notes depend on besides its messages: the options that shape them, tgmd. */
  static String renderKey(ExportOptions o, String version) {
    return String.join(
        ";",
        "tgmd " + version,
        "split " + o.split().name(),
        "flavor " + o.flavor().name(),
        "zone " + o.zone().getId(),
        "media " + o.media().key(),
        "replies " + o.replyIndexSize());
  }

  @Override
  public Map<Long, String> folders() throws IOException {
    return turns.call(renders::folders);
  }

  @Override
  public List<NoteFormat.VaultChat> chats(ZoneId zone) throws IOException {
    return turns.call(
        () -> VaultChats.of(archive.chats(), archive.chatFacts(), renders.folders(), zone));
  }

  @Override
  public ChatPlan begin(Chat c) throws IOException {
    return turns.call(
        () -> {
          archive.putChat(runId, c.id(), c.name(), c.type());
          Optional<ChatRenders.State> before = renders.state(c.id());
          boolean fresh = !archive.hasMessages(c.id());
          chat = new ChatState(c, before, fresh);
          return new ChatPlan(fresh, before.map(ChatRenders.State::folder));
        });
  }

  @Override
  public void dirty(Chat c, String folder) throws IOException {
    turns.run(() -> renders.dirty(c.id(), folder));
  }

  @Override
  public void take(ExportEvent.MessageRead read, int occurrence) throws IOException {
    if (read.source() == null) {
      return; // built by hand, not read from an export: nothing to keep
    }
    Message m = read.message();
    batch.add(
        new ArchivedMessage(
            read.chat().id(), m.id(), unix(m.date()), unix(m.edited()), read.source(), occurrence));
    batchBytes += read.source().bytes().length;
    if (batch.size() >= BATCH || batchBytes >= BATCH_BYTES) {
      submit();
    }
  }

  private void submit() throws IOException {
    List<ArchivedMessage> b = batch;
    ChatState s = chat;
    merging.submit(() -> mergeNow(b, s));
    batch = new ArrayList<>(BATCH);
    batchBytes = 0;
  }

  private static Long unix(MessageDate d) {
    return d == null || d.instant() == null ? null : d.instant().getEpochSecond();
  }

  /** Merges what is left of the chat's messages and waits until every batch is merged. */
  private void flush() throws IOException {
    if (!batch.isEmpty()) {
      submit();
    }
    merging.drain();
  }

  /** Merges one batch of chat {@code s}'s and counts what it did, on the merge thread. */
  private void mergeNow(List<ArchivedMessage> b, ChatState s) throws IOException {
    if (mergeTimer == null) {
      mergeTimer = stage.newTimer();
    }
    long t = mergeTimer.startBatch();
    try {
      for (int from = 0; from < b.size(); ) {
        int start = from;
        Merged part = turns.call(() -> archive.inOneTransaction(() -> mergeFrom(b, start, s)));
        from = part.end();
        MergeCounts counts = part.counts();
        // volatile, written by this thread only
        merged = merged.plus(counts);
        s.counts = s.counts.plus(counts);
      }
    } finally {
      mergeTimer.endBatch(t, b.size(), 0);
    }
  }

  /** What {@link #mergeFrom} merged: up to {@code end}, exclusive. */
  private record Merged(int end, MergeCounts counts) {}

  /**
   * Merges {@code b} from {@code from} on, {@link #TRANSACTION} at a time, until its end or until
   * another thread waits for a turn on the archive.
   */
  private Merged mergeFrom(List<ArchivedMessage> b, int from, ChatState s) throws ArchiveException {
    MergeCounts sum = MergeCounts.ZERO;
    int at = from;
    do {
      int to = Math.min(b.size(), at + TRANSACTION);
      sum = sum.plus(archive.merge(runId, b.subList(at, to), s.fresh));
      at = to;
    } while (at < b.size() && !turns.othersWaiting());
    return new Merged(at, sum);
  }

  @Override
  public boolean end(Chat c) throws IOException {
    flush();
    ChatState s = chat;
    byChat.put(c.id(), s.counts);
    boolean changed = s.counts.added() + s.counts.updated() > 0;
    Optional<ChatRenders.State> before = s.before;
    if (changed || before.isEmpty() || before.get().dirty()) {
      return true;
    }
    if (!renderKey.equals(before.get().renderKey())) {
      return true;
    }
    List<String> notes = notesOf(c.id());
    for (String path : notes) {
      if (!out.isFile(path)) {
        return true; // a note was deleted: make it again
      }
    }
    return notes.isEmpty();
  }

  @Override
  public MergeTotals mergedOf(Chat c) {
    return byChat.getOrDefault(c.id(), MergeTotals.ZERO);
  }

  @Override
  public Replay replay(Chat c) {
    return new Replay() {
      private List<StoredMessage> page = List.of();
      private int next;
      private StoredMessage after;
      private boolean done;

      @Override
      public ExportEvent.MessageRead next() throws IOException, ExportFormatException {
        if (next == page.size()) {
          if (done) {
            return null;
          }
          if (timer == null) {
            timer = stage.newTimer();
          }
          long t = timer.startBatch();
          StoredMessage from = after;
          try {
            page = turns.call(() -> MessagePages.page(archive, c.id(), from, PAGE));
          } finally {
            timer.endBatch(t, 0, 0);
          }
          next = 0;
          done = page.size() < PAGE;
          if (page.isEmpty()) {
            return null;
          }
          after = page.get(page.size() - 1);
        }
        StoredMessage stored = page.get(next++);
        Message m = ExportReader.parseStored(stored.source(), file);
        return new ExportEvent.MessageRead(
            c, m, 16L * stored.source().bytes().length, stored.source());
      }
    };
  }

  @Override
  public void rendered(Chat c, String folder) throws IOException {
    turns.run(
        () -> {
          renders.clean(c.id(), folder, renderKey);
        });
  }

  @Override
  public long messages(Chat c) throws IOException {
    return turns.call(
        () -> {
          return archive.count(c.id());
        });
  }

  @Override
  public MergeTotals merged() {
    return merged;
  }

  @Override
  public void finish(RunStatus status, String countsJson) throws IOException {
    turns.run(
        () -> {
          archive.finishRun(runId, System.currentTimeMillis(), status.key(), countsJson);
        });
  }

  // --- media copied (write thread) --------------------------------------------------------------

  @Override
  public void copied(String relative, long size, long checksum, String vaultPath)
      throws IOException {
    turns.later(
        () -> archive.recordMedia(new MediaRecord(relative, size, checksum, vaultPath, runId)));
  }

  @Override
  public String find(String relative, String chatFolder) throws IOException {
    return turns.call(
        () -> {
          String prefix = chatFolder + "/";
          for (MediaRecord m : MediaPaths.find(archive, relative)) {
            if (m.vaultPath().startsWith(prefix)) {
              return m.vaultPath(); // the latest run's first: see MediaPaths.find
            }
          }
          return null;
        });
  }

  // --- the notes' ledger (write thread) ----------------------------------------------------------

  @Override
  public boolean ours(String path, String checksum) {
    NoteRecord r = notes.get(path);
    return r != null && r.writtenByTgmd(checksum);
  }

  @Override
  public void pending(String path, long chatId, String checksum) throws IOException {
    turns.run(
        () -> {
          archive.notePending(path, chatId, checksum);
          NoteRecord r = notes.get(path);
          notes.put(
              path,
              r == null
                  ? new NoteRecord(path, chatId, null, -1, -1, checksum)
                  : new NoteRecord(path, chatId, r.checksum(), r.size(), r.runId(), checksum));
        });
  }

  @Override
  public void written(String path, long chatId, String checksum, long size) throws IOException {
    NoteRecord r = notes.get(path);
    boolean chatUnknown = r == null || r.chatId() == null || r.chatId() != chatId;
    notes.put(path, new NoteRecord(path, chatId, checksum, size, runId, null));
    // left for later: should the run end before, the note's pending checksum still says it is ours
    turns.later(
        () -> {
          if (chatUnknown) {
            archive.notePending(path, chatId, checksum); // records the chat of a note not renamed
          }
          archive.noteWritten(path, checksum, size, runId);
        });
  }

  @Override
  public List<String> notesOf(long chatId) {
    List<String> paths = new ArrayList<>();
    for (NoteRecord r : notes.values()) {
      if (r.chatId() != null && r.chatId() == chatId && r.checksum() != null) {
        paths.add(r.path());
      }
    }
    paths.sort(null);
    return paths;
  }

  @Override
  public String recorded(String path) {
    NoteRecord r = notes.get(path);
    return r == null ? null : r.checksum();
  }

  @Override
  public void forget(String path) throws IOException {
    turns.run(
        () -> {
          archive.forgetNote(path);
          notes.remove(path);
        });
  }

  @Override
  public void close() throws IOException {
    merging.close(); // a merge in flight ends first: the archive is never closed under it
    turns.close();
  }

  /** The chat being read, on the fetch thread. */
  private static final class ChatState {
    final Chat chat;
    final Optional<ChatRenders.State> before;

    /** Whether the archive held none of the chat's messages when the run met it. */
    final boolean fresh;

    /** What merging counted of the chat: written by the merge thread, read once drained. */
    volatile MergeTotals counts = MergeTotals.ZERO;

    ChatState(Chat chat, Optional<ChatRenders.State> before, boolean fresh) {
      this.chat = chat;
      this.before = before;
      this.fresh = fresh;
    }
  }
}
