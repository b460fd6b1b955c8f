package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.Total;
import dev.tgmd.testing.SchemaValidator;
import dev.tgmd.testing.Tgmd;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three outputs for scheduled runs, end to end: JSON lines, OpenMetrics, the HTML page. */
class ObservabilityCliTest {

  private static final Path DEMO = Path.of("examples", "demo-export");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static List<JsonNode> lines(String err) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      assertThat(SchemaValidator.progressErrors(line)).as(line).isEmpty();
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static Map<String, String> samples(Path file) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        m.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return m;
  }

  @Test
  void aCronRunGivesAStreamAFileAndAPageThatAgreeWithTheReport() throws Exception {
    Path out = tmp.resolve("out");
    Path prom = tmp.resolve("tgmd.prom");
    Tgmd.Run run =
        Tgmd.run(
            "export",
            DEMO.toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--progress",
            "json",
            "--openmetrics",
            prom.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> events = lines(run.err());
    assertThat(events).isNotEmpty();
    List<String> types = events.stream().map(e -> e.get("message_type").asText()).toList();
    assertThat(types.get(types.size() - 1)).isEqualTo("summary");
    assertThat(types.stream().filter("summary"::equals).count()).isOne();
    assertThat(types).contains("status");
    // the demo names one file that is missing from it
    List<JsonNode> errors =
        events.stream().filter(e -> e.get("message_type").asText().equals("error")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("stage").asText()).isEqualTo("media");
    assertThat(errors.get(0).get("item").asText()).contains("photo_1@08-03-2024_17-30-00.jpg");

    Path reportFile = out.resolve("export_metrics.json");
    MetricsReport report = MetricsReportJson.read(reportFile);
    JsonNode reportJson = JSON.readTree(Files.readString(reportFile));
    JsonNode summary = events.get(events.size() - 1);
    assertThat(summary.get("status").asText()).isEqualTo("completed");
    assertThat(summary.get("exit_code").asInt()).isZero();
    assertThat(summary.get("message").isNull()).isTrue();
    assertThat(summary.get("report_file").asText()).isEqualTo(reportFile.toString());
    // digit for digit: the same text as the report's
    assertThat(summary.get("duration_s").decimalValue())
        .isEqualTo(reportJson.at("/run/duration_s").decimalValue());
    assertThat(summary.get("totals")).isEqualTo(reportJson.get("totals"));
    assertThat(summary.get("rss_mb_peak").decimalValue())
        .isEqualTo(reportJson.at("/resources/rss_mb_peak").decimalValue());
    assertThat(summary.get("bottleneck").asText()).isEqualTo(report.bottleneck());
    assertThat(summary.get("failures").asLong()).isEqualTo(report.failures().count());

    Map<String, String> om = samples(prom);
    assertThat(Files.readString(prom)).endsWith("# EOF\n");
    assertThat(new BigDecimal(om.get("tgmd_run_duration_seconds")))
        .isEqualTo(reportJson.at("/run/duration_s").decimalValue());
    assertThat(om.get("tgmd_run_success")).isEqualTo("1");
    assertThat(new BigDecimal(om.get("tgmd_last_run_timestamp_seconds")))
        .isEqualByComparingTo(BigDecimal.valueOf(report.run().finishedAt().toEpochMilli(), 3));
    for (Total t : Total.values()) {
      String key = t == Total.BYTES_WRITTEN ? "written_bytes" : t.key();
      assertThat(om.get("tgmd_" + key + "_total"))
          .as(key)
          .isEqualTo(Long.toString(report.totals().get(t)));
    }
    report
        .stages()
        .forEach(
            (name, s) ->
                assertThat(
                        new BigDecimal(
                            om.get("tgmd_stage_busy_seconds_total{stage=\"" + name + "\"}")))
                    .isEqualTo(reportJson.at("/stages/" + name + "/total_s").decimalValue()));
    report
        .caches()
        .forEach(
            (name, c) ->
                assertThat(om.get("tgmd_cache_hits_total{cache=\"" + name + "\"}"))
                    .isEqualTo(Long.toString(c.hits())));
    assertThat(Double.parseDouble(om.get("tgmd_peak_rss_bytes")))
        .isEqualTo((double) Math.round(report.resources().rssMbPeak() * 1048576));

    Document page = Jsoup.parse(out.resolve("export_metrics.html").toFile(), "UTF-8");
    assertThat(page.select("svg.chart")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("table tbody tr")).hasSize(report.chats().size());
    // no temporary file left beside the OpenMetrics file
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("out", "tgmd.prom");
    }
  }

  @Test
  void aRunThatCannotBeginStillEndsItsStreamAndItsFile() throws Exception {
    Path prom = tmp.resolve("tgmd.prom");
    Tgmd.Run run =
        Tgmd.run(
            "export",
            tmp.resolve("nowhere").toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--progress",
            "json",
            "--openmetrics",
            prom.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    List<JsonNode> events = lines(run.err());
    JsonNode summary = events.get(events.size() - 1);
    assertThat(summary.get("message_type").asText()).isEqualTo("summary");
    assertThat(summary.get("status").asText()).isEqualTo("failed");
    assertThat(summary.get("exit_code").asInt()).isEqualTo(2);
    assertThat(summary.get("message").asText()).contains("nowhere");
    assertThat(summary.get("report_file").isNull()).isTrue();
    assertThat(samples(prom)).containsEntry("tgmd_run_success", "0");
  }

  @Test
  void withoutMetricsThereIsNoPageAndNoOpenMetrics() throws Exception {
    Path out = tmp.resolve("out");
    Tgmd.Run run =
        Tgmd.run("export", DEMO.toString(), "--out", out.toString(), "--no-metrics", "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("export_metrics.json")).doesNotExist();
    assertThat(out.resolve("export_metrics.html")).doesNotExist();
    Tgmd.Run refused =
        Tgmd.run(
            "export",
            DEMO.toString(),
            "--out",
            tmp.resolve("o2").toString(),
            "--no-metrics",
            "--openmetrics",
            tmp.resolve("x.prom").toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(refused.err()).contains("--openmetrics needs the metrics");
    assertThat(tmp.resolve("x.prom")).doesNotExist();
  }

  @Test
  void metricsShowAndCompareDrawPages() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(Tgmd.run("export", DEMO.toString(), "--out", a.toString(), "--quiet").exitCode())
        .isZero();
    assertThat(
            Tgmd.run("export", DEMO.toString(), "--out", b.toString(), "--quiet", "--workers", "1")
                .exitCode())
        .isZero();
    Path one = tmp.resolve("one.html");
    Tgmd.Run show = Tgmd.run("metrics", "show", a.toString(), "--html", one.toString());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo("Wrote " + one + "\n");
    assertThat(Files.readString(one)).isEqualTo(Files.readString(a.resolve("export_metrics.html")));
    Path two = tmp.resolve("two.html");
    Tgmd.Run compare =
        Tgmd.run(
            "metrics",
            "compare",
            a.toString(),
            b.resolve("export_metrics.json").toString(),
            "--html",
            two.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    Document d = Jsoup.parse(two.toFile(), "UTF-8");
    assertThat(d.select("h2.side").eachText())
        .containsExactly(a.toString(), b.resolve("export_metrics.json").toString());
    assertThat(d.select("svg.chart").size())
        .isEqualTo(2 * Jsoup.parse(one.toFile(), "UTF-8").select("svg.chart").size());
    Tgmd.Run bad =
        Tgmd.run("metrics", "show", tmp.resolve("none.json").toString(), "--html", one.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}
