package dev.tgmd.export;

import dev.tgmd.layout.NameAllocator;
import dev.tgmd.media.MediaResolver;
import dev.tgmd.metrics.MetricsCollector;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One export run: reads the export, renders every message and writes the notes. Wires the fetch
 * stage ({@link MessageSource}), the process stage ({@link MessageProcessor}) and the write stage
 * ({@link NoteSink}).
 *
 * <p>{@link #cancel()} may be called from any thread (a signal handler): the run stops reading,
 * finishes what it has, and returns an interrupted result.
 */
public final class Exporter {

  private final ExportOptions options;
  private final MetricsCollector metrics;
  private final LongSupplier nanos;
  private volatile boolean cancelled;
  private volatile NoteSink sink;
  private volatile MessageSource source;

  /**
   * @param nanos the monotonic clock the run's durations are measured with
   */
  public Exporter(ExportOptions options, MetricsCollector metrics, LongSupplier nanos) {
    this.options = Objects.requireNonNull(options, "options");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
  }

  /** Asks the run to stop as soon as it can; notes already begun are finished, marked partial. */
  public void cancel() {
    cancelled = true;
  }

  /** Messages written so far; safe to call from any thread while the run goes on. */
  public long messagesWritten() {
    NoteSink s = sink;
    return s == null ? 0 : s.messagesWritten();
  }

  /**
   * Runs the export.
   *
   * @throws ExportFormatException when the input is not a readable export (before anything is
   *     written, or midway: then the chat being written is discarded and the chats finished before
   *     it stay)
   */
  public ExportResult run() throws ExportFormatException, IOException {
    long start = nanos.getAsLong();
    MessageRenderer renderer = new MessageRenderer(options.flavor());
    NoteSink notes = new NoteSink(options, renderer, new NoteFormat(options.flavor()), metrics, nanos);
    try (ExportReader reader = ExportReader.open(options.input(), chatFilter(options))) {
      MediaResolver media = options.copyMedia() ? new MediaResolver(reader.root()) : null;
      MessageSource fetch = new MessageSource(reader, options, new NameAllocator(), metrics.cache("reply_index"));
      MessageProcessor process = new MessageProcessor(renderer, media);
      this.sink = notes;
      this.source = fetch;
      try {
        Work w;
        while (!cancelled && (w = fetch.next()) != null) {
          Processed p = null;
          Throwable failure = null;
          try {
            p = process.process(w);
          } catch (RuntimeException e) {
            failure = e;
          }
          notes.accept(w, p, failure);
        }
      } catch (ExportFormatException | IOException | RuntimeException e) {
        notes.abortCurrent();
        throw e;
      }
      String status = "completed";
      if (cancelled) {
        notes.finishInterrupted();
        status = "interrupted";
      }
      return new ExportResult(status, notes.chats(), fetch.messagesRead(), nanos.getAsLong() - start, null);
    } finally {
      notes.close();
    }
  }

  /** Which chats the options select: by name or id, and by type. */
  static Predicate<Chat> chatFilter(ExportOptions options) {
    List<String> wanted = options.chats();
    List<String> types = options.types();
    return chat -> {
      if (!types.isEmpty() && !types.contains(chat.type())) {
        return false;
      }
      if (wanted.isEmpty()) {
        return true;
      }
      String id = Long.toString(chat.id());
      for (String w : wanted) {
        if (w.equals(id) || (chat.name() != null && w.strip().toLowerCase(Locale.ROOT)
            .equals(chat.name().strip().toLowerCase(Locale.ROOT)))
            || w.equalsIgnoreCase(chat.displayName())) {
          return true;
        }
      }
      return false;
    };
  }
}
