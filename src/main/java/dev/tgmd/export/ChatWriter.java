package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.Placement;
import dev.tgmd.layout.Split;
import dev.tgmd.layout.Utf8;
import dev.tgmd.layout.WrittenFile;
import dev.tgmd.media.MediaStore;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.report.RunStatus;
import dev.tgmd.source.ServiceAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes one chat's notes. Message blocks are appended to each note's body in memory (spilled to a
 * work file past 8 MiB a chat); a note is written whole (front matter with its final counts, then
 * the body) through the run's {@link OutputFolder} (atomically, no link followed) as soon as its
 * period is over, that is when its topic's messages move on to a later note; the rest, and the
 * chat's index note, when the chat ends. A note whose period comes back (dates out of order) is
 * written again with the late messages, its written body streamed into a work file first (never
 * into memory). An interrupted chat's open notes are written the same way, marked partial; a failed
 * chat's open notes are discarded. So no note on disk is ever half-written.
 *
 * <p>Not thread-safe: used by the single writer thread.
 */
final class ChatWriter {

  /** Bytes the open bodies of a chat may hold in memory before the largest is spilled to disk. */
  static final int MEMORY_BYTES = 8 << 20;

  /** What stands between two blocks of a note, in UTF-8; never changed. */
  private static final byte[] PARAGRAPH = {'\n', '\n'};

  private final PlacedMessage.ChatInfo chat;
  private final OutputFolder out;

  /** The chat's folder and the run's work folder, relative to OUT. */
  private final String chatDir;

  private final String workDir;
  private final NoteFormat format;
  private final Split split;
  private final MediaStore media;
  private final Vault ledger;
  private final NotePlacer placer;

  private String indexPath;
  private NoteFormat.VaultChat vaultChat;

  /** Each topic's later titles, by its first one, in order. */
  private final Map<String, List<String>> renames = new HashMap<>();

  private final Map<NoteRef, PeriodNote> notes = new LinkedHashMap<>();
  private final PeriodLinks links = new PeriodLinks();
  private final Map<Long, PeriodNote> currentByTopic = new HashMap<>();
  private final long startNanos;
  private final LongSupplier clock;
  private final long memoryBytes;
  private final String spillPrefix;
  private int spills;
  private long bytesInMemory;
  private long peakBytes;
  private long messages;
  private long indexBytes;
  private boolean indexWritten;

  /**
   * @param out the run's output folder: every note and work file is written through it
   * @param workDir where bodies too large for memory grow until their note is written (relative to
   *     OUT: the run's {@link OutputFolder#createWorkFolder work folder})
   * @param sequence this chat's number in the run, to keep work files apart
   * @param clock the run's monotonic clock in nanoseconds; the chat's duration is measured with it,
   *     from now to the end of its last write
   */
  ChatWriter(
      PlacedMessage.ChatInfo chat,
      OutputFolder out,
      String workDir,
      int sequence,
      NoteFormat format,
      Split split,
      MediaStore media,
      Vault ledger,
      LongSupplier clock) {
    this(chat, out, workDir, sequence, format, split, media, ledger, clock, MEMORY_BYTES);
  }

  /**
   * @param memoryBytes how many bytes the chat's open bodies may hold in memory (tests: small)
   */
  ChatWriter(
      PlacedMessage.ChatInfo chat,
      OutputFolder out,
      String workDir,
      int sequence,
      NoteFormat format,
      Split split,
      MediaStore media,
      Vault ledger,
      LongSupplier clock,
      long memoryBytes) {
    this.memoryBytes = memoryBytes;
    this.ledger = ledger;
    this.placer = new NotePlacer(out, ledger, chat.chat().id());
    this.chat = chat;
    this.out = out;
    this.chatDir = chat.folder();
    this.workDir = workDir;
    this.spillPrefix = "chat" + sequence + "-note";
    this.format = format;
    this.split = split;
    this.media = media;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
  }

  PlacedMessage.ChatInfo chat() {
    return chat;
  }

  MediaStore media() {
    return media;
  }

  long messages() {
    return messages;
  }

  /** Appends one message's block (UTF-8) to its note; writes the note its topic leaves behind. */
  void append(PlacedMessage w, byte[] block, boolean failedMessage) throws IOException {
    append(List.of(w), block, failedMessage ? 1 : 0);
  }

