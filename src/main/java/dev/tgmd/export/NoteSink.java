package dev.tgmd.export;

import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.Utf8;
import dev.tgmd.media.CheckedFile;
import dev.tgmd.media.MediaLink;
import dev.tgmd.media.MediaResolver;
import dev.tgmd.media.MediaStore;
import dev.tgmd.recording.CacheRecorder;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.report.RunStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The write stage: takes the messages ready to write in export order, copies files (storing
 * identical content once per chat), appends message blocks to notes and finishes each chat's notes
 * when it ends. Not thread-safe: the pipeline calls it from one thread; {@link #messagesWritten()}
 * may be read from any thread (for progress).
 */
final class NoteSink {

  private final ExportOptions options;
  private final Vault ledger;
  private final OutputFolder out;
  private final MediaResolver export;
  private final MessageRenderer renderer;
  private final NoteFormat format;
  private final MetricsCollector metrics;
  private final CacheRecorder mediaCache;
  private final LongSupplier nanos;
  private final StageTimer mediaTimer;
  private final List<ChatSummary> chats = new ArrayList<>();
  private final AtomicLong written = new AtomicLong();

  /** The run of joins held back until it ends (they fold into one line), and their blocks. */
  private final List<PlacedMessage> joins = new ArrayList<>();

  private final List<byte[]> joinBlocks = new ArrayList<>();

  /** The line of each chat whose index was written, for the note that lists every chat. */
  private final List<NoteFormat.VaultChat> vaultChats = new ArrayList<>();

  /** The run's work folder, relative to OUT; null until the first chat begins. */
  private String workDir;

  private final MissingMedia missing;
  private volatile boolean missingListed;

  private long storedFiles;
  private long storedBytes;
  private ChatWriter current;
  private int sequence;

  /**
   * @param out the run's output folder: every file is written through it
   * @param export what checked the export's files (to copy them)
   * @param mediaTimer times the storing of media files (stage "media"), copied or only named
   */
  NoteSink(
      ExportOptions options,
      OutputFolder out,
      MediaResolver export,
      MessageRenderer renderer,
      NoteFormat format,
      MetricsCollector metrics,
      LongSupplier nanos,
      StageTimer mediaTimer,
      Vault ledger) {
    this.mediaTimer = mediaTimer;
    this.ledger = ledger;
    this.options = options;
    this.out = out;
    this.export = export;
    this.renderer = renderer;
    this.format = format;
    this.metrics = metrics;
    this.mediaCache = metrics.cache("media_dedup");
    this.nanos = nanos;
    this.missing = new MissingMedia(out, () -> workDir);
  }

  /** Whether {@link #close} wrote this run's list of missing media to {@link MissingMedia#FILE}. */
  boolean missingListed() {
    return missingListed;
  }

  /** Messages written so far (thread-safe; for progress). */
  long messagesWritten() {
    return written.get();
  }

  /** Chats finished so far. */
  List<ChatSummary> chats() {
    return List.copyOf(chats);
  }

  /**
   * Takes one message after processing: begins its chat when it is the chat's first, appends its
   * block to its note, and finishes the chat when it is the chat's last.
   *
   * @param ready the process stage's result; null when it failed
   * @param failure why processing failed; null when it did not
   */
  void accept(PlacedMessage w, ReadyToWrite ready, Throwable failure) throws IOException {
    if (w.firstOfChat()) {
      begin(w.chat());
    }
    if (!joins.isEmpty() && !(w.continuesJoins() && failure == null)) {
      flushJoins();
    }
    byte[] block;
    if (failure == null) {
      block =
          ready.block() != null
              ? ready.block()
              : Utf8.bytes(
                  renderer.assemble(
                      ready.rendered(), store(w, ready.sources()), w.note().toChatFolder()));
    } else {
      block = Utf8.bytes(renderer.failed(w.view(), failure));
    }
    if (w.join() && failure == null && ready.sources().isEmpty()) {
      joins.add(w);
      joinBlocks.add(block);
    } else {
      current.append(List.of(w), block, failure != null ? 1 : 0);
    }
    written.incrementAndGet();
    if (w.lastOfChat()) {
      flushJoins();
      finishCurrent(RunStatus.COMPLETED);
    }
  }

  /** Writes the run of joins held back: one message's own block, or one line for them all. */
  private void flushJoins() throws IOException {
    if (joins.isEmpty()) {
      return;
    }
    if (joins.size() == 1) {
      current.append(List.copyOf(joins), joinBlocks.get(0), 0);
    } else {
      List<dev.tgmd.render.MessageView> views = new ArrayList<>(joins.size());
      for (PlacedMessage j : joins) {
        views.add(j.view());
      }
      current.append(List.copyOf(joins), Utf8.bytes(renderer.joins(views)), 0);
    }
    joins.clear();
    joinBlocks.clear();
  }

  private void begin(PlacedMessage.ChatInfo chat) throws IOException {
    if (workDir == null) {
      workDir = out.createWorkFolder();
    }
    current =
        new ChatWriter(
            chat,
            out,
            workDir,
            sequence++,
            format,
            options.split(),
            new MediaStore(out, chat.folder(), export, mediaCache, storedFiles, storedBytes)
                .remembering(ledger),
            ledger,
            nanos);
  }

  /**
   * Stores a message's files. A file missing from the export or refused is an error of the media
   * stage and a recorded failure, one each, so that {@code stages.media.errors}, {@code failures}
   * and the totals {@code media_missing + media_refused} agree.
   */
  private List<MediaLink> store(PlacedMessage w, List<CheckedFile> sources) throws IOException {
    List<MediaLink> links = new ArrayList<>(sources.size());
    long batch = mediaTimer.startBatch();
    int errors = 0;
    missing.checked(sources.size());
    try {
      for (CheckedFile source : sources) {
        long t = mediaTimer.startItem();
        MediaLink link = current.media().store(source);
        mediaTimer.endItem(t);
        links.add(link);
        if (link instanceof MediaLink.Missing) {
          errors++;
          missing.add("missing", source.declared(), Exporter.describe(w), null);
          metrics.recordFailure(
              Exporter.MEDIA_STAGE,
              "file " + source.declared() + " of " + Exporter.describe(w),
              new NoSuchFileException(source.declared(), null, "missing from the export"));
        } else if (link instanceof MediaLink.Refused) {
          errors++;
          missing.add(
              "refused",
              source.declared(),
              Exporter.describe(w),
              ((MediaLink.Refused) link).reason());
          metrics.recordFailure(
              Exporter.MEDIA_STAGE,
              "file " + source.declared() + " of " + Exporter.describe(w),
              new AccessDeniedException(
                  source.declared(), null, ((MediaLink.Refused) link).reason()));
        }
      }
    } finally {
      mediaTimer.endBatch(batch, sources.size(), errors);
    }
    return links;
  }

  /** Finishes the chat being written, as interrupted: its notes are written, marked partial. */
  void finishInterrupted() throws IOException {
    if (current != null) {
      flushJoins();
      finishCurrent(RunStatus.INTERRUPTED);
    }
  }

  /** Discards the chat being written (the run failed while writing it). */
  void abortCurrent() {
    joins.clear();
    joinBlocks.clear();
    if (current != null) {
      ChatWriter c = current;
      current = null;
      ChatSummary summary = c.abort();
      chats.add(summary);
      record(summary);
    }
  }

  private void finishCurrent(RunStatus status) throws IOException {
    ChatWriter c = current;
    current = null;
    ChatSummary summary = c.finish(status);
    if (c.vaultChat() != null) {
      vaultChats.add(c.vaultChat());
    }
    chats.add(summary);
    record(summary);
  }

  private void record(ChatSummary s) {
    storedFiles += s.mediaFiles();
    storedBytes += s.mediaBytes();
  }

  /** The line of each chat whose notes this run wrote, for the note that lists every chat. */
  List<NoteFormat.VaultChat> vaultChats() {
    return List.copyOf(vaultChats);
  }

  /** The missing and refused files so far. */
  MissingMedia missingMedia() {
    return missing;
  }

  /**
   * Writes the list of missing and refused files ({@link MissingMedia#finish}), then removes the
   * work folder.
   */
  void close() throws IOException {
    missingListed = missing.finish();
    if (workDir != null) {
      out.delete(workDir);
    }
  }
}
