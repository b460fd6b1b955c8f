package dev.tgmd.cli;

import dev.tgmd.layout.AtomicFile;
import dev.tgmd.report.ComparisonFormatter;
import dev.tgmd.report.HtmlReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportException;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.SummaryFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tgmd metrics}: reads metrics reports ({@code export_metrics.json}) back, given as the file
 * or the folder holding it. {@code show FILE} prints a report's summary; {@code compare BEFORE
 * AFTER} prints two side by side with the change of each figure; with {@code --html OUT.html}
 * either draws the page of {@code export_metrics.html} instead. Exit codes: 0 when printed, 2 for a
 * bad file (missing, not JSON, another schema version, invalid) or bad usage, with a one-line
 * message {@code tgmd: <file>: <reason>} on the error stream.
 */
@Command(
    name = "metrics",
    description = "Shows or compares metrics reports (export_metrics.json).",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    subcommands = {MetricsCommand.Show.class, MetricsCommand.Compare.class})
public final class MetricsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** When to color the output. */
  enum ColorMode {
    auto,
    always,
    never;

    /**
     * Whether to color: always, never, or (auto) when the output is a terminal, NO_COLOR is unset
     * or empty and TERM is not {@code dumb}.
     */
    boolean enabled(Map<String, String> env, boolean terminal) {
      switch (this) {
        case always:
          return true;
        case never:
          return false;
        default:
          String noColor = env.get("NO_COLOR");
          return terminal
              && (noColor == null || noColor.isEmpty())
              && !"dumb".equals(env.get("TERM"));
      }
    }
  }

  /** The {@code --color} option shared by the subcommands. */
  static final class ColorOption {
    @Option(
        names = "--color",
        paramLabel = "WHEN",
        defaultValue = "auto",
        description = "Color the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ColorMode color = ColorMode.auto;

    boolean enabled() {
      return color.enabled(System.getenv(), Environment.isTerminal());
    }
  }

  /**
   * Reads a report (a folder stands for its {@code export_metrics.json}), or prints why it cannot
   * and returns null.
   */
  static MetricsReport read(Path file, PrintWriter err) {
    try {
      if (java.nio.file.Files.isDirectory(file)) {
        file = file.resolve(MetricsReportJson.FILE_NAME);
      }
      return MetricsReportJson.read(file);
    } catch (MetricsReportException e) {
      err.println("tgmd: " + e.getMessage());
      err.flush();
      return null;
    }
  }

  /**
   * Writes an HTML page atomically and says so on {@code out}; returns the exit code (2 with a line
   * on {@code err} when it cannot be written).
   */
  static int writePage(Path file, String html, PrintWriter out, PrintWriter err) {
    try {
      AtomicFile.write(file, html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("tgmd: cannot write " + file + ": " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    out.println("Wrote " + file);
    out.flush();
    return ExitCode.OK.code();
  }

  /** {@code tgmd metrics show FILE}. */
  @Command(
      name = "show",
      description = "Prints the summary of a metrics report: stages, resources, caches.",
      mixinStandardHelpOptions = true,
      versionProvider = TgmdCommand.Version.class)
  static final class Show implements Callable<Integer> {

    @Spec CommandSpec spec;

    @CommandLine.Mixin ColorOption color = new ColorOption();

    @Parameters(
        paramLabel = "FILE",
        description = "The report, e.g. out/export_metrics.json, or the folder holding it (out).")
    Path file;

    @Option(
        names = "--html",
        paramLabel = "OUT.html",
        description =
            "Draw the report as a self-contained HTML page (charts as inline SVG, like"
                + " export_metrics.html) into this file instead of printing the summary.")
    Path html;

    @Override
    public Integer call() {
      MetricsReport report = read(file, spec.commandLine().getErr());
      if (report == null) {
        return ExitCode.BAD_INPUT.code();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (html != null) {
        return writePage(html, HtmlReport.page(report), out, spec.commandLine().getErr());
      }
      out.print(SummaryFormatter.withColor(color.enabled()).format(report));
      out.flush();
      return ExitCode.OK.code();
    }
  }

  /** {@code tgmd metrics compare BEFORE AFTER}. */
  @Command(
      name = "compare",
      description = "Prints two metrics reports side by side with the change of each figure.",
      mixinStandardHelpOptions = true,
      versionProvider = TgmdCommand.Version.class)
  static final class Compare implements Callable<Integer> {

    @Spec CommandSpec spec;

    @CommandLine.Mixin ColorOption color = new ColorOption();

    @Parameters(
        index = "0",
        paramLabel = "BEFORE",
        description =
            "The report to compare from (a file, or the folder holding export_metrics.json).")
    Path before;

    @Parameters(
        index = "1",
        paramLabel = "AFTER",
        description =
            "The report to compare to (a file, or the folder holding export_metrics.json).")
    Path after;

    @Option(
        names = "--html",
        paramLabel = "OUT.html",
        description =
            "Draw both reports side by side as a self-contained HTML page into this file instead"
                + " of printing the comparison.")
    Path html;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      MetricsReport r0 = read(before, err);
      MetricsReport r1 = read(after, err);
      if (r0 == null || r1 == null) {
        return ExitCode.BAD_INPUT.code();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (html != null) {
        return writePage(
            html, HtmlReport.compare(before.toString(), r0, after.toString(), r1), out, err);
      }
      out.print(
          ComparisonFormatter.withColor(color.enabled())
              .format(before.toString(), r0, after.toString(), r1));
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
