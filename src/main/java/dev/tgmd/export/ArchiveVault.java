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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vault kept in the archive {@code OUT/.tgmd/archive.sqlite}. One lock guards the archive's one
 * connection, which the fetch thread (merging, reading back) and the write thread (the notes'
 * ledger, chats rendered) share; every write is one transaction.
 */
final class ArchiveVault implements Vault {

  /** The archive's file name, in OUT's state folder. */
  static final String FILE = "archive.sqlite";

  /** Messages merged in one transaction. */
  static final int BATCH = 1000;

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
  private final Object lock = new Object();

  /** The notes' records, by path: loaded once, kept in step with every write. Guarded by lock. */
  private final Map<String, NoteRecord> notes;

  // the fetch thread's
  private final List<ArchivedMessage> batch = new ArrayList<>(BATCH);
  private StageTimer timer;
  private ChatState chat;
  private volatile MergeTotals merged = MergeTotals.ZERO;

  /** What merging counted per chat, final once the chat's {@link #end} returned. */
  private final Map<Long, MergeTotals> byChat = new java.util.concurrent.ConcurrentHashMap<>();

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
    this.notes = new HashMap<>(archive.notes());
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
      return new ArchiveVault(archive, file, run, renderKey(options, version), out, stage);
    } catch (ArchiveException e) {
      closeQuietly(archive, e);
      throw failed(e);
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
    synchronized (lock) {
      try {
        return renders.folders();
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public java.util.List<NoteFormat.VaultChat> chats(java.time.ZoneId zone) throws IOException {
    synchronized (lock) {
      try {
        return VaultChats.of(archive.chats(), archive.chatFacts(), renders.folders(), zone);
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public ChatPlan begin(Chat c) throws IOException {
    synchronized (lock) {
      try {
        archive.putChat(runId, c.id(), c.name(), c.type());
        Optional<ChatRenders.State> before = renders.state(c.id());
        boolean fresh = !archive.hasMessages(c.id());
        chat = new ChatState(c, before);
        return new ChatPlan(fresh, before.map(ChatRenders.State::folder));
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public void dirty(Chat c, String folder) throws IOException {
    synchronized (lock) {
      try {
        renders.dirty(c.id(), folder);
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
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
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  private static Long unix(MessageDate d) {
    return d == null || d.instant() == null ? null : d.instant().getEpochSecond();
  }

  private void flush() throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    if (timer == null) {
      timer = stage.newTimer(); // on the fetch thread, which uses it from now on
    }
    long t = timer.startBatch();
    MergeCounts counts;
    synchronized (lock) {
      try {
        counts = archive.merge(runId, batch);
      } catch (ArchiveException e) {
        throw failed(e);
      } finally {
        timer.endBatch(t, batch.size(), 0);
      }
    }
    batch.clear();
    merged = merged.plus(counts.added(), counts.updated(), counts.unchanged(), counts.keptNewer());
    if (chat != null) {
      chat.counts =
          chat.counts.plus(
              counts.added(), counts.updated(), counts.unchanged(), counts.keptNewer());
    }
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
          synchronized (lock) {
            try {
              page = MessagePages.page(archive, c.id(), after, PAGE);
            } catch (ArchiveException e) {
              throw failed(e);
            } finally {
              timer.endBatch(t, 0, 0);
            }
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
    synchronized (lock) {
      try {
        renders.clean(c.id(), folder, renderKey);
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public long messages(Chat c) throws IOException {
    synchronized (lock) {
      try {
        return archive.count(c.id());
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public MergeTotals merged() {
    return merged;
  }

  @Override
  public void finish(RunStatus status, String countsJson) throws IOException {
    synchronized (lock) {
      try {
        archive.finishRun(runId, System.currentTimeMillis(), status.key(), countsJson);
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  // --- media copied (write thread) --------------------------------------------------------------

  @Override
  public void copied(String relative, long size, long checksum, String vaultPath)
      throws IOException {
    synchronized (lock) {
      try {
        archive.recordMedia(new MediaRecord(relative, size, checksum, vaultPath, runId));
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public String find(String relative, String chatFolder) throws IOException {
    synchronized (lock) {
      try {
        String prefix = chatFolder + "/";
        for (MediaRecord m : MediaPaths.find(archive, relative)) {
          if (m.vaultPath().startsWith(prefix)) {
            return m.vaultPath(); // the latest run's first: see MediaPaths.find
          }
        }
        return null;
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  // --- the notes' ledger (write thread) ----------------------------------------------------------

  @Override
  public boolean ours(String path, String sha256) {
    synchronized (lock) {
      NoteRecord r = notes.get(path);
      return r != null && r.writtenByTgmd(sha256);
    }
  }

  @Override
  public void pending(String path, long chatId, String sha256) throws IOException {
    synchronized (lock) {
      try {
        archive.notePending(path, chatId, sha256);
        NoteRecord r = notes.get(path);
        notes.put(
            path,
            r == null
                ? new NoteRecord(path, chatId, null, -1, -1, sha256)
                : new NoteRecord(path, chatId, r.checksum(), r.size(), r.runId(), sha256));
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public void written(String path, long chatId, String sha256, long size) throws IOException {
    synchronized (lock) {
      try {
        NoteRecord r = notes.get(path);
        if (r == null || r.chatId() == null || r.chatId() != chatId) {
          archive.notePending(path, chatId, sha256); // records the chat of a note not renamed
        }
        archive.noteWritten(path, sha256, size, runId);
        notes.put(path, new NoteRecord(path, chatId, sha256, size, runId, null));
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public List<String> notesOf(long chatId) {
    synchronized (lock) {
      List<String> paths = new ArrayList<>();
      for (NoteRecord r : notes.values()) {
        if (r.chatId() != null && r.chatId() == chatId && r.checksum() != null) {
          paths.add(r.path());
        }
      }
      paths.sort(null);
      return paths;
    }
  }

  @Override
  public String recorded(String path) {
    synchronized (lock) {
      NoteRecord r = notes.get(path);
      return r == null ? null : r.checksum();
    }
  }

  @Override
  public void forget(String path) throws IOException {
    synchronized (lock) {
      try {
        archive.forgetNote(path);
        notes.remove(path);
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      try {
        archive.close();
      } catch (ArchiveException e) {
        throw failed(e);
      }
    }
  }

  private static VaultException failed(ArchiveException e) {
    return new VaultException(e.getMessage(), e);
  }

  /** The chat being read, on the fetch thread. */
  private static final class ChatState {
    final Chat chat;
    final Optional<ChatRenders.State> before;
    MergeTotals counts = MergeTotals.ZERO;

    ChatState(Chat chat, Optional<ChatRenders.State> before) {
      this.chat = chat;
      this.before = before;
    }
  }
}
