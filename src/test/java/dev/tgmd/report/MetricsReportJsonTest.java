package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageReport;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.resources.ResourceMonitor;
import dev.tgmd.testing.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MetricsReportJsonTest {

  @TempDir Path dir;

  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** A report built from a real collector and a real monitor, as the exporter will build it. */
  static MetricsReport liveReport() throws Exception {
    MetricsCollector metrics = MetricsCollector.create();
    ResourceMonitor monitor = ResourceMonitor.create(Duration.ofMillis(100));
    monitor.start();
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    StageRecorder fetch = metrics.stage("fetch");
    StageRecorder process = metrics.stage("process");
    metrics.stage("write"); // a stage that saw nothing: nulls, no NaN
    StageTimer timer = fetch.newTimer();
    StageTimer worker = process.newTimer();
    for (int b = 0; b < 10; b++) {
      long start = timer.startBatch();
      long w = worker.startBatch();
      for (int i = 0; i < 100; i++) {
        long t = timer.startItem();
        Math.sqrt(i);
        timer.endItem(t);
        long u = worker.startItem();
        worker.endItem(u);
      }
      timer.endBatch(start, 100, 0);
      worker.endBatch(w, 100, b == 0 ? 1 : 0);
      metrics.recordQueueDepth("fetch->process", b, 16);
    }
    metrics.recordFailure("process", "message 1", new IllegalStateException("bad\nentity"));
    metrics.cache("media-dedup").hit();
    metrics.cache("media-dedup").miss();
    metrics.cache("reply-snippets");
    Thread.sleep(150);
    long wall = System.nanoTime() - t0;
    fetch.addWallNanos(wall);
    process.addWallNanos(wall);
    monitor.stop();
    RunInfo run =
        new RunInfo(
            RunStatus.COMPLETED,
            null,
            started,
            Instant.now(),
            wall / 1e9,
            "in",
            "out",
            Map.of("metrics", "on"));
    return MetricsReport.assemble(
        ToolInfo.tgmd("0.1.0"),
        run,
        new TotalsReport(1, 1_000, 0, 0, 0, 0, 0, 0, 0),
        metrics.snapshot(),
        monitor.report(),
        List.of(new ChatReport(1, "Alice", "personal_chat", 1_000, 1, 0, 0.1, "completed")));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLiveReportIsValidAgainstTheSchema() throws Exception {
    String json = MetricsReportJson.toJson(liveReport());
    assertThat(SchemaValidator.errors(json)).isEmpty();
    assertThat(json).doesNotContain("NaN", "Infinity", "E-", "E+");
  }

  @Test
  void fixedReportsAreValidAgainstTheSchema() {
    for (MetricsReport r : List.of(Reports.before(), Reports.after(), Reports.empty())) {
      assertThat(SchemaValidator.errors(MetricsReportJson.toJson(r))).isEmpty();
    }
  }

  @Test
  void aChatsStatusIsOneOfTheWordsTgmdWritesAndTheSchemaSaysSo() throws Exception {
    for (String status : List.of("completed", "interrupted", "failed")) {
      ChatReport chat = new ChatReport(1, "Alice", "personal_chat", 3, 1, 0, 0.1, status);
      assertThat(chat.status()).isEqualTo(status);
      ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
      ((ObjectNode) tree.get("chats").get(0)).put("status", status);
      assertThat(SchemaValidator.errors(PLAIN.writeValueAsString(tree))).as(status).isEmpty();
    }
    for (String other : List.of("ok", "skipped")) {
      assertThatThrownBy(() -> new ChatReport(1, "Alice", "personal_chat", 3, 1, 0, 0.1, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(other);
      ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
      ((ObjectNode) tree.get("chats").get(0)).put("status", other);
      assertThat(String.join("\n", SchemaValidator.errors(PLAIN.writeValueAsString(tree))))
          .as(other)
          .contains("status");
    }
  }

  @Test
  void theSchemaCatchesAMissingKeyAndAnUndocumentedOne() throws Exception {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("stages").get("fetch")).remove("p95_s");
    ((ObjectNode) tree.get("totals")).put("undocumented", 1);
    List<String> errors = SchemaValidator.errors(PLAIN.writeValueAsString(tree));
    assertThat(String.join("\n", errors)).contains("p95_s").contains("undocumented");
  }

  @Test
  void everyKeyTheIssueAsksForIsWrittenInTheDocumentedOrder() throws Exception {
    JsonNode tree = PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    assertThat(names(tree))
        .containsExactly(
            "schema_version",
            "tool",
            "run",
            "totals",
            "stages",
            "bottleneck",
            "queues",
            "resources",
            "caches",
            "failures",
            "chats");
    assertThat(tree.get("schema_version").asInt()).isEqualTo(1);
    assertThat(names(tree.get("tool"))).containsExactly("name", "version");
    assertThat(names(tree.get("run")))
        .containsExactly(
            "status",
            "error",
            "started_at",
            "finished_at",
            "duration_s",
            "input",
            "output",
            "options");
    assertThat(names(tree.get("totals")))
        .contains(
            "chats",
            "messages",
            "messages_failed",
            "notes",
            "media_files",
            "media_bytes",
            "bytes_written");
    assertThat(names(tree.get("stages").get("process")))
        .containsSubsequence(
            "count",
            "errors",
            "total_s",
            "avg_s",
            "min_s",
            "max_s",
            "p50_s",
            "p95_s",
            "p99_s",
            "throughput_per_s",
            "workers",
            "utilization");
    assertThat(names(tree.get("resources")))
        .contains(
            "interval_s",
            "sample_count",
            "cpu_percent_avg",
            "cpu_percent_peak",
            "rss_mb_avg",
            "rss_mb_peak",
            "heap_mb_peak",
            "gc_count",
            "gc_time_s",
            "threads_peak",
            "disk_read_mb",
            "disk_write_mb",
            "net_recv_mb",
            "net_sent_mb",
            "samples");
    assertThat(names(tree.get("resources").get("samples").get(0))).startsWith("t_s");
    assertThat(names(tree.get("caches").get("media-dedup")))
        .containsExactly("hits", "misses", "hit_rate_pct", "evictions", "entries", "size_bytes");
    assertThat(names(tree.get("chats").get(0)))
        .containsExactly(
            "id", "name", "type", "messages", "notes", "media_files", "duration_s", "status");
    assertThat(tree.get("run").get("started_at").asText()).isEqualTo("2024-05-01T10:00:00.125Z");
    assertThat(tree.get("run").get("options").toString())
        .isEqualTo("{\"media\":\"copy\",\"metrics\":\"on\",\"threads\":\"2\"}");
  }

  @Test
  void everyTotalIsWrittenUnderItsKey() throws Exception {
    TotalsReport totals =
        new TotalsReport(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    JsonNode tree =
        PLAIN.readTree(
            MetricsReportJson.toJson(
                MetricsReport.assemble(
                    ToolInfo.tgmd("0.1.0"),
                    Reports.before().run(),
                    totals,
                    MetricsSnapshot.empty(),
                    null,
                    List.of())));
    for (Total t : Total.values()) {
      assertThat(tree.get("totals").get(t.key()).asLong()).as(t.key()).isEqualTo(t.ordinal() + 1);
      assertThat(totals.get(t)).isEqualTo(t.ordinal() + 1);
    }
    assertThat(names(tree.get("totals"))).hasSize(Total.values().length);
  }

  @Test
  void zeroCountsGiveNullsAndNumbersArePlain() {
    String json = MetricsReportJson.toJson(Reports.empty());
    assertThat(json)
        .contains("\"bottleneck\": null")
        .contains("\"resources\": null")
        .contains("\"stages\": {}")
        .contains("\"chats\": []");

    StageReport tiny =
        new StageReport(1, 0, 0.000012, 1.2e-8, 1.2e-8, 1.2e-8, 1.2e-8, 1.2e-8, 1, 0, 1);
    MetricsReport r =
        MetricsReport.assemble(
            ToolInfo.tgmd("0.1.0"),
            Reports.before().run(),
            TotalsReport.zero(),
            new MetricsSnapshot(Map.of("fetch", tiny), Map.of(), Map.of(), FailuresReport.none()),
            null,
            List.of());
    String tinyJson = MetricsReportJson.toJson(r);
    assertThat(tinyJson)
        .contains("\"total_s\": 0.000012,")
        .contains("\"min_s\": 0.000000012,")
        .contains("\"throughput_per_s\": null,")
        .contains("\"utilization\": null,")
        .doesNotContain("E-");
  }

  @Test
  void nanAndInfinityNeverGetIn() {
    StageReport s =
        new StageReport(
            1,
            0,
            Double.NaN,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            null,
            null,
            null,
            1,
            Double.POSITIVE_INFINITY,
            0);
    assertThat(s.totalS()).isZero();
    assertThat(s.minS()).isNull();
    assertThat(s.maxS()).isNull();
    assertThat(s.wallS()).isZero();
    assertThat(s.utilization()).isNull();
  }

  private static void writeFile(MetricsReport report, Path file) throws Exception {
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      MetricsReportJson.write(report, out);
    }
  }

  @Test
  void aReportSurvivesTheRoundTrip() throws Exception {
    for (MetricsReport report : List.of(Reports.before(), Reports.after(), Reports.empty())) {
      Path file = dir.resolve("export_metrics.json");
      writeFile(report, file);
      MetricsReport read = MetricsReportJson.read(file);
      assertThat(read).isEqualTo(report);
      assertThat(read.bottleneck()).isEqualTo(report.bottleneck());
      assertThat(MetricsReportJson.toJson(read)).isEqualTo(Files.readString(file));
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLiveReportSurvivesTheRoundTrip() throws Exception {
    MetricsReport report = liveReport();
    Path file = dir.resolve("live.json");
    writeFile(report, file);
    assertThat(MetricsReportJson.read(file)).isEqualTo(report);
  }

  @Test
  void rejectsSchemaVersionTwo() throws Exception {
    Path file =
        write(
            "v2.json",
            MetricsReportJson.toJson(Reports.before())
                .replace("\"schema_version\": 1", "\"schema_version\": 2"));
    assertThatThrownBy(() -> MetricsReportJson.read(file))
        .isInstanceOf(MetricsReportException.class)
        .hasMessage(file + ": schema_version 2 is not supported (this tgmd reads 1)");
  }

  @Test
  void rejectsWhatIsNotAReportWithOneLineNamingTheFile() throws Exception {
    assertRejected(write("empty.json", ""), "not a tgmd metrics report: not a JSON object");
    assertRejected(write("text.json", "hello"), "not JSON: Unrecognized token 'hello'");
    assertRejected(write("cut.json", "{\"schema_version\": 1,"), "not JSON:");
    assertRejected(write("array.json", "[1, 2]"), "not a tgmd metrics report: not a JSON object");
    assertRejected(
        write("noversion.json", "{\"tool\": {}}"), "not a tgmd metrics report: no schema_version");
    assertRejected(
        write("textversion.json", "{\"schema_version\": \"1\"}"),
        "schema_version \"1\" is not supported");
    assertRejected(dir.resolve("missing.json"), "no such file");
  }

  @Test
  void rejectsAMissingKeyNamingIt() throws Exception {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("run")).remove("status");
    assertRejected(
        write("nostatus.json", PLAIN.writeValueAsString(tree)),
        "invalid report: missing key run.status");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("stages").get("process")).remove("count");
    assertRejected(
        write("nocount.json", PLAIN.writeValueAsString(tree)),
        "invalid report: missing key stages.process.count");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    tree.remove("chats");
    assertRejected(
        write("nochats.json", PLAIN.writeValueAsString(tree)), "invalid report: missing key chats");
  }

  @Test
  void rejectsInvalidValues() throws Exception {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("totals")).put("messages", -1);
    assertRejected(
        write("negative.json", PLAIN.writeValueAsString(tree)),
        "invalid report: totals: messages must be >= 0");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("run")).put("status", "done");
    assertRejected(
        write("status.json", PLAIN.writeValueAsString(tree)), "invalid report: run.status:");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("run")).put("started_at", "yesterday");
    assertRejected(
        write("instant.json", PLAIN.writeValueAsString(tree)), "invalid report: run.started_at:");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("totals")).put("notes", "3");
    assertRejected(
        write("string.json", PLAIN.writeValueAsString(tree)), "invalid report: totals.notes:");

    tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    ((ObjectNode) tree.get("totals")).put("notes", 1.5);
    assertRejected(
        write("float.json", PLAIN.writeValueAsString(tree)), "invalid report: totals.notes:");
  }

  @Test
  void ignoresUnknownKeysSoLaterVersionOneReportsStillRead() throws Exception {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(MetricsReportJson.toJson(Reports.before()));
    tree.put("added_later", true);
    ((ObjectNode) tree.get("stages").get("fetch")).put("p999_s", 0.1);
    Path file = write("later.json", PLAIN.writeValueAsString(tree));
    assertThat(MetricsReportJson.read(file)).isEqualTo(Reports.before());
  }

  private void assertRejected(Path file, String reason) {
    assertThatThrownBy(() -> MetricsReportJson.read(file))
        .isInstanceOf(MetricsReportException.class)
        .satisfies(
            e -> {
              MetricsReportException m = (MetricsReportException) e;
              assertThat(m.getMessage()).doesNotContain("\n").startsWith(file + ": ");
              assertThat(m.file()).isEqualTo(file);
              assertThat(m.reason()).startsWith(reason);
            });
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void theStreamingWriterWritesWhatTheMapperWould() throws Exception {
    for (MetricsReport report :
        java.util.List.of(Reports.before(), Reports.after(), Reports.empty())) {
      assertThat(MetricsReportJson.toJson(report))
          .isEqualTo(MetricsReportJson.toJsonByMapper(report));
    }
    MetricsCollector live = MetricsCollector.create();
    live.stage("fetch").addWallNanos(1);
    live.recordFailure("process", "item \"1\"", new IllegalStateException("bad\nthing"));
    ResourceMonitor monitor = ResourceMonitor.create(java.time.Duration.ofMillis(100));
    monitor.start();
    monitor.stop();
    MetricsReport real =
        MetricsReport.assemble(
            ToolInfo.tgmd("1"),
            new RunInfo(
                RunStatus.INTERRUPTED,
                null,
                Reports.STARTED,
                Reports.STARTED.plusSeconds(1),
                1.5,
                "in",
                "out",
                java.util.Map.of("k", "v")),
            TotalsReport.zero(),
            live.snapshot(),
            monitor.report(),
            java.util.List.of(new ChatReport(1, "A \u00e9", "t", 1, 2, 3, 0.25, "completed")));
    assertThat(MetricsReportJson.toJson(real)).isEqualTo(MetricsReportJson.toJsonByMapper(real));
  }
}
