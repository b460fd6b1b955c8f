package dev.tgmd.report;

import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.FailureReport;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.QueueReport;
import dev.tgmd.recording.StageReport;
import dev.tgmd.units.ByteSizes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns a {@link MetricsReport} into a summary for people: the run, its totals, a stage table (the
 * bottleneck marked with {@code *}), queues, a resource block, a cache table and the first
 * failures. Columns stay aligned whatever the names and figures; every figure shows its unit; a
 * figure that is unknown shows {@code -}. Thread-safe and immutable.
 *
 * <p>Plain text unless color was asked for: the caller decides (a terminal that supports it, and
 * NO_COLOR unset), the formatter never looks at the environment.
 */
public final class SummaryFormatter {

  private final TextStyle style;

  private SummaryFormatter(TextStyle style) {
    this.style = style;
  }

  /** A formatter writing plain text. */
  public static SummaryFormatter plain() {
    return new SummaryFormatter(TextStyle.PLAIN);
  }

  /** A formatter writing ANSI colors when {@code color} is true, plain text otherwise. */
  public static SummaryFormatter withColor(boolean color) {
    return new SummaryFormatter(TextStyle.of(color));
  }

  /** The summary, lines ending with {@code \n}. */
  public String format(MetricsReport report) {
    StringBuilder out = new StringBuilder();
    run(out, report);
    totals(out, report.totals());
    stages(out, report);
    queues(out, report.queues());
    resources(out, report.resources());
    caches(out, report.caches());
    failures(out, report.failures());
    chats(out, report);
    return out.toString();
  }