  /**
   * Appends the block of one or more messages (a run of joins folded into one line: same note and
   * day) to their note; writes the note their topic leaves behind.
   *
   * @param failedMessages how many of them failed to render
   */
  void append(List<PlacedMessage> ws, byte[] block, int failedMessages) throws IOException {
    PlacedMessage w = ws.get(0);
    if (w.topicTitle() != null
        && w.view().message().action() instanceof ServiceAction.TopicEdited t
        && t.newTitle() != null
        && !t.newTitle().isBlank()) {
      renames
          .computeIfAbsent(w.topicTitle(), k -> new ArrayList<>())
          .add("“" + t.newTitle().strip() + "” (" + w.day() + ")");
    }
    PeriodNote note = notes.get(w.note());
    if (note == null) {
      note = new PeriodNote(w.note(), w.topicTitle());
      notes.put(w.note(), note);
      links.add(w.note());
    }
    PeriodNote previous = currentByTopic.put(w.note().topicId(), note);
    if (previous != null && previous != note && previous.body != null) {
      write(previous, false);
    }
    if (note.body == null) {
      note.body = note.written ? reopen(note) : new NoteBody();
    }
    NoteBody body = note.body;
    long before = body.bytes();
    if (note.messages > 0) {
      body.add(PARAGRAPH);
    }
    if (split != Split.DAY && !w.day().equals(note.lastDay)) {
      body.add(Utf8.bytes(format.dayHeading(w.day())));
      body.add(PARAGRAPH);
      note.lastDay = w.day();
    }
    body.add(block);
    bytesInMemory += body.bytes() - before;
    for (PlacedMessage m : ws) {
      note.messages++;
      messages++;
      LocalDateTime time = m.view().time();
      if (time != null) {
        if (note.first == null || time.isBefore(note.first)) {
          note.first = time;
        }
        if (note.last == null || time.isAfter(note.last)) {
          note.last = time;
        }
      }
    }
    note.failed += failedMessages;
    peakBytes = Math.max(peakBytes, bytesInMemory);
    if (bytesInMemory > memoryBytes) {
      spillLargest();
    }
  }

  /**
   * Writes every note still open and the index note.
   *
   * @param status completed or interrupted (then the open notes say partial)
   * @return what is on disk for this chat, the chat's duration ending after its last write
   */
  ChatSummary finish(RunStatus status) throws IOException {
    boolean partial = status != RunStatus.COMPLETED;
    try {
      for (PeriodNote n : notes.values()) {
        if (n.body != null) {
          write(n, partial);
        }
      }
      // a note written before a period came between it and its neighbour links to it now
      for (PeriodNote n : notes.values()) {
        if (n.written && !n.writtenStart.equals(start(n, n.writtenPartial))) {
          n.body = reopen(n);
          write(n, n.writtenPartial);
        }
      }
      if (!notes.isEmpty()) {
        writeIndex(partial);
      }
      if (!partial) {
        placer.removeStale();
        ledger.rendered(chat.chat(), chat.folder());
      }
    } finally {
      discardBodies();
    }
    return summary(status);
  }

  /**
   * Discards the notes still open (the run failed): the notes written before stay, whole, and are
   * what the returned summary counts (with the media copied so far), status {@code failed}.
   */
  ChatSummary abort() {
    discardBodies();
    return summary(RunStatus.FAILED);
  }

  /**
   * What this chat has on disk now: the notes written (each counted once, with the messages and
   * bytes of its last write), the index, the media copied.
   */
  private ChatSummary summary(RunStatus status) {
    long onDisk = 0;
    long failedOnDisk = 0;
    long bytes = indexBytes;
    int files = indexWritten ? 1 : 0;
    for (PeriodNote n : notes.values()) {
      if (n.written) {
        files++;
        onDisk += n.writtenMessages;
        failedOnDisk += n.writtenFailed;
        bytes += n.writtenBytes;
      }
    }
    return new ChatSummary(
        chat.chat(),
        chat.name(),
        chat.folder(),
        onDisk,
        failedOnDisk,
        files,
        media.copied(),
        media.copiedBytes(),
        media.duplicates(),
        media.missing(),
        media.refused(),
        bytes + media.copiedBytes(),
        clock.getAsLong() - startNanos,
        status,
        ledger.mergedOf(chat.chat()),
        new ChatSummary.NoteFiles(
            placer.counts().count(Placement.WRITTEN),
            placer.counts().count(Placement.UNCHANGED),
            placer.counts().count(Placement.BESIDE) + placer.counts().keptEdited,
            placer.counts().removed));
  }

