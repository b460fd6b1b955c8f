package dev.tgmd.cli;

import dev.tgmd.export.ChatSummary;
import dev.tgmd.export.ExportOptions;
import dev.tgmd.export.ExportResult;
import dev.tgmd.export.Exporter;
import dev.tgmd.export.MediaMode;
import dev.tgmd.export.RunClock;
import dev.tgmd.export.RunReport;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.OutputRefusedException;
import dev.tgmd.layout.Split;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.Ticker;
import dev.tgmd.render.Flavor;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.ResourceReport;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.SummaryFormatter;
import dev.tgmd.report.TotalsReport;
import dev.tgmd.resources.ResourceMonitor;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.units.ByteSizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tgmd export}: turns an export into notes, with a resource monitor around the run, the
 * metrics report beside the notes and a summary at the end, on every outcome.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    sortOptions = false,
    description = {
      "Turns a Telegram Desktop export (JSON, or one chat's HTML) into Markdown notes.",
      "",
      "INPUT is the export folder holding result.json, or result.json itself; or a chat's HTML"
          + " export: its folder holding messages.html, or one of its pages. Notes go to "
          + "OUT/<chat>/<chat> <period>.md, one note per period, with an index note per chat and the "
          + "chat's files under OUT/<chat>/media/. Unless --no-metrics, the run's metrics go to "
          + "OUT/export_metrics.json.",
      "",
      "The summary goes to standard output; progress and logs to standard error. Ctrl-C (or "
          + "SIGTERM) stops the run gracefully: the notes written stay whole, the chat being read "
          + "is finished and marked partial; a second Ctrl-C exits at once.",
    })
