package dev.tgmd.report;

import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.FailureReport;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.QueueReport;
import dev.tgmd.recording.StageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed reports for tests: every figure set by hand, nothing depends on time or machine. */
final class Reports {

  private Reports() {}

  static final Instant STARTED = Instant.parse("2024-05-01T10:00:00.125Z");

  /** A completed run with three stages, a queue, resources, two caches, failures and chats. */
  static MetricsReport before() {
    Map<String, StageReport> stages = new LinkedHashMap<>();
    stages.put(
        "fetch",
        new StageReport(
            12_345, 0, 1.2345, 0.000012, 0.0021, 0.00008, 0.00025, 0.0009, 1, 12.5, 772));
    stages.put(
        "process",
        new StageReport(12_345, 2, 21.5, 0.00011, 0.045, 0.0015, 0.0041, 0.012, 2, 12.5, 772));
    stages.put(
        "write-notes-and-media-files",
        new StageReport(3, 0, 0.5, 0.1, 0.25, 0.15, 0.25, 0.25, 1, 12.5, 3));
    Map<String, QueueReport> queues = new LinkedHashMap<>();
    queues.put("fetch->process", new QueueReport(64, 64));
    queues.put("process->write", new QueueReport(3, 0));
    Map<String, CacheReport> caches = new LinkedHashMap<>();
    caches.put("media-dedup", new CacheReport(1_200, 120, 0, 120, 47_815_065));
    caches.put("reply-snippets", new CacheReport(0, 0, 0, 0, 0));
    List<FailureReport> first = new ArrayList<>();
    first.add(
        new FailureReport(
            "process",
            "message 42 in chat Alice",
            "IllegalStateException: unknown entity type spoiler2"));
    first.add(new FailureReport("process", "message 97 in chat Work", "NullPointerException"));
    return new MetricsReport(
        MetricsReport.SCHEMA_VERSION,
        ToolInfo.tgmd("0.1.0"),
        new RunInfo(
            RunStatus.COMPLETED,
            null,
            STARTED,
            STARTED.plusMillis(12_750),
            12.75,
            "/exports/Telegram Desktop/ChatExport_2024-05-01",
            "/notes/telegram",
            Map.of("threads", "2", "media", "copy", "metrics", "on")),
        new TotalsReport(3, 12_345, 2, 3, 120, 47_815_065, 1, 0, 52_531_456),
        stages,
        queues,
        resources(25, 95.25, 180.5, 400.125, 512.25, ResourceReport.PEAK_FROM_VMHWM, 12L),
        caches,
        new FailuresReport(2, first),
        List.of(
            new ChatReport(
                4_000_000_001L, "Alice", "personal_chat", 10_000, 1, 100, 9.5, "completed"),
            new ChatReport(
                4_000_000_002L, "Work", "private_supergroup", 2_340, 1, 20, 2.75, "completed"),
            new ChatReport(4_000_000_003L, "", "saved_messages", 5, 1, 0, 0.5, "completed")));
  }

  /** The same export with a second process worker: faster, more memory, one stage renamed. */
  static MetricsReport after() {
    Map<String, StageReport> stages = new LinkedHashMap<>();
    stages.put(
        "fetch",
        new StageReport(12_345, 0, 1.3, 0.000012, 0.0022, 0.00008, 0.00026, 0.0009, 1, 8.0, 772));
    stages.put(
        "process",
        new StageReport(12_345, 0, 22.0, 0.00011, 0.05, 0.0016, 0.0042, 0.013, 4, 8.0, 772));
    stages.put("write", new StageReport(3, 0, 0.75, 0.1, 0.3, 0.2, 0.3, 0.3, 1, 8.0, 3));
    Map<String, CacheReport> caches = new LinkedHashMap<>();
    caches.put("media-dedup", new CacheReport(1_300, 20, 5, 115, 45_000_000));
    return new MetricsReport(
        MetricsReport.SCHEMA_VERSION,
        ToolInfo.tgmd("0.1.0"),
        new RunInfo(
            RunStatus.COMPLETED,
            null,
            STARTED.plusSeconds(3600),
            STARTED.plusSeconds(3600).plusMillis(8_250),
            8.25,
            "/exports/Telegram Desktop/ChatExport_2024-05-01",
            "/notes/telegram",
            Map.of("threads", "4", "media", "copy", "metrics", "on")),
        new TotalsReport(3, 12_345, 0, 3, 120, 47_815_065, 1, 0, 52_531_456),
        stages,
        Map.of(),
        resources(17, 190.5, 199.0, 610.0, 700.5, ResourceReport.PEAK_FROM_VMHWM, 0L),
        caches,
        FailuresReport.none(),
        List.of(
            new ChatReport(
                4_000_000_001L, "Alice", "personal_chat", 10_000, 1, 100, 6.0, "completed"),
            new ChatReport(
                4_000_000_002L, "Work", "private_supergroup", 2_340, 1, 20, 1.75, "completed"),
            new ChatReport(4_000_000_003L, "", "saved_messages", 5, 1, 0, 0.5, "completed")));
  }

  static ResourceReport resources(
      long samples,
      double cpuAvg,
      double cpuPeak,
      double rssAvg,
      double rssPeak,
      String source,
      Long gc) {
    List<ResourceSample> series = new ArrayList<>();
    series.add(
        new ResourceSample(0.25, null, null, 150.0, 40.0, 64.0, 0L, 0.0, 12, 0.0, 0.0, 0.0, 0.0));
    series.add(
        new ResourceSample(
            5.25,
            cpuPeak,
            cpuPeak / 2,
            rssPeak,
            300.0,
            400.0,
            gc,
            0.345,
            24,
            1.25,
            50.0,
            0.0,
            0.0));
    return new ResourceReport(
        5.0,
        STARTED,
        12.5,
        samples,
        0.45,
        2,
        cpuAvg,
        cpuPeak,
        cpuAvg / 2,
        cpuPeak / 2,
        rssAvg,
        rssPeak,
        source,
        300.0,
        400.0,
        gc,
        0.345,
        24,
        1.25,
        50.0,
        0.0,
        0.0078125,
        series);
  }

  /** A report where nothing happened: no stages, no caches, no chats, no resources. */
  static MetricsReport empty() {
    return MetricsReport.assemble(
        ToolInfo.tgmd("0.1.0"),
        new RunInfo(
            RunStatus.FAILED,
            "NoSuchFileException: /exports/result.json",
            STARTED,
            STARTED,
            0,
            "/exports",
            "/notes",
            Map.of()),
        TotalsReport.zero(),
        MetricsSnapshot.empty(),
        null,
        List.of());
  }
}