  private void writeIndex(boolean partial) throws IOException {
    List<PeriodNote> ordered = new ArrayList<>(notes.values());
    ordered.sort(
        Comparator.comparing(
                (PeriodNote n) -> n.ref.topicId() == 0 ? Long.MIN_VALUE : n.ref.topicId())
            .thenComparing(n -> n.ref.period()));
    List<NoteFormat.IndexEntry> entries = new ArrayList<>();
    LocalDateTime first = null;
    LocalDateTime last = null;
    NoteRef index = indexRef();
    for (PeriodNote n : ordered) {
      entries.add(
          new NoteFormat.IndexEntry(n.topic, n.ref.linkFrom(index), n.ref.period(), n.messages));
      if (n.first != null && (first == null || n.first.isBefore(first))) {
        first = n.first;
      }
      if (n.last != null && (last == null || n.last.isAfter(last))) {
        last = n.last;
      }
    }
    String text =
        format.index(
            new NoteFormat.ChatIndex(
                chat.name(),
                chat.chat().id(),
                chat.chat().type(),
                messages,
                first,
                last,
                partial,
                entries,
                renames));
    vaultChat =
        new NoteFormat.VaultChat(
            chat.name(),
            chat.chat().type(),
            "./" + chat.folder() + "/" + chat.folder(),
            messages,
            first == null ? null : first.toLocalDate(),
            last == null ? null : last.toLocalDate());
    WrittenFile w =
        placer.place(
            chatDir + "/" + index.pathInChat(),
            o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    indexBytes = w.size();
    indexPath = w.relative();
    indexWritten = true;
  }

  /** Writes a note whole, in place, and drops its body from memory. */
  private void write(PeriodNote n, boolean partial) throws IOException {
    String start = start(n, partial);
    NoteBody body = n.body;
    WrittenFile placedAt =
        placer.place(
            chatDir + "/" + n.ref.pathInChat(),
            o -> {
              o.write(start.getBytes(StandardCharsets.UTF_8));
              if (body.spill != null) {
                try (InputStream in = out.read(body.spill)) {
                  in.transferTo(o);
                }
              }
              body.writeTo(o);
              o.write('\n');
            });
    n.writtenStart = start;
    n.writtenPartial = partial;
    n.written = true;
    n.writtenPath = placedAt.relative();
    n.writtenBytes = placedAt.size();
    n.writtenMessages = n.messages;
    n.writtenFailed = n.failed;
    drop(n);
  }

  private String start(PeriodNote n, boolean partial) {
    return format.noteStart(
        new NoteFormat.NoteHeader(
            chat.name(),
            chat.chat().id(),
            chat.chat().type(),
            n.topic,
            n.ref.period(),
            n.messages,
            n.first,
            n.last,
            partial,
            links.of(n.ref, indexRef())));
  }

  private NoteRef indexRef() {
    return new NoteRef(null, chat.folder(), null, 0);
  }

  /** The chat's line in the note that lists every chat; null before its index is written. */
  NoteFormat.VaultChat vaultChat() {
    return vaultChat;
  }

  /**
   * Opens a written note again, to append late messages to it: its body is streamed, unread, into a
   * work file, as if it had been spilled, so that memory does not grow with the note's size.
   */
  private NoteBody reopen(PeriodNote n) throws IOException {
    String file = n.writtenPath;
    byte[] start = n.writtenStart.getBytes(StandardCharsets.UTF_8);
    NoteBody b = new NoteBody();
    b.spill = workDir + "/" + spillPrefix + (spills++) + ".md";
    try (InputStream in = out.read(file);
        OutputStream spill = out.append(b.spill)) {
      boolean same = java.util.Arrays.equals(in.readNBytes(start.length), start);
      // everything after the front matter but the note's final line break, which write() adds again
      byte[] buf = new byte[1 << 16];
      int held = -1;
      int read;
      while (same && (read = in.read(buf)) > 0) {
        if (held >= 0) {
          spill.write(held);
        }
        spill.write(buf, 0, read - 1);
        held = buf[read - 1] & 0xff;
      }
      if (!same || held != '\n') {
        throw new IOException(out.path(file) + " changed while tgmd was writing it");
      }
    } catch (IOException e) {
      deleteSpill(b);
      throw e;
    }
    return b;
  }

  /** The most bytes the open bodies held in memory at once (for tests). */
  long peakBytesInMemory() {
    return peakBytes;
  }

  /** Moves the largest in-memory body to a work file, to keep memory bounded. */
  private void spillLargest() throws IOException {
    PeriodNote largest = null;
    for (PeriodNote n : notes.values()) {
      if (n.body != null && (largest == null || n.body.bytes() > largest.body.bytes())) {
        largest = n;
      }
    }
    if (largest == null || largest.body.bytes() == 0) {
      return;
    }
    NoteBody b = largest.body;
    if (b.spill == null) {
      b.spill = workDir + "/" + spillPrefix + (spills++) + ".md";
    }
    try (OutputStream spill = out.append(b.spill)) {
      b.writeTo(spill);
    }
    bytesInMemory -= b.bytes();
    b.clear();
  }

  private void drop(PeriodNote n) {
    if (n.body != null) {
      bytesInMemory -= n.body.bytes();
      deleteSpill(n.body);
      n.body = null;
    }
  }

  private void discardBodies() {
    for (PeriodNote n : notes.values()) {
      drop(n);
    }
  }

  private void deleteSpill(NoteBody b) {
    if (b.spill != null) {
      try {
        out.delete(b.spill);
      } catch (IOException e) {
        // the work folder is removed at the end of the run
      }
      b.spill = null;
    }
  }
}
