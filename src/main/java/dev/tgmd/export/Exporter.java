package dev.tgmd.export;

import dev.tgmd.layout.NameAllocator;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.media.MediaResolver;
import dev.tgmd.pipeline.AsyncPipeline;
import dev.tgmd.pipeline.PipelineException;
import dev.tgmd.pipeline.PipelineResult;
import dev.tgmd.pipeline.Source;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.Ticker;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export run: reads the export, renders every message and writes the notes. Wires the fetch
 * stage ({@link MessageSource}), the process stage ({@link MessageProcessor}) and the write stage
 * ({@link NoteSink}) into an {@link AsyncPipeline}, recording through the given collector (the
 * no-op one when metrics are off). Run once, then {@link #close()}.
 *
 * <p>Everything the run writes goes through one {@link OutputFolder} on OUT, opened once the input
 * was opened: created when missing, locked for the run (a second run on the same OUT is refused),
 * and cleaned of what killed runs left. It stays open (and locked) after {@link #run} for the
 * metrics report ({@link #reportFolder()}) until {@link #close()}.
 *
 * <p>{@link #cancel()}, {@link #progress()} and {@link #chats()} may be called from any thread.
 */
public final class Exporter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Exporter.class);

  /**
   * The name of the stage that stores media files (in the write thread), in the metrics: copies
   * them, or names them with {@code --media none}; missing and refused files are its errors.
   */
  public static final String MEDIA_STAGE = "media";

  /**
   * The name of the stage that keeps messages in the vault's archive and reads them back (in the
   * fetch thread), in the metrics; there only when the vault is on.
   */
  public static final String ARCHIVE_STAGE = "archive";

  /**
   * The most estimated heap (bytes) the messages in the pipeline may take at once, beyond which
   * reading waits for writing: see {@code MessageParser.MAX_MESSAGE_BYTES} for the reasoning. An
   * ordinary message weighs about 7 KB, so only runs of very large messages ever wait.
   */
  static final long MAX_WEIGHT_IN_FLIGHT = 32L << 20;

  /**
   * Batches in flight at least (the pipeline's default is twice the workers): room for the fetch
   * and process stages to run ahead while the write thread waits for a turn on the archive or
   * writes a note, instead of waiting for it. Measured on 2 cores, 200,000 messages: with the
   * default 4, the fetch thread waited 2.0 s for room while each process worker waited 4.7 s for
   * work and the write thread 2.9 s for its next batch in order; 16 was 0.92-0.95 of the wall time
   * (3 rounds), 32 and 64 no faster and 40 MiB more resident (docs/benchmarks.md).
   */
  static final int BATCHES_IN_FLIGHT = 16;

  /** The metrics report's file name in OUT; no chat folder may take it. */
  public static final String METRICS_FILE = "export_metrics.json";

  /** The metrics report's page in OUT, beside it; no chat folder may take it either. */
  public static final String METRICS_PAGE = "export_metrics.html";

  private final ExportOptions options;
  private final MetricsCollector metrics;
  private final String version;
  private final Instant startedAt;
  private Vault vault = Vault.none();
  private volatile MessageSource fetchStage;
  private final Object lock = new Object();
  private volatile boolean cancelled;
  private AsyncPipeline pipeline;
  private volatile NoteSink sink;
  private volatile ExportReader reader;
  private volatile Exception inputFailure;
  private OutputFolder output;
  private volatile boolean started;

  /**
   * @param version tgmd's version, recorded with the run in the vault
   * @param startedAt when the run started, recorded with it
   */
  public Exporter(
      ExportOptions options, MetricsCollector metrics, String version, Instant startedAt) {
    this.options = Objects.requireNonNull(options, "options");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.version = Objects.requireNonNull(version, "version");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  /**
   * Asks the run to stop as soon as it can: it stops reading, writes the messages already read, and
   * finishes the chat being written, its notes marked partial. Callable from any thread (a signal
   * handler), before or during the run.
   */
  public void cancel() {
    AsyncPipeline p;
    synchronized (lock) {
      cancelled = true;
      p = pipeline;
    }
    if (p != null) {
      p.cancel();
    }
  }

  /** The fetch stage's input: the files read (result.json, or the HTML pages) and their bytes. */
  private static void recordRead(StageRecorder fetch, ExportReader input) {
    List<String> names = new java.util.ArrayList<>();
    for (Path f : input.files()) {
      Path name = f.getFileName();
      names.add(name == null ? f.toString() : name.toString());
    }
    fetch.recordRead(names, input.bytesRead());
  }

  /** How far the run is; safe to call from any thread while it goes on. */
  public Progress progress() {
    NoteSink s = sink;
    ExportReader r = reader;
    return new Progress(
        r == null ? 0 : r.bytesRead(),
        r == null ? 0 : r.size(),
        s == null ? 0 : s.messagesWritten());
  }

  /**
   * How far a run is.
   *
   * @param bytesRead bytes of the export file read so far
   * @param bytesTotal the export file's size
   * @param messagesWritten messages written to notes so far
   */
  public record Progress(long bytesRead, long bytesTotal, long messagesWritten) {}

  /**
   * Whether the run has begun: the input was opened and found to be an export. Until then nothing
   * was written, and a failure of {@link #run} (a bad input) leaves OUT untouched.
   */
  public boolean started() {
    return started;
  }

  /**
   * What the run did with each chat so far: after {@link #run} returned or threw, every chat it
   * began (a failed run's last chat with status {@code failed}).
   */
  public List<ChatSummary> chats() {
    NoteSink s = sink;
    MessageSource f = fetchStage;
    if (s == null) {
      return List.of();
    }
    if (f == null || f.untouched().isEmpty()) {
      return s.chats();
    }
    List<ChatSummary> all = new java.util.ArrayList<>(s.chats());
    all.addAll(f.untouched());
    Map<Long, Integer> order = f.order();
    all.sort(
        java.util.Comparator.comparing(c -> order.getOrDefault(c.chat().id(), Integer.MAX_VALUE)));
    return all;
  }

  /**
   * The run's missing and refused media files: how many, the first few lines, and whether every
   * line is in {@link MissingMedia#FILE} at the top of OUT. After {@link #run}.
   */
  MediaProblems mediaProblems() {
    NoteSink s = sink;
    if (s == null) {
      return new MediaProblems(0, List.of(), null);
    }
    return new MediaProblems(
        s.missingMedia().count(),
        s.missingMedia().first(),
        s.missingListed() ? options.out().resolve(MissingMedia.FILE) : null);
  }

  /**
   * Missing and refused media files of a run.
   *
   * @param count how many
   * @param first the first lines (at most {@link MissingMedia#SHOWN}), e.g. {@code missing
   *     photos/a.jpg (message 3 in chat Alice)}
   * @param file the file listing every one, as OUT was named; null when none was written
   */
  public record MediaProblems(long count, List<String> first, Path file) {
    public MediaProblems {
      first = List.copyOf(first);
    }
  }

  /**
   * Ends the vault's part of the run: records how the run ended and what it counted (the report's
   * totals, as JSON), then closes the archive (its last checkpoint). OUT stays open, and locked,
   * for the report until {@link #close()}. Best effort: a vault that cannot record or close is
   * logged, the run's outcome stays. Idempotent.
   */
  synchronized void finishVault(RunStatus status, String countsJson) {
    try {
      vault.finish(status, countsJson);
    } catch (IOException | RuntimeException e) {
      log.warn("could not record the run in the vault: {}", e.toString());
    }
    try {
      vault.close();
    } catch (IOException | RuntimeException e) {
      log.warn("could not close the vault: {}", e.toString());
    } finally {
      vault = Vault.none();
    }
  }

  /**
   * Runs the export through the pipeline: the fetch stage reads and places messages in order,
   * {@code workers} threads render them, the write stage writes notes in order.
   *
   * @throws ExportFormatException when the input is not a readable export (before anything is
   *     written, or midway: then the chat being written is discarded and the chats finished before
   *     it stay)
   * @throws dev.tgmd.layout.OutputRefusedException when OUT cannot be used (a link in it or in its
   *     place, another run using it): nothing was written
   * @throws InputException when a {@code --chat} names no chat of the export or several: nothing
   *     was written
   * @throws IOException when reading or writing failed (the chat being written is discarded)
   */
  public ExportResult run() throws ExportFormatException, InputException, IOException {
    Ticker ticker = metrics.ticker();
    MessageRenderer renderer = new MessageRenderer(options.flavor());
    // the pipeline's stages first, so that the report lists the stages in the order work flows
    metrics.stage(AsyncPipeline.FETCH);
    metrics.stage(AsyncPipeline.PROCESS);
    metrics.stage(AsyncPipeline.WRITE);
    StageRecorder mediaStage = metrics.stage(MEDIA_STAGE);
    StageRecorder archiveStage = options.archive() ? metrics.stage(ARCHIVE_STAGE) : null;
    NoteSink notes = null;
    // Files are checked in both modes (missing and refused ones are counted and said so in the
    // notes); only copying reads and checksums them.
    // --chat names are resolved first, in a pass over the chats' headers (see ChatSelection)
    Predicate<Chat> selected = ChatSelection.resolve(options);
    try (ExportReader input = ExportReader.open(options.input(), selected);
        MediaResolver media = new MediaResolver(input.root())) {
      this.reader = input;
      started = true;
      OutputFolder out = openOutput();
      if (options.archive()) {
        vault = ArchiveVault.open(out, options, version, startedAt, archiveStage);
      }
      notes =
          new NoteSink(
              options,
              out,
              media,
              renderer,
              new NoteFormat(options.flavor()),
              metrics,
              ticker::read,
              mediaStage.newTimer(),
              vault);
      this.sink = notes;
      NoteSink writeStage = notes;
      NameAllocator folders = new NameAllocator();
      folders.reserve(METRICS_FILE);
      folders.reserve(NoteFormat.VAULT_INDEX + ".md");
      folders.reserve(MissingMedia.FILE);
      folders.reserve(METRICS_PAGE);
      MessageSource fetch =
          new MessageSource(input, options, folders, metrics.cache("reply_index"), vault);
      fetchStage = fetch;
      MessageProcessor process =
          new MessageProcessor(renderer, options.copyMedia() ? media::resolve : media::check);
      AsyncPipeline p =
          AsyncPipeline.builder()
              .workers(options.workers())
              .batchSize(options.batchSize())
              .queueCapacity(Math.max(BATCHES_IN_FLIGHT, 2 * options.workers()))
              .<PlacedMessage>weigh(PlacedMessage::weight, MAX_WEIGHT_IN_FLIGHT)
              .metrics(metrics)
              .build();
      synchronized (lock) {
        pipeline = p;
        if (cancelled) {
          p.cancel();
        }
      }
      mediaStage.setWorkers(1);
      long pipelineStart = ticker.read();
      PipelineResult result;
      try {
        result =
            p.run(
                new Source<PlacedMessage>() {
                  @Override
                  public PlacedMessage next() {
                    // A broken input ends the input: what was read before it is still written (the
                    // chats
                    // finished before it stay), then the run fails with the input's error.
                    try {
                      return fetch.next();
                    } catch (ExportFormatException | IOException e) {
                      if (cancelled) {
                        return null; // the read was interrupted to stop the run
                      }
                      inputFailure = e;
                      metrics.recordFailure("fetch", options.input().toString(), e);
                      return null;
                    }
                  }

                  @Override
                  public String describe(PlacedMessage w) {
                    return Exporter.describe(w);
                  }
                },
                process::process,
                outcome -> writeStage.accept(outcome.item(), outcome.result(), outcome.error()));
      } catch (PipelineException e) {
        notes.abortCurrent();
        Throwable cause = e.getCause();
        if (cause instanceof ExportFormatException) {
          throw (ExportFormatException) cause;
        }
        if (cause instanceof IOException) {
          throw (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IOException(cause);
      } finally {
        mediaStage.addWallNanos(ticker.read() - pipelineStart);
        recordRead(metrics.stage(AsyncPipeline.FETCH), input);
      }
      if (inputFailure != null && !result.cancelled()) {
        notes.abortCurrent();
        if (inputFailure instanceof ExportFormatException) {
          throw (ExportFormatException) inputFailure;
        }
        throw (IOException) inputFailure;
      }
      RunStatus status = RunStatus.COMPLETED;
      if (result.cancelled()) {
        notes.finishInterrupted();
        status = RunStatus.INTERRUPTED;
      }
      writeVaultIndex(out, notes);
      return new ExportResult(status, notes.chats());
    } finally {
      if (notes != null) {
        notes.close();
      }
    }
  }

  /**
   * Writes the note at the top of OUT that lists every chat of the vault (the chats of this run
   * without the vault), through the ledger like every note: untouched when its bytes are there,
   * beside it when the file is the user's.
   */
  private void writeVaultIndex(OutputFolder out, NoteSink notes) throws IOException {
    List<NoteFormat.VaultChat> chats = vault.chats(options.zone());
    if (chats.isEmpty()) {
      chats = VaultChats.sorted(notes.vaultChats());
    }
    if (chats.isEmpty()) {
      return;
    }
    byte[] text =
        new NoteFormat(options.flavor()).vaultIndex(chats).getBytes(StandardCharsets.UTF_8);
    new NotePlacer(out, vault, VAULT_INDEX_CHAT)
        .place(NoteFormat.VAULT_INDEX + ".md", o -> o.write(text));
  }

  /** The chat id the ledger records the note that lists every chat under: no chat has it. */
  static final long VAULT_INDEX_CHAT = 0;

  /** OUT, opened (created when missing), locked and cleaned of leftovers; once per run. */
  private synchronized OutputFolder openOutput() throws IOException {
    OutputFolder out = OutputFolder.open(options.out());
    try {
      out.lock();
      out.removeLeftovers();
    } catch (IOException e) {
      out.close();
      throw e;
    }
    output = out;
    return out;
  }

  /**
   * Where the metrics report goes: the run's output folder, still open and locked. Null when the
   * run never opened OUT (it could not be opened: a link, another run's): then no report is written
   * anywhere.
   */
  public synchronized OutputFolder reportFolder() {
    return output;
  }

  /** Releases the vault and OUT (its lock and open folders). Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    try {
      vault.close();
    } finally {
      vault = Vault.none();
      if (output != null) {
        output.close();
      }
    }
  }

  /** "message 42 in chat Alice", for failure reports. */
  static String describe(PlacedMessage w) {
    return "message " + w.view().message().id() + " in chat " + w.chat().name();
  }
}
