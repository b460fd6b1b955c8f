package dev.tgmd.export;

import dev.tgmd.archive.Archive;
import dev.tgmd.layout.AtomicFile;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.OutputRefusedException;
import dev.tgmd.pipeline.AsyncPipeline;
import dev.tgmd.recording.FailureListener;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.report.HtmlReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.OpenMetricsText;
import dev.tgmd.report.ResourceReport;
import dev.tgmd.report.RunHeadline;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.SummaryFormatter;
import dev.tgmd.source.ExportFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export, as a library call: runs the {@link Exporter} inside the chosen {@link Measurement},
 * writes the metrics report beside the notes on every outcome (completed, interrupted, failed) when
 * measuring ({@code export_metrics.json} and its page, {@code export_metrics.html}; and the
 * OpenMetrics file when the measurement names one), and returns a {@link RunOutcome}. Expected
 * failures (a bad input, a refused OUT, a failed write) are outcomes, not exceptions. Run once.
 *
 * <p>{@link #cancel} and {@link #progress} may be called from any thread (a signal handler, a
 * progress bar) while {@link #run} goes on.
 */
public final class ExportRun {

  static final Logger log = LoggerFactory.getLogger(ExportRun.class);

  private final ExportOptions options;
  private final Measurement measurement;
  private final RunClock clock;
  private final String version;
  private final Exporter exporter;
  private volatile String cancelReason;

  /**
   * A run of {@code options}, measured as {@code measurement} says.
   *
   * @param clock the run's clock, started when the user's wait began (the process's start)
   * @param version tgmd's version, for the report
   */
  public ExportRun(ExportOptions options, Measurement measurement, RunClock clock, String version) {
    this(options, measurement, clock, version, FailureListener.NONE);
  }

  /**
   * A run that tells {@code failures} of each failed item (a message that could not be rendered, a
   * missing or refused file) while it goes on, metrics on or off.
   */
  public ExportRun(
      ExportOptions options,
      Measurement measurement,
      RunClock clock,
      String version,
      FailureListener failures) {
    this.options = Objects.requireNonNull(options, "options");
    this.measurement = Objects.requireNonNull(measurement, "measurement");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.version = Objects.requireNonNull(version, "version");
    MetricsCollector collector =
        MetricsCollector.listening(
            measurement.collector(), Objects.requireNonNull(failures, "failures"));
    this.exporter = new Exporter(options, collector, version, clock.start());
  }

  /**
   * Asks the run to stop as soon as it can (see {@link Exporter#cancel()}); {@code reason} (e.g.
   * "stopped by SIGINT (Ctrl-C)") goes into the report. Callable from any thread.
   */
  public void cancel(String reason) {
    cancelReason = Objects.requireNonNull(reason, "reason");
    exporter.cancel();
  }

  /** How far the run is. */
  public Exporter.Progress progress() {
    return exporter.progress();
  }

  /** Runs the export, writes the report, and says what happened. */
  public RunOutcome run() {
    measurement.start(clock.asClock());
    Thread warmUp = options.archive() || measurement.reports() ? warmUp() : null;
    RunStatus status = RunStatus.FAILED;
    RunOutcome.Failure failure = null;
    List<ChatSummary> chats = List.of();
    try {
      status = exporter.run().status();
    } catch (ExportFormatException | InputException | OutputRefusedException | VaultException e) {
      failure = new RunOutcome.Failure(RunOutcome.Kind.BAD_INPUT, e.getMessage());
    } catch (NoSuchFileException | AccessDeniedException e) {
      failure = new RunOutcome.Failure(RunOutcome.Kind.BAD_INPUT, describe(e));
    } catch (IOException e) {
      failure = new RunOutcome.Failure(RunOutcome.Kind.IO, describe(e));
      log.debug("the export failed", e);
    } catch (RuntimeException e) {
      failure = new RunOutcome.Failure(RunOutcome.Kind.UNEXPECTED, "unexpected error: " + e);
      log.debug("the export failed", e);
    } finally {
      try {
        // the vault's last record and its archive's close are the run's, as the monitor sees it
        chats = exporter.chats();
        if (exporter.started()) {
          exporter.finishVault(status, RunReport.countsJson(ExportResult.totalsOf(chats)));
        }
      } finally {
        measurement.stop();
      }
    }
    String error =
        failure != null
            ? failure.message()
            : status == RunStatus.INTERRUPTED
                ? Objects.requireNonNullElse(cancelReason, "stopped")
                : null;
    boolean started = exporter.started();
    Optional<MetricsReport> report = Optional.empty();
    Optional<Path> reportFile = Optional.empty();
    Optional<String> reportError = Optional.empty();
    RunClock.Span span;
    if (started && measurement.reports()) {
      join(warmUp);
      MetricsSnapshot snapshot = measurement.collector().snapshot();
      // The run's end and the resource peaks are read last. The report's first rendering, cold
      // (its classes loaded, its memory taken), was the warm-up's: what follows is rendering and
      // writing the figures, warm.
      span = clock.span();
      MetricsReport r = report(status, error, span, snapshot, measurement.resources(), chats);
      report = Optional.of(r);
      OutputFolder out = exporter.reportFolder();
      if (out != null) {
        Path file = out.path(MetricsReportJson.FILE_NAME);
        try {
          out.write(MetricsReportJson.FILE_NAME, o -> MetricsReportJson.write(r, o));
          reportFile = Optional.of(file);
          log.info("metrics written to {}", file);
        } catch (IOException | RuntimeException e) {
          reportError =
              Optional.of("could not write the metrics report " + file + ": " + e.getMessage());
        }
        Path page = out.path(HtmlReport.FILE_NAME);
        try {
          out.write(
              HtmlReport.FILE_NAME,
              o -> o.write(HtmlReport.page(r).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
          reportError =
              Optional.of("could not write the metrics page " + page + ": " + e.getMessage());
        }
      }
      Optional<String> openMetricsError = writeOpenMetrics(() -> OpenMetricsText.of(r));
      if (reportError.isEmpty()) {
        reportError = openMetricsError;
      }
    } else {
      span = clock.span();
      if (!started && measurement.reports()) {
        reportError =
            writeOpenMetrics(
                () ->
                    OpenMetricsText.failedBeforeStart(version, span.finishedAt(), span.seconds()));
      }
    }
    try {
      exporter.close();
    } catch (IOException e) {
      log.warn("could not release {}: {}", options.out(), e.toString());
    }
    return new RunOutcome(
        status,
        Optional.ofNullable(failure),
        started,
        chats,
        span.seconds(),
        report,
        reportFile,
        reportError,
        options.out(),
        options.filtered(),
        exporter.mediaProblems());
  }

  /**
   * Does on a thread of its own, while the export starts, what would otherwise hold up the run on
   * one core while the other idles: SQLite's driver is initialized (about 40 ms; the main thread,
   * opening the archive, waits for what is not done yet), and a report is rehearsed from a small
   * collector's figures (the first snapshot and the first rendering of the JSON, the page and the
   * summary run cold: classes loaded, call sites linked, code interpreted, about 40 ms at the run's
   * end). Joined before the run's own snapshot, so that the run's figures include it, and the
   * report is then rendered once, warm; a run that fails before it starts, or has no report, does
   * not wait for it (a daemon, it ends on its own a moment later, or with the JVM).
   */
  private Thread warmUp() {
    boolean archive = options.archive();
    boolean reports = measurement.reports();
    Thread t =
        new Thread(
            () -> {
              if (archive) {
                Archive.prepare();
              }
              if (reports) {
                rehearse(warmUpFigures());
              }
            },
            "tgmd-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A few items timed in each of the export's stages, as the report's tables draw them. */
  private static MetricsSnapshot warmUpFigures() {
    MetricsCollector m = MetricsCollector.create();
    for (String name :
        List.of(
            AsyncPipeline.FETCH,
            AsyncPipeline.PROCESS,
            AsyncPipeline.WRITE,
            Exporter.MEDIA_STAGE,
            Exporter.ARCHIVE_STAGE)) {
      StageRecorder stage = m.stage(name);
      stage.setWorkers(1);
      StageTimer timer = stage.newTimer();
      long batch = timer.startBatch();
      for (int i = 0; i < 64; i++) {
        timer.endItem(timer.startItem());
      }
      timer.endBatch(batch, 64, 0);
      stage.addWallNanos(1_000_000);
    }
    m.recordQueueDepth("queue", 1, 16); // a row of each table; the names are never shown
    m.cache("cache").hit();
    return m.snapshot();
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the run's report is still written; the caller sees why
    }
  }

  /**
   * Renders a report of {@code figures} as the run's end does, and its summary, and throws them
   * away: the first rendering loads the JSON writer's, the page's and the formatter's classes and
   * runs their code interpreted.
   */
  private void rehearse(MetricsSnapshot figures) {
    try {
      RunStatus status = RunStatus.COMPLETED;
      List<ChatSummary> chats = List.of();
      MetricsReport draft =
          report(status, null, clock.span(), figures, measurement.resources(), chats);
      MetricsReportJson.toJson(draft);
      HtmlReport.page(draft);
      if (measurement.openMetricsFile().isPresent()) {
        OpenMetricsText.of(draft);
      }
      RunHeadline.format(
          status,
          ExportResult.totalsOf(chats),
          new ExportResult(status, chats).duplicates(),
          options.out().toString(),
          0);
      SummaryFormatter.withColor(false).format(draft);
    } catch (RuntimeException e) {
      log.debug("rehearsing the report failed", e); // the run's report will say what is wrong
    }
  }

  private MetricsReport report(
      RunStatus status,
      String error,
      RunClock.Span run,
      MetricsSnapshot snapshot,
      Optional<ResourceReport> resources,
      List<ChatSummary> chats) {
    return RunReport.build(
        version,
        options,
        measurement.interval().orElse(null),
        status,
        error,
        run.startedAt(),
        run.finishedAt(),
        run.seconds(),
        snapshot,
        resources.orElse(null),
        chats);
  }

  /** Writes the OpenMetrics file, when asked for one; says why it could not. */
  private Optional<String> writeOpenMetrics(Supplier<String> text) {
    Optional<Path> file = measurement.openMetricsFile();
    if (file.isEmpty()) {
      return Optional.empty(); // not asked for: not made either
    }
    try {
      AtomicFile.write(file.get(), text.get().getBytes(StandardCharsets.UTF_8));
      log.info("OpenMetrics written to {}", file.get());
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "could not write the OpenMetrics file " + file.get() + ": " + describe(asIo(e)));
    }
  }

  private static IOException asIo(Exception e) {
    return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** An I/O error in one line: "no such file or folder: X", "permission denied: X", … */
  static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof NoSuchFileException) {
      return "no such file or folder: " + m;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + m;
    }
    if (e instanceof FileSystemException && m != null) {
      return m;
    }
    String kind = e.getClass().getSimpleName();
    return m == null ? kind : kind + ": " + m;
  }
}
