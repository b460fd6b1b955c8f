package dev.tgmd.export;

import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.report.ChatReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.ResourceReport;
import dev.tgmd.report.RunInfo;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.ToolInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the metrics report of an export run from what the run recorded. Pure. */
public final class RunReport {

  private RunReport() {}

  /**
   * The report.
   *
   * @param error why the run failed or stopped; null when it completed
   * @param resources the resource monitor's report; null when it did not run
   * @param metricsInterval the resource sampling interval, for the options
   */
  public static MetricsReport build(
      String version,
      ExportOptions options,
      Duration metricsInterval,
      RunStatus status,
      String error,
      Instant startedAt,
      Instant finishedAt,
      double durationSeconds,
      MetricsSnapshot metrics,
      ResourceReport resources,
      List<ChatSummary> chats) {
    List<ChatReport> chatReports = new ArrayList<>(chats.size());
    for (ChatSummary c : chats) {
      chatReports.add(
          new ChatReport(
              c.chat().id(),
              c.name(),
              c.chat().type(),
              c.messages(),
              c.notes(),
              c.mediaFiles(),
              c.durationNanos() / 1e9,
              c.status().key()));
    }
    RunInfo run =
        new RunInfo(
            status,
            error,
            startedAt,
            finishedAt,
            durationSeconds,
            options.input().toString(),
            options.out().toString(),
            options(options, metricsInterval));
    return MetricsReport.assemble(
        ToolInfo.tgmd(version), run, ExportResult.totalsOf(chats), metrics, resources, chatReports);
  }

  /** The run's totals as a JSON object (for the vault's record of runs). */
  static String countsJson(dev.tgmd.report.TotalsReport totals) {
    return MetricsReportJson.totalsJson(totals);
  }

  /** The run's options as a JSON object (for the vault's record of runs). */
  static String optionsJson(ExportOptions o) {
    return MetricsReportJson.stringsJson(options(o, null));
  }

  /** The run's options by name, as the command line would say them. */
  static Map<String, String> options(ExportOptions o, Duration metricsInterval) {
    Map<String, String> m = new TreeMap<>();
    m.put("chat", o.chats().isEmpty() ? "all" : String.join(", ", o.chats()));
    m.put("type", o.types().isEmpty() ? "all" : String.join(", ", o.types()));
    m.put("since", o.since() == null ? "none" : o.since().toString());
    m.put("until", o.until() == null ? "none" : o.until().toString());
    m.put("split", o.split().name().toLowerCase(java.util.Locale.ROOT));
    m.put("flavor", o.flavor().name().toLowerCase(java.util.Locale.ROOT));
    m.put("timezone", o.zone().getId());
    m.put("media", o.media().key());
    m.put("workers", Integer.toString(o.workers()));
    m.put("batch_size", Integer.toString(o.batchSize()));
    m.put("reply_index_size", Integer.toString(o.replyIndexSize()));
    if (metricsInterval != null) {
      m.put("metrics_interval", metricsInterval.toMillis() / 1000.0 + " s");
    }
    return m;
  }
}