  private void run(StringBuilder out, MetricsReport report) {
    RunInfo run = report.run();
    String status = run.status().key();
    String coloredStatus =
        run.status() == RunStatus.COMPLETED ? style.green(status) : style.red(status);
    out.append(style.bold(report.tool().name() + " " + report.tool().version()))
        .append(" run ")
        .append(coloredStatus)
        .append(" in ")
        .append(FigureText.seconds(run.durationS()))
        .append('\n');
    TextTable t = new TextTable("<", "<");
    if (run.error() != null) {
      t.row(style::red, "error", run.error());
    }
    t.row("started", run.startedAt().toString());
    t.row("finished", run.finishedAt().toString());
    t.row("input", run.input());
    t.row("output", run.output());
    t.row(
        "options",
        run.options().isEmpty()
            ? FigureText.NONE
            : run.options().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    appendHeadless(out, t);
  }

  private void totals(StringBuilder out, TotalsReport totals) {
    section(out, "Totals");
    TextTable t = new TextTable("<", ">", "<");
    t.row("chats", FigureText.count(totals.chats()), "");
    t.row("messages", FigureText.count(totals.messages()), "(service messages included)");
    t.row(
        totals.messagesFailed() > 0 ? style::red : UnaryOperator.identity(),
        "failed messages",
        FigureText.count(totals.messagesFailed()),
        "");
    t.row("notes", FigureText.count(totals.notes()), "");
    t.row("media files", FigureText.count(totals.mediaFiles()), ByteSizes.iec(totals.mediaBytes()));
    t.row("media missing", FigureText.count(totals.mediaMissing()), "");
    t.row("media refused", FigureText.count(totals.mediaRefused()), "");
    t.row("written", ByteSizes.iec(totals.bytesWritten()), "");
    t.row(
        "vault messages",
        FigureText.count(totals.messagesNew()),
        String.format(
            java.util.Locale.ROOT,
            "new; %,d changed, %,d unchanged, %,d older than kept",
            totals.messagesUpdated(),
            totals.messagesUnchanged(),
            totals.messagesKeptNewer()));
    t.row(
        totals.notesKeptEdited() > 0 ? style::red : UnaryOperator.identity(),
        "vault notes",
        FigureText.count(totals.notesWritten()),
        String.format(
            java.util.Locale.ROOT,
            "written; %,d unchanged, %,d kept (you edited them), %,d removed",
            totals.notesUnchanged(),
            totals.notesKeptEdited(),
            totals.notesRemoved()));
    appendHeadless(out, t);
  }

  private void stages(StringBuilder out, MetricsReport report) {
    section(out, "Stages");
    if (report.stages().isEmpty()) {
      out.append("  none recorded\n");
      return;
    }
    String bottleneck = report.bottleneck();
    TextTable t =
        new TextTable(
            "<  stage",
            ">items",
            ">errors",
            ">busy",
            ">avg/item",
            ">p95/item",
            ">throughput",
            ">util",
            ">workers");
    for (Map.Entry<String, StageReport> e : report.stages().entrySet()) {
      StageReport s = e.getValue();
      boolean isBottleneck = e.getKey().equals(bottleneck);
      t.row(
          isBottleneck ? style::yellow : UnaryOperator.identity(),
          (isBottleneck ? "* " : "  ") + e.getKey(),
          FigureText.count(s.count()),
          FigureText.count(s.errors()),
          FigureText.seconds(s.totalS()),
          FigureText.seconds(s.avgS()),
          FigureText.seconds(s.p95S()),
          FigureText.rate(s.throughputPerS()),
          FigureText.fraction(s.utilization()),
          String.valueOf(s.workers()));
    }
    t.appendTo(out, "", style::dim);
    if (bottleneck != null) {
      out.append("  * bottleneck: ")
          .append(bottleneck)
          .append(", the busiest stage (")
          .append(FigureText.fraction(report.stages().get(bottleneck).utilization()))
          .append(" utilization)\n");
    }
    out.append(
        style.dim(
            "  busy: time spent working, summed over workers; avg: busy per item;"
                + " p95: sampled items\n"));
  }

  private void queues(StringBuilder out, Map<String, QueueReport> queues) {
    if (queues.isEmpty()) {
      return;
    }
    section(out, "Queues");
    TextTable t = new TextTable("<queue", ">max depth", ">capacity");
    queues.forEach(
        (name, q) ->
            t.row(
                q.capacity() > 0 && q.maxDepth() >= q.capacity()
                    ? style::yellow
                    : UnaryOperator.identity(),
                name,
                FigureText.count(q.maxDepth()),
                q.capacity() == 0 ? "unbounded" : FigureText.count(q.capacity())));
    t.appendTo(out, "  ", style::dim);
  }

  private void resources(StringBuilder out, ResourceReport r) {
    if (r == null) {
      section(out, "Resources");
      out.append("  not monitored\n");
      return;
    }
    section(
        out,
        "Resources ("
            + FigureText.count(r.sampleCount())
            + (r.sampleCount() == 1 ? " sample" : " samples")
            + " every "
            + FigureText.seconds(r.intervalS())
            + ", over "
            + FigureText.seconds(r.durationS())
            + ")");
    TextTable t = new TextTable("<", "<");
    t.row(
        "CPU",
        "avg "
            + FigureText.percent(r.cpuPercentAvg())
            + ", peak "
            + FigureText.percent(r.cpuPercentPeak())
            + " of one core (avg "
            + FigureText.percent(r.cpuMachinePercentAvg())
            + ", peak "
            + FigureText.percent(r.cpuMachinePercentPeak())
            + " of "
            + r.cores()
            + (r.cores() == 1 ? " core)" : " cores)"));
    t.row(
        "RSS",
        "avg "
            + FigureText.mb(r.rssMbAvg())
            + ", peak "
            + FigureText.mb(r.rssMbPeak())
            + (ResourceReport.PEAK_FROM_VMHWM.equals(r.rssPeakSource()) ? " (VmHWM)" : ""));
    t.row(
        "heap",
        "peak "
            + FigureText.mb(r.heapMbPeak())
            + " used, "
            + FigureText.mb(r.heapCommittedMbPeak())
            + " committed");
    t.row(
        "GC",
        (r.gcCount() == null ? FigureText.NONE : FigureText.count(r.gcCount()))
            + (Long.valueOf(1).equals(r.gcCount()) ? " collection, " : " collections, ")
            + FigureText.seconds(r.gcTimeS()));
    t.row(
        "threads",
        "peak " + (r.threadsPeak() == null ? FigureText.NONE : FigureText.count(r.threadsPeak())));
    t.row(
        "disk",
        "read " + FigureText.mb(r.diskReadMb()) + ", written " + FigureText.mb(r.diskWriteMb()));
    t.row(
        "network",
        "received "
            + FigureText.mb(r.netRecvMb())
            + ", sent "
            + FigureText.mb(r.netSentMb())
            + " (machine)");
    t.row("sampling", FigureText.seconds(r.overheadS()) + " spent taking samples");
    appendHeadless(out, t);
  }

  private void caches(StringBuilder out, Map<String, CacheReport> caches) {
    if (caches.isEmpty()) {
      return;
    }
    section(out, "Caches");
    TextTable t =
        new TextTable("<cache", ">hits", ">misses", ">hit rate", ">evictions", ">entries", ">size");
    caches.forEach(
        (name, c) ->
            t.row(
                name,
                FigureText.count(c.hits()),
                FigureText.count(c.misses()),
                FigureText.percent(c.hitRatePct()),
                FigureText.count(c.evictions()),
                FigureText.count(c.entries()),
                ByteSizes.iec(c.sizeBytes())));
    t.appendTo(out, "  ", style::dim);
  }

  private void failures(StringBuilder out, FailuresReport failures) {
    if (failures.count() == 0) {
      return;
    }
    section(
        out,
        "Failures: "
            + FigureText.count(failures.count())
            + (failures.first().size() < failures.count()
                ? " (the first " + failures.first().size() + " below)"
                : ""));
    TextTable t = new TextTable("<stage", "<item", "<error");
    for (FailureReport f : failures.first()) {
      t.row(f.stage(), f.item(), f.error());
    }
    t.appendTo(out, "  ", style::dim);
  }

  private void chats(StringBuilder out, MetricsReport report) {
    if (report.chats().isEmpty()) {
      return;
    }
    Map<String, Long> byStatus =
        report.chats().stream()
            .collect(
                Collectors.groupingBy(ChatReport::status, TreeMap::new, Collectors.counting()));
    out.append('\n')
        .append(style.cyan("Chats"))
        .append(": ")
        .append(FigureText.count(report.chats().size()))
        .append(" (")
        .append(
            byStatus.entrySet().stream()
                .map(e -> FigureText.count(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", ")))
        .append(")\n");
  }

  private void section(StringBuilder out, String title) {
    out.append('\n').append(style.cyan(title)).append('\n');
  }

  private static void appendHeadless(StringBuilder out, TextTable t) {
    StringBuilder b = new StringBuilder();
    t.appendTo(b, "  ", UnaryOperator.identity());
    // Drop the empty header line of a table without headers.
    int firstNewline = b.indexOf("\n");
    out.append(b, firstNewline + 1, b.length());
  }
}
