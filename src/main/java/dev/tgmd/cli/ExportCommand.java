package dev.tgmd.cli;

import dev.tgmd.export.ExportOptions;
import dev.tgmd.export.ExportRun;
import dev.tgmd.export.Exporter;
import dev.tgmd.export.Measurement;
import dev.tgmd.export.MediaMode;
import dev.tgmd.export.RunClock;
import dev.tgmd.export.RunOutcome;
import dev.tgmd.layout.Split;
import dev.tgmd.render.Flavor;
import dev.tgmd.report.BriefSummary;
import dev.tgmd.report.ProgressEvents;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.SummaryFormatter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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
          + "OUT/export_metrics.json, drawn as a page to open in a browser in "
          + "OUT/export_metrics.html (offline: no script, nothing fetched).",
      "",
      "OUT is a vault (unless --no-archive): every export run into it is kept in "
          + "OUT/.tgmd/archive.sqlite and the notes are made from all of them; a note is written "
          + "only when it changes, and a note you edited is kept, tgmd's version beside it as "
          + "'NAME (tgmd).md'.",
      "",
      "For scheduled runs: --progress json prints JSON lines on standard error (status, error,"
          + " one summary last); --openmetrics FILE writes the run's figures for a metrics"
          + " collector (node_exporter's textfile collector). See docs/metrics.md.",
      "",
      "The summary goes to standard output (at most 20 lines, --summary full for every"
          + " table; missing and refused media are listed in it when few, and always in"
          + " OUT/export_missing_media.txt); progress and logs to standard error. Ctrl-C (or "
          + "SIGTERM) stops the run gracefully: the notes written stay whole, the chat being read "
          + "is finished and marked partial; a second Ctrl-C exits at once.",
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand TgmdCommand parent;

  /** What INPUT may be, for every command that reads an export. */
  static final String INPUT_DESCRIPTION =
      "The export folder, or its result.json; or a chat's HTML export folder, or one of its"
          + " pages.";

  @Parameters(index = "0", paramLabel = "INPUT", description = INPUT_DESCRIPTION)
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
      description =
          "Export only this chat: its id (as 'tgmd chats INPUT' lists it, or the Bot API's -100..."
              + " or -... form), its whole name or a part of it, ignoring case; repeat for more."
              + " A value naming no chat or several stops the run (exit 2) with the candidates"
              + " listed. Names are matched in a first pass over the chats' headers. Default:"
              + " every chat.")
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
      names = "--no-archive",
      negatable = false,
      description =
          "Keep no archive: a one-shot conversion. By default OUT is a vault: every message of"
              + " every export run into it is kept in OUT/.tgmd/archive.sqlite and the notes are"
              + " made from all of them.")
  boolean noArchive;

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
      names = "--summary",
      paramLabel = "WHAT",
      defaultValue = "brief",
      description =
          "What to print at the end: brief (the default: at most 20 lines of 80 columns: what was"
              + " exported where, the time, missing media, the bottleneck, where the metrics are) or"
              + " full (every metrics table, as 'tgmd metrics show' prints them).")
  SummaryMode summary;

  @Option(
      names = "--openmetrics",
      paramLabel = "FILE",
      description =
          "Also write the run's figures to FILE in the OpenMetrics text format (atomically, on"
              + " every outcome), e.g. for node_exporter's textfile collector:"
              + " /var/lib/node_exporter/textfile/tgmd.prom. Needs the metrics (not with"
              + " --no-metrics).")
  Path openMetrics;

  /** The values of {@code --progress}. */
  enum ProgressMode {
    auto,
    bar,
    lines,
    json,
    none
  }

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "How progress shows on standard error: ${COMPLETION-CANDIDATES}. auto (the default): a"
              + " bar on a terminal, a line every 5 s otherwise, nothing with --quiet; json: one"
              + " JSON object per line (a status every second, an error per failed item, one"
              + " summary last; no log lines), even with --quiet.")
  ProgressMode progress = ProgressMode.auto;

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
    // The run's one clock times it from the process's start (what a user waits for, Java's start
    // included) to the end, metrics on or off.
    RunClock clock = RunClock.startedAt(env.processStart(), env.clock());
    boolean json = progress == ProgressMode.json;
    // JSON lines alone on standard error: log lines would break them (warnings are still counted)
    LogSetup.level(quiet || json, verbose && !json);
    ExportRun run;
    try {
      ExportOptions options = options();
      checkOut(out);
      if (!noMetrics && metricsInterval.compareTo(Measurement.MIN_INTERVAL) < 0) {
        throw new IllegalArgumentException(
            "--metrics-interval must be at least 100ms: " + metricsInterval.toMillis() + "ms");
      }
      Measurement measurement = noMetrics ? Measurement.off() : Measurement.every(metricsInterval);
      if (openMetrics != null) {
        measurement = measurement.withOpenMetrics(openMetrics);
      }
      run =
          json
              ? new ExportRun(
                  options,
                  measurement,
                  clock,
                  TgmdCommand.version(),
                  failure -> {
                    err.println(ProgressEvents.error(failure));
                    err.flush();
                  })
              : new ExportRun(options, measurement, clock, TgmdCommand.version());
    } catch (IllegalArgumentException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCode.BAD_INPUT.code();
    }
    AtomicInteger signal = new AtomicInteger();
    ProgressReporter.Mode mode =
        switch (progress) {
          case auto ->
              quiet
                  ? ProgressReporter.Mode.NONE
                  : env.terminal() ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.LINES;
          case bar -> ProgressReporter.Mode.BAR;
          case lines -> ProgressReporter.Mode.LINES;
          case json -> ProgressReporter.Mode.JSON;
          case none -> ProgressReporter.Mode.NONE;
        };
    RunOutcome outcome;
    try (AutoCloseable signals =
            env.signals()
                .onStop(
                    sig -> {
                      signal.compareAndSet(0, sig);
                      run.cancel(
                          "stopped by "
                              + (ExitCode.stoppedBy(sig) == ExitCode.TERMINATED
                                  ? "SIGTERM"
                                  : "SIGINT (Ctrl-C)"));
                    });
        ProgressReporter reporter =
            ProgressReporter.start(mode, run::progress, err, json ? 1 : 5)) {
      outcome = run.run();
    } catch (Exception e) { // closing the signal handlers or the progress reporter
      err.println("tgmd: unexpected error: " + e);
      return ExitCode.FAILURE.code();
    }
    List<String> problems = new ArrayList<>(2);
    outcome.failure().ifPresent(f -> problems.add(f.message()));
    outcome.reportError().ifPresent(problems::add);
    ExitCode code = exitCode(outcome, signal.get());
    if (outcome.hasSummary() && outcome.nothingMatched()) {
      code = ExitCode.BAD_INPUT;
      problems.add(
          "no message matched the filters (--chat, --type, --since, --until): no note was"
              + " written"
              + outcome.reportFile().map(f -> " (the run's metrics are in " + f + ")").orElse(""));
    }
    if (json) {
      err.println(summary(outcome, code, problems));
      err.flush();
    } else {
      problems.forEach(p -> err.println("tgmd: " + p));
    }
    if (!outcome.hasSummary() || outcome.nothingMatched()) {
      return code.code(); // nothing was exported: the error line says it all
    }
    if (summary == SummaryMode.full) {
      stdout.print(outcome.headline());
      boolean color = env.terminal() && colorAllowed(env);
      outcome
          .report()
          .ifPresent(
              r -> {
                stdout.println();
                stdout.print(SummaryFormatter.withColor(color).format(r));
              });
    } else {
      stdout.print(brief(outcome).format(SUMMARY_COLUMNS));
    }
    stdout.flush();
    return code.code();
  }

  /** The width the brief summary fits: a terminal's usual 80 columns. */
  static final int SUMMARY_COLUMNS = 80;

  /** What {@code --summary} takes. */
  enum SummaryMode {
    brief,
    full
  }

  /** The default summary of a run: a screen at most (see {@link BriefSummary}). */
  static BriefSummary brief(RunOutcome outcome) {
    Exporter.MediaProblems media = outcome.mediaProblems();
    List<String> warnings = new ArrayList<>();
    outcome
        .report()
        .ifPresent(
            r -> {
              long others = r.failures().count() - media.count();
              if (others > 0) {
                warnings.add(
                    others
                        + (others == 1 ? " other failure" : " other failures")
                        + " (messages, the input): see the metrics file");
              }
            });
    outcome.reportError().ifPresent(warnings::add);
    return new BriefSummary(
        outcome.headline(),
        media.count(),
        media.first(),
        media.file() == null ? null : media.file().toString(),
        outcome.report().orElse(null),
        outcome.reportFile().map(Path::toString).orElse(null),
        warnings);
  }

  /** The JSON summary line of a run: see {@link ProgressEvents#summary}. */
  static String summary(RunOutcome outcome, ExitCode code, List<String> problems) {
    String message =
        problems.isEmpty()
            ? outcome.status() == RunStatus.INTERRUPTED
                ? outcome.report().map(r -> r.run().error()).orElse("stopped")
                : null
            : String.join("; ", problems);
    return ProgressEvents.summary(
        outcome.status(),
        code.code(),
        message,
        outcome.report().map(r -> r.run().durationS()).orElse(outcome.seconds()),
        outcome.totals(),
        outcome.report().orElse(null),
        outcome.reportFile().map(Path::toString).orElse(null));
  }

  /** The one exit code of a run. */
  static ExitCode exitCode(RunOutcome outcome, int signal) {
    if (outcome.failure().isPresent()) {
      return switch (outcome.failure().get().kind()) {
        case BAD_INPUT -> ExitCode.BAD_INPUT;
        case IO, UNEXPECTED -> ExitCode.FAILURE;
      };
    }
    return switch (outcome.status()) {
      case INTERRUPTED -> ExitCode.stoppedBy(signal);
      case COMPLETED ->
          outcome.totals().messagesFailed() > 0 ? ExitCode.SOME_MESSAGES_FAILED : ExitCode.OK;
      case FAILED -> ExitCode.FAILURE;
    };
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
        replyIndexSize,
        !noArchive);
  }

  /** The values of {@code --type}. */
  static final class ChatTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ExportOptions.CHAT_TYPES.iterator();
    }
  }
}