public final class ExportCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

  @Spec CommandSpec spec;

  @ParentCommand TgmdCommand parent;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description =
          "The export folder, or its result.json; or a chat's HTML export folder, or one of its"
              + " pages.")
  Path input;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "OUT",
      description = "The folder to write notes into (created when missing; not a file, not empty).")
  Path out;

  @Option(
      names = "--chat",
      paramLabel = "NAME_OR_ID",
      description = "Export only this chat (its name or id); repeat for more. Default: every chat.")
  List<String> chats = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "Export only chats of this type; repeat for more. One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ChatTypes.class)
  List<String> types = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Skip messages before this day (YYYY-MM-DD, inclusive).")
  LocalDate since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Skip messages after this day (YYYY-MM-DD, inclusive).")
  LocalDate until;

  @Option(
      names = "--split",
      paramLabel = "PERIOD",
      defaultValue = "month",
      completionCandidates = EnumValues.Splits.class,
      description =
          "One note per period: ${COMPLETION-CANDIDATES} (none: one note per chat; default: ${DEFAULT-VALUE}).")
  Split split;

  @Option(
      names = "--flavor",
      paramLabel = "FLAVOR",
      defaultValue = "obsidian",
      completionCandidates = EnumValues.Flavors.class,
      description =
          "One of ${COMPLETION-CANDIDATES}: obsidian (the default: [[wikilinks]], ![[embeds]], ^block-ids) "
              + "or commonmark (relative Markdown links, standard images, HTML anchors).")
  Flavor flavor;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description =
          "The time zone of dates and times in notes, e.g. Europe/Berlin or UTC. Default: the system's.")
  ZoneId timezone;

  @Option(
      names = "--media",
      paramLabel = "MODE",
      defaultValue = "copy",
      completionCandidates = EnumValues.MediaModes.class,
      description =
          "One of ${COMPLETION-CANDIDATES}: copy (the default) copies files into OUT/<chat>/media/, "
              + "each distinct content once; none only names them.")
  MediaMode media;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads that render messages (default: the number of processors).")
  Integer workers;

  @Option(
      names = "--reply-index-size",
      paramLabel = "N",
      defaultValue = "100000",
      description =
          "How many recent messages per chat replies can link to with a snippet (default: ${DEFAULT-VALUE}).")
  int replyIndexSize;

  @Option(
      names = "--no-metrics",
      negatable = false,
      description =
          "Measure nothing: no resource monitor, no timing, no export_metrics.json, no metrics table.")
  boolean noMetrics;

  @Option(
      names = "--metrics-interval",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "How often resources are sampled: 100ms at least (default: ${DEFAULT-VALUE}).")
  Duration metricsInterval;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress and no log lines at all, warnings included (they are still counted in "
              + "the metrics report); errors and the summary still print.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Log more, down to debug details and the stack traces of messages that could not be rendered.")
  boolean verbose;

  @Override
  @SuppressWarnings("try") // the signal handlers and the progress reporter work while open
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Environment env = parent == null ? Environment.detached() : parent.environment();
    RunClock clock = RunClock.startedAt(env.processStart(), env.clock(), Ticker.system());
    LogSetup.level(quiet, verbose);
    ExportOptions options;
    try {
      options = options();
      if (!noMetrics && metricsInterval.compareTo(ResourceMonitor.MIN_INTERVAL) < 0) {
        throw new IllegalArgumentException(
            "--metrics-interval must be at least 100ms: " + metricsInterval.toMillis() + "ms");
      }
      checkOut(out);
    } catch (IllegalArgumentException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCode.BAD_INPUT.code();
    }

    // Wired once: with metrics off, the no-op collector, no monitor, no report. The run's one
    // clock times it either way, from the process's start (what a user waits for, Java's start
    // included) to the end.
    MetricsCollector metrics = noMetrics ? MetricsCollector.noop() : MetricsCollector.create();
    ResourceMonitor monitor =
        noMetrics
            ? null
            : ResourceMonitor.create(metricsInterval, Ticker.system(), clock.asClock());
    if (monitor != null) {
      monitor.start();
    }
    Exporter exporter = new Exporter(options, metrics);
    AtomicInteger signal = new AtomicInteger();
    RunStatus status = RunStatus.FAILED;
    String error = null;
    ExitCode code = ExitCode.FAILURE;
    ExportResult result = null;
    ProgressReporter.Mode mode =
        quiet
            ? ProgressReporter.Mode.NONE
            : env.terminal() ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.LINES;
    try (AutoCloseable signals =
            env.signals()
                .onStop(
                    sig -> {
                      signal.compareAndSet(0, sig);
                      exporter.cancel();
                    });
        ProgressReporter progress = ProgressReporter.start(mode, exporter::progress, err, 5)) {
      result = exporter.run();
      status = result.status();
      if (status == RunStatus.INTERRUPTED) {
        code = ExitCode.stoppedBy(signal.get());
        error = "stopped by " + (code == ExitCode.TERMINATED ? "SIGTERM" : "SIGINT (Ctrl-C)");
      } else {
        code = result.totals().messagesFailed() > 0 ? ExitCode.SOME_MESSAGES_FAILED : ExitCode.OK;
      }
    } catch (ExportFormatException e) {
      error = e.getMessage();
      code = ExitCode.BAD_INPUT;
    } catch (OutputRefusedException e) {
      error = e.getMessage();
      code = ExitCode.BAD_INPUT; // OUT refused
    } catch (NoSuchFileException | AccessDeniedException e) {
      error = describe(e);
      code = ExitCode.BAD_INPUT;
    } catch (IOException e) {
      error = describe(e);
      log.debug("the export failed", e);
    } catch (Exception e) {
      error = "unexpected error: " + e;
      log.debug("the export failed", e);
    } finally {
      if (monitor != null) {
        monitor.stop();
      }
    }
    if (error != null && status == RunStatus.FAILED) {
      err.println("tgmd: " + error);
    }
    if (!exporter.started()) {
      return code.code(); // the input is no export: nothing was touched, no report is written
    }
    List<ChatSummary> chats = exporter.chats();
    boolean color = env.terminal() && colorAllowed(env);
    MetricsReport report = null;
    RunClock.Span run;
    if (noMetrics) {
      run = clock.span();
    } else {
      MetricsSnapshot snapshot = metrics.snapshot();
      rehearse(options, status, error, clock, snapshot, monitor, chats, color);
      // The run's end and the resource peaks are read last, once the rehearsal has done the work
      // they must include: what follows is writing the figures, warm.
      run = clock.span();
      report =
          writeReport(
              exporter.reportFolder(), options, status, error, run, snapshot, monitor, chats, err);
    }
    try {
      exporter.close();
    } catch (IOException e) {
      log.warn("could not release {}: {}", options.out(), e.toString());
    }
    long chatsExported = ExportResult.totalsOf(chats).chats();
    if (result == null && chatsExported == 0 && code == ExitCode.BAD_INPUT) {
      return code.code(); // nothing was exported: the error line says it all
    }
    if (status == RunStatus.COMPLETED
        && chatsExported == 0
        && (!options.chats().isEmpty()
            || !options.types().isEmpty()
            || options.since() != null
            || options.until() != null)) {
      err.println(
          "tgmd: no message matched the filters (--chat, --type, --since, --until): no note was written"
              + (noMetrics
                  ? ""
                  : " (the run's metrics are in "
                      + options.out().resolve(MetricsReportJson.FILE_NAME)
                      + ")"));
      return ExitCode.BAD_INPUT.code();
    }
    printSummary(stdout, status, chats, run.nanos(), options);
    if (report != null) {
      stdout.println();
      stdout.print(SummaryFormatter.withColor(color).format(report));
    }
    stdout.flush();
    return code.code();
  }

  /**
   * Renders the report and the summary once, and throws them away: the first rendering loads the
   * JSON writer's and the formatter's classes and takes their memory, which the run's duration and
   * its peak RSS must include. So the figures are read after it, and only the writing of the final
   * report and summary (warm: a few milliseconds, little memory) comes after them.
   */
  private void rehearse(
      ExportOptions options,
      RunStatus status,
      String error,
      RunClock clock,
      MetricsSnapshot snapshot,
      ResourceMonitor monitor,
      List<ChatSummary> chats,
      boolean color) {
    try {
      MetricsReport draft =
          report(options, status, error, clock.span(), snapshot, monitor.report(), chats);
      MetricsReportJson.toJson(draft);
      printSummary(new PrintWriter(new StringWriter()), status, chats, 0, options);
      SummaryFormatter.withColor(color).format(draft);
    } catch (RuntimeException e) {
      log.debug("rehearsing the report failed", e); // the report itself will say what is wrong
    }
  }

  private MetricsReport report(
      ExportOptions options,
      RunStatus status,
      String error,
      RunClock.Span run,
      MetricsSnapshot snapshot,
      ResourceReport resources,
      List<ChatSummary> chats) {
    return RunReport.build(
        TgmdCommand.version(),
        options,
        metricsInterval,
        status,
        error,
        run.startedAt(),
        run.finishedAt(),
        run.seconds(),
        snapshot,
        resources,
        chats);
  }

  /** Builds the report and writes it into {@code out}; null {@code out} (OUT refused): nowhere. */
  private MetricsReport writeReport(
      OutputFolder out,
      ExportOptions options,
      RunStatus status,
      String error,
      RunClock.Span run,
      MetricsSnapshot snapshot,
      ResourceMonitor monitor,
      List<ChatSummary> chats,
      PrintWriter err) {
    ResourceReport resources = null;
    try {
      resources = monitor.report(); // the true peaks, read now
    } catch (RuntimeException e) {
      log.warn("resource figures unavailable: {}", e.toString());
    }
    MetricsReport report = report(options, status, error, run, snapshot, resources, chats);
    if (out == null) {
      return report;
    }
    Path file = out.path(MetricsReportJson.FILE_NAME);
    try {
      out.write(MetricsReportJson.FILE_NAME, o -> MetricsReportJson.write(report, o));
      log.info("metrics written to {}", file);
    } catch (IOException | RuntimeException e) {
      err.println("tgmd: could not write the metrics report " + file + ": " + e.getMessage());
    }
    return report;
  }

  /**
   * Refuses an OUT that cannot be a folder: empty (it would mean the current folder), a file, or
   * below a file.
   */
  static void checkOut(Path out) {
    if (out.toString().isBlank()) {
      throw new IllegalArgumentException("--out is empty: name the folder to write the notes into");
    }
    for (Path p = out.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new IllegalArgumentException(
              "--out "
                  + out
                  + ": "
                  + (p.equals(out.toAbsolutePath()) ? "it" : p.toString())
                  + " is a file, not a folder");
        }
        return;
      }
    }
  }

  private static boolean colorAllowed(Environment env) {
    String noColor = env.variables().get("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.variables().get("TERM"));
  }

  ExportOptions options() {
    for (String t : types) {
      if (!ExportOptions.CHAT_TYPES.contains(t)) {
        throw new IllegalArgumentException(
            "unknown chat type '"
                + t
                + "' for --type; one of: "
                + String.join(", ", ExportOptions.CHAT_TYPES));
      }
    }
    int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    return new ExportOptions(
        input,
        out,
        chats,
        types,
        since,
        until,
        split,
        flavor,
        timezone == null ? ZoneId.systemDefault() : timezone,
        media,
        threads,
        ExportOptions.DEFAULT_BATCH_SIZE,
        replyIndexSize);
  }

  static void printSummary(
      PrintWriter out,
      RunStatus status,
      List<ChatSummary> chats,
      long durationNanos,
      ExportOptions options) {
    ExportResult r = new ExportResult(status, chats);
    TotalsReport t = r.totals();
    String verb =
        status == RunStatus.COMPLETED
            ? "Exported"
            : status == RunStatus.INTERRUPTED
                ? "Interrupted after exporting"
                : "Failed after exporting";
    out.printf(
        Locale.ROOT,
        "%s %,d %s, %,d %s into %,d %s in %s (%.2f s)%n",
        verb,
        t.chats(),
        t.chats() == 1 ? "chat" : "chats",
        t.messages(),
        t.messages() == 1 ? "message" : "messages",
        t.notes(),
        t.notes() == 1 ? "note" : "notes",
        options.out(),
        durationNanos / 1e9);
    if (t.messagesFailed() > 0) {
      out.printf(
          Locale.ROOT,
          "%,d %s could not be rendered; their notes say so%n",
          t.messagesFailed(),
          t.messagesFailed() == 1 ? "message" : "messages");
    }
    out.printf(
        Locale.ROOT,
        "Media: %,d copied (%s), %,d duplicates avoided, %,d missing, %,d refused%n",
        t.mediaFiles(),
        ByteSizes.iec(t.mediaBytes()),
        r.duplicates(),
        t.mediaMissing(),
        t.mediaRefused());
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof NoSuchFileException) {
      return "no such file or folder: " + m;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + m;
    }
    if (e instanceof java.nio.file.FileSystemException && m != null) {
      return m;
    }
    return m == null ? kind : kind + ": " + m;
  }

  /** The values of {@code --type}. */
  static final class ChatTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ExportOptions.CHAT_TYPES.iterator();
    }
  }
}
