package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.layout.Split;
import dev.tgmd.media.MediaStore;
import dev.tgmd.render.NoteFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one chat's notes. Message blocks are appended to each note's body in a work folder as
 * they come; when the chat ends, each note is written whole (front matter with its final counts,
 * then the body) into a temporary file and renamed into place, and the chat's index note after
 * them. An interrupted chat's notes are finished the same way, marked partial; a failed chat's are
 * discarded. So no note on disk is ever half-written.
 *
 * <p>Not thread-safe: used by the single writer thread.
 */
final class ChatWriter {

  private static final int MAX_OPEN = 32;

  private final Work.ChatInfo chat;
  private final Path chatDir;
  private final Path workDir;
  private final NoteFormat format;
  private final Split split;
  private final MediaStore media;
  private final Map<NoteRef, Body> notes = new LinkedHashMap<>();
  private final LinkedHashMap<Body, Writer> open = new LinkedHashMap<>(16, 0.75f, true);
  private final long startNanos;
  private final String bodyPrefix;
  private int bodies;
  private long messages;
  private long failed;

  /**
   * @param workDir where note bodies grow until the chat ends
   * @param sequence this chat's number in the run, to keep body files apart
   */
  ChatWriter(Work.ChatInfo chat, Path out, Path workDir, int sequence, NoteFormat format, Split split,
      MediaStore media, long startNanos) {
    this.bodyPrefix = "chat" + sequence + "-note";
    this.chat = chat;
    this.chatDir = out.resolve(chat.folder());
    this.workDir = workDir;
    this.format = format;
    this.split = split;
    this.media = media;
    this.startNanos = startNanos;
  }

  Work.ChatInfo chat() {
    return chat;
  }

  MediaStore media() {
    return media;
  }

  Path chatDir() {
    return chatDir;
  }

  long messages() {
    return messages;
  }

  /** Appends one message's block to its note. */
  void append(Work w, String block, boolean failedMessage) throws IOException {
    Body body = notes.get(w.note());
    if (body == null) {
      body = new Body(w.note(), w.topicTitle(), workDir.resolve(bodyPrefix + (bodies++) + ".md"));
      notes.put(w.note(), body);
    }
    Writer writer = writer(body);
    if (body.messages > 0) {
      writer.write("\n\n");
    }
    if (split != Split.DAY && !w.day().equals(body.lastDay)) {
      writer.write(format.dayHeading(w.day()));
      writer.write("\n\n");
      body.lastDay = w.day();
    }
    writer.write(block);
    body.messages++;
    LocalDateTime time = w.view().time();
    if (time != null) {
      if (body.first == null || time.isBefore(body.first)) {
        body.first = time;
      }
      if (body.last == null || time.isAfter(body.last)) {
        body.last = time;
      }
    }
    messages++;
    if (failedMessage) {
      failed++;
    }
  }

  private Writer writer(Body body) throws IOException {
    Writer w = open.get(body);
    if (w != null) {
      return w;
    }
    if (open.size() >= MAX_OPEN) {
      Iterator<Map.Entry<Body, Writer>> eldest = open.entrySet().iterator();
      eldest.next().getValue().close();
      eldest.remove();
    }
    w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(body.tmp,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), StandardCharsets.UTF_8), 1 << 16);
    open.put(body, w);
    return w;
  }

  /**
   * Writes every note and the index note in place.
   *
   * @param status {@code completed} or {@code interrupted} (then the notes say partial)
   */
  ChatSummary finish(String status, long nowNanos) throws IOException {
    closeWriters();
    boolean partial = !status.equals("completed");
    long bytes = 0;
    int written = 0;
    try {
      if (!notes.isEmpty()) {
        AtomicFiles.ensureFolder(chatDir);
        List<Body> ordered = new ArrayList<>(notes.values());
        ordered.sort(Comparator.comparing((Body b) -> b.ref.topicId() == 0 ? Long.MIN_VALUE : b.ref.topicId())
            .thenComparing(b -> b.ref.period()));
        List<NoteFormat.IndexEntry> entries = new ArrayList<>();
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (Body b : ordered) {
          bytes += writeNote(b, partial);
          written++;
          entries.add(new NoteFormat.IndexEntry(b.topic, b.ref.linkFrom(indexRef()), b.ref.period(), b.messages));
          if (b.first != null && (first == null || b.first.isBefore(first))) {
            first = b.first;
          }
          if (b.last != null && (last == null || b.last.isAfter(last))) {
            last = b.last;
          }
        }
        String index = format.index(new NoteFormat.ChatIndex(chat.name(), chat.chat().id(), chat.chat().type(),
            messages, first, last, partial, entries));
        bytes += AtomicFiles.write(chatDir.resolve(indexRef().pathInChat()),
            out -> out.write(index.getBytes(StandardCharsets.UTF_8)));
        written++;
      }
    } finally {
      deleteBodies();
    }
    return new ChatSummary(chat.chat(), chat.name(), chat.folder(), messages, failed, written,
        media.copied(), media.copiedBytes(), media.duplicates(), media.missing(), media.refused(),
        bytes + media.copiedBytes(), nowNanos - startNanos, status);
  }

  private NoteRef indexRef() {
    return new NoteRef(null, chat.folder(), null, 0);
  }

  private long writeNote(Body b, boolean partial) throws IOException {
    Path target = chatDir.resolve(b.ref.pathInChat());
    if (b.ref.topicFolder() != null) {
      AtomicFiles.ensureFolder(target.getParent());
    }
    String start = format.noteStart(new NoteFormat.NoteHeader(chat.name(), chat.chat().id(), chat.chat().type(),
        b.topic, b.ref.period(), b.messages, b.first, b.last, partial));
    return AtomicFiles.write(target, out -> {
      out.write(start.getBytes(StandardCharsets.UTF_8));
      copyBody(b.tmp, out);
      out.write('\n');
    });
  }

  private static void copyBody(Path body, OutputStream out) throws IOException {
    try (var in = Files.newInputStream(body)) {
      in.transferTo(out);
    }
  }

  /** Discards this chat's unfinished notes. */
  void abort() {
    try {
      closeWriters();
    } catch (IOException e) {
      // discarding anyway
    }
    deleteBodies();
  }

  private void closeWriters() throws IOException {
    IOException first = null;
    for (Writer w : open.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  private void deleteBodies() {
    for (Body b : notes.values()) {
      try {
        Files.deleteIfExists(b.tmp);
      } catch (IOException e) {
        // the work folder is removed at the end of the run
      }
    }
  }

  /** One note's body as it grows. */
  private static final class Body {
    final NoteRef ref;
    final String topic;
    final Path tmp;
    long messages;
    LocalDateTime first;
    LocalDateTime last;
    LocalDate lastDay;

    Body(NoteRef ref, String topic, Path tmp) {
      this.ref = ref;
      this.topic = topic;
      this.tmp = tmp;
    }
  }
}
