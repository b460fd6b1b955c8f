package dev.tgmd.report;

import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.QueueReport;
import dev.tgmd.recording.StageReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A run's figures in the OpenMetrics text format, for {@code tgmd export --openmetrics FILE} (read
 * by node_exporter's textfile collector, for one): every family with its {@code # TYPE}, {@code #
 * UNIT} (in base units: seconds, bytes) and {@code # HELP}, counters ending in {@code _total}, only
 * low-cardinality labels ({@code stage}, {@code queue}, {@code cache}; never a chat), {@code # EOF}
 * last. Made from the same {@link MetricsReport} as {@code export_metrics.json}, each figure
 * written as there (MiB turned into bytes), so the two agree. Pure and thread-safe.
 */
public final class OpenMetricsText {

  private static final double MIB = 1 << 20;

  private OpenMetricsText() {}

  /** The run's metrics. */
  public static String of(MetricsReport r) {
    Text t = new Text();
    run(t, r.tool().version(), r.run().status(), r.run().finishedAt(), r.run().durationS());
    for (Total total : Total.values()) {
      String key = total == Total.BYTES_WRITTEN ? "written_bytes" : total.key();
      t.family("tgmd_" + key, "counter", key.endsWith("_bytes") ? "bytes" : null, help(total));
      t.sample("tgmd_" + key + "_total", null, null, Long.toString(r.totals().get(total)));
    }
    stages(t, r.stages());
    queues(t, r.queues());
    caches(t, r.caches());
    t.family(
        "tgmd_failures", "counter", null, "Items that failed: messages, missing or refused files.");
    t.sample("tgmd_failures_total", null, null, Long.toString(r.failures().count()));
    ResourceReport res = r.resources();
    if (res != null) {
      gauge(t, "tgmd_peak_rss_bytes", "bytes", "Peak resident set size.", bytes(res.rssMbPeak()));
      gauge(t, "tgmd_peak_heap_bytes", "bytes", "Peak JVM heap in use.", bytes(res.heapMbPeak()));
      gauge(
          t,
          "tgmd_cpu_average_ratio",
          "ratio",
          "Average CPU use over the run, in cores (1 = one core busy).",
          res.cpuPercentAvg() == null ? null : res.cpuPercentAvg() / 100);
      if (res.gcTimeS() != null) {
        t.family("tgmd_gc_seconds", "counter", "seconds", "Seconds spent in garbage collection.");
        t.sample("tgmd_gc_seconds_total", null, null, ReportWriter.plain(res.gcTimeS()));
      }
      if (res.gcCount() != null) {
        t.family("tgmd_gc_collections", "counter", null, "Garbage collections.");
        t.sample("tgmd_gc_collections_total", null, null, Long.toString(res.gcCount()));
      }
    }
    return t.end();
  }

  /**
   * The metrics of a run that failed before it began (no export there, OUT refused): no report, but
   * a collector still sees that the last run failed, when and after how long.
   */
  public static String failedBeforeStart(String version, Instant finishedAt, double durationS) {
    Text t = new Text();
    run(t, version, RunStatus.FAILED, finishedAt, durationS);
    return t.end();
  }

  private static void run(
      Text t, String version, RunStatus status, Instant finishedAt, double durationS) {
    t.family("tgmd", "info", null, "The tgmd that ran.");
    t.sample("tgmd_info", "version", version, "1");
    t.family(
        "tgmd_last_run_timestamp_seconds",
        "gauge",
        "seconds",
        "When the last run ended, in seconds since the epoch.");
    t.sample(
        "tgmd_last_run_timestamp_seconds",
        null,
        null,
        BigDecimal.valueOf(finishedAt.toEpochMilli(), 3).stripTrailingZeros().toPlainString());
    gauge(
        t,
        "tgmd_run_duration_seconds",
        "seconds",
        "How long the last run took, from the process's start.",
        durationS);
    t.family("tgmd_run_success", "gauge", null, "1 when the last run completed, else 0.");
    t.sample("tgmd_run_success", null, null, status == RunStatus.COMPLETED ? "1" : "0");
    t.family("tgmd_run_status", "stateset", null, "How the last run ended.");
    for (RunStatus s : RunStatus.values()) {
      t.sample("tgmd_run_status", "tgmd_run_status", s.key(), s == status ? "1" : "0");
    }
  }

  private static void stages(Text t, Map<String, StageReport> stages) {
    if (stages.isEmpty()) {
      return;
    }
    counters(
        t, stages, "stage", "tgmd_stage_items", null, "Items a stage handled.", s -> s.count());
    counters(
        t,
        stages,
        "stage",
        "tgmd_stage_errors",
        null,
        "Items that failed in a stage.",
        s -> s.errors());
    t.family("tgmd_stage_busy_seconds", "counter", "seconds", "Busy time of a stage, all workers.");
    for (Map.Entry<String, StageReport> e : stages.entrySet()) {
      t.sample(
          "tgmd_stage_busy_seconds_total",
          "stage",
          e.getKey(),
          ReportWriter.plain(e.getValue().totalS()));
    }
    gauges(
        t,
        stages,
        "tgmd_stage_wall_seconds",
        "seconds",
        "Wall time a stage ran.",
        StageReport::wallS);
    t.family(
        "tgmd_stage_utilization_ratio",
        "gauge",
        "ratio",
        "Busy time over available time of a stage, 0 to 1.");
    for (Map.Entry<String, StageReport> e : stages.entrySet()) {
      Double u = e.getValue().utilization();
      if (u != null) {
        t.sample("tgmd_stage_utilization_ratio", "stage", e.getKey(), ReportWriter.plain(u));
      }
    }
    gauges(t, stages, "tgmd_stage_workers", null, "Threads working in a stage.", s -> s.workers());
  }

  private static void queues(Text t, Map<String, QueueReport> queues) {
    if (queues.isEmpty()) {
      return;
    }
    t.family("tgmd_queue_max_depth", "gauge", null, "The most items seen waiting in a queue.");
    for (Map.Entry<String, QueueReport> e : queues.entrySet()) {
      t.sample("tgmd_queue_max_depth", "queue", e.getKey(), Long.toString(e.getValue().maxDepth()));
    }
    t.family("tgmd_queue_capacity", "gauge", null, "A queue's capacity (0: unbounded).");
    for (Map.Entry<String, QueueReport> e : queues.entrySet()) {
      t.sample("tgmd_queue_capacity", "queue", e.getKey(), Long.toString(e.getValue().capacity()));
    }
  }

  private static void caches(Text t, Map<String, CacheReport> caches) {
    if (caches.isEmpty()) {
      return;
    }
    counters(
        t,
        caches,
        "cache",
        "tgmd_cache_hits",
        null,
        "Lookups that found their entry.",
        CacheReport::hits);
    counters(
        t,
        caches,
        "cache",
        "tgmd_cache_misses",
        null,
        "Lookups that did not find their entry.",
        CacheReport::misses);
    counters(
        t,
        caches,
        "cache",
        "tgmd_cache_evictions",
        null,
        "Entries dropped to keep a cache bounded.",
        CacheReport::evictions);
    t.family("tgmd_cache_size_bytes", "gauge", "bytes", "A cache's size as last reported.");
    for (Map.Entry<String, CacheReport> e : caches.entrySet()) {
      t.sample(
          "tgmd_cache_size_bytes", "cache", e.getKey(), Long.toString(e.getValue().sizeBytes()));
    }
  }

  /** One counter family, a sample for each of {@code rows} labelled {@code label}. */
  private static <R> void counters(
      Text t,
      Map<String, R> rows,
      String label,
      String name,
      String unit,
      String help,
      Function<R, Long> f) {
    t.family(name, "counter", unit, help);
    for (Map.Entry<String, R> e : rows.entrySet()) {
      t.sample(name + "_total", label, e.getKey(), Long.toString(f.apply(e.getValue())));
    }
  }

  private static void gauges(
      Text t,
      Map<String, StageReport> stages,
      String name,
      String unit,
      String help,
      ToDoubleFunction<StageReport> f) {
    t.family(name, "gauge", unit, help);
    for (Map.Entry<String, StageReport> e : stages.entrySet()) {
      double v = f.applyAsDouble(e.getValue());
      t.sample(
          name,
          "stage",
          e.getKey(),
          v == Math.rint(v) && unit == null ? Long.toString((long) v) : ReportWriter.plain(v));
    }
  }

  private static void gauge(Text t, String name, String unit, String help, Double value) {
    if (value == null) {
      return;
    }
    t.family(name, "gauge", unit, help);
    t.sample(name, null, null, ReportWriter.plain(value));
  }

  /** MiB as whole bytes. */
  static Double bytes(Double mib) {
    return mib == null ? null : (double) Math.round(mib * MIB);
  }

  private static String help(Total total) {
    return switch (total) {
      case CHATS -> "Chats exported.";
      case MESSAGES -> "Messages exported, service messages included.";
      case MESSAGES_FAILED -> "Messages that could not be rendered.";
      case NOTES -> "Note files written.";
      case MEDIA_FILES -> "Media files copied (duplicates not counted).";
      case MEDIA_BYTES -> "Bytes of media copied.";
      case MEDIA_MISSING -> "Media files missing from the export.";
      case MEDIA_REFUSED -> "Media paths refused.";
      case BYTES_WRITTEN -> "Bytes of notes and media written.";
      case MESSAGES_NEW -> "Messages the vault did not hold before.";
      case MESSAGES_UPDATED -> "Messages that replaced the archived ones.";
      case MESSAGES_UNCHANGED -> "Messages the vault held already.";
      case MESSAGES_KEPT_NEWER -> "Messages whose archived version is newer.";
      case NOTES_WRITTEN -> "Note files written, new or changed.";
      case NOTES_UNCHANGED -> "Note files already as they should be.";
      case NOTES_KEPT_EDITED -> "Note files you changed, kept.";
      case NOTES_REMOVED -> "Note files removed.";
    };
  }

  /** The text being written. */
  private static final class Text {
    private final StringBuilder b = new StringBuilder(8192);

    void family(String name, String type, String unit, String help) {
      b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
      if (unit != null) {
        b.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
      }
      b.append("# HELP ").append(name).append(' ').append(escape(help, false)).append('\n');
    }

    void sample(String name, String label, String value, String number) {
      b.append(name);
      if (label != null) {
        b.append('{').append(label).append("=\"").append(escape(value, true)).append("\"}");
      }
      b.append(' ').append(number).append('\n');
    }

    String end() {
      return b.append("# EOF\n").toString();
    }

    /** Backslash and line break escaped, and in a label value the double quote too. */
    private static String escape(String s, boolean quote) {
      StringBuilder e = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> e.append("\\\\");
          case '\n' -> e.append("\\n");
          case '"' -> e.append(quote ? "\\\"" : "\"");
          default -> e.append(c);
        }
      }
      return e.toString();
    }
  }
}
