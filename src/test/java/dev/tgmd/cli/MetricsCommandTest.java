package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.report.ComparisonFormatter;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunInfo;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.SummaryFormatter;
import dev.tgmd.report.ToolInfo;
import dev.tgmd.report.TotalsReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TgmdCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private static MetricsReport report(double durationS) {
    Instant start = Instant.parse("2024-05-01T10:00:00Z");
    return MetricsReport.assemble(
        ToolInfo.tgmd("0.1.0"),
        new RunInfo(
            RunStatus.COMPLETED,
            null,
            start,
            start.plusMillis((long) (durationS * 1000)),
            durationS,
            "in",
            "out",
            Map.of()),
        TotalsReport.zero(),
        MetricsSnapshot.empty(),
        null,
        List.of());
  }

  private Path write(String name, MetricsReport report) throws Exception {
    Path file = dir.resolve(name);
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      MetricsReportJson.write(report, out);
    }
    return file;
  }

  @Test
  void showPrintsTheSummary() throws Exception {
    Path file = write("export_metrics.json", report(2.5));

    int code = run("metrics", "show", file.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(SummaryFormatter.plain().format(report(2.5)));
    assertThat(out.toString()).startsWith("tgmd 0.1.0 run completed in 2.50 s");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void showAndCompareTakeTheFolderHoldingTheReport() throws Exception {
    Path before = java.nio.file.Files.createDirectories(dir.resolve("before"));
    Path after = java.nio.file.Files.createDirectories(dir.resolve("after"));
    write("before/export_metrics.json", report(2.5));
    write("after/export_metrics.json", report(1.0));

    assertThat(run("metrics", "show", "--color=never", before.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).isEqualTo(SummaryFormatter.plain().format(report(2.5)));

    out.getBuffer().setLength(0);
    assertThat(run("metrics", "compare", "--color=never", before.toString(), after.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("2.50 s").contains("1.00 s");
  }

  @Test
  void showColorsOnlyWhenAsked() throws Exception {
    Path file = write("export_metrics.json", report(2.5));

    assertThat(run("metrics", "show", "--color=always", file.toString())).isZero();
    assertThat(out.toString()).contains("\u001b[");

    out.getBuffer().setLength(0);
    assertThat(run("metrics", "show", "--color=never", file.toString())).isZero();
    assertThat(out.toString()).doesNotContain("\u001b[");
  }

  @Test
  void compareShowsTheChange() throws Exception {
    Path before = write("before.json", report(10));
    Path after = write("after.json", report(5));

    int code = run("metrics", "compare", before.toString(), after.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            ComparisonFormatter.plain()
                .format(before.toString(), report(10), after.toString(), report(5)));
    assertThat(out.toString()).containsPattern("duration +10\\.00 s +5\\.00 s +0\\.50x +-50\\.0 %");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMissingFileIsExitTwoWithOneLine() {
    Path missing = dir.resolve("nope.json");

    int code = run("metrics", "show", missing.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("tgmd: " + missing + ": no such file" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aFileThatIsNotJsonIsExitTwoWithoutAStackTrace() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"schema_version\": 1, oops");

    int code = run("metrics", "show", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("tgmd: " + file + ": not JSON: ");
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void anotherSchemaVersionIsExitTwo() throws Exception {
    Path v2 = dir.resolve("v2.json");
    Files.writeString(
        v2,
        MetricsReportJson.toJson(report(1))
            .replace("\"schema_version\": 1", "\"schema_version\": 2"));
    Path good = write("good.json", report(1));

    int code = run("metrics", "compare", good.toString(), v2.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "tgmd: "
                + v2
                + ": schema_version 2 is not supported (this tgmd reads 1)"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void compareReportsBothBadFiles() {
    int code =
        run(
            "metrics",
            "compare",
            dir.resolve("a.json").toString(),
            dir.resolve("b.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(2);
  }

  @Test
  void missingArgumentsAreAUsageErrorExitTwo() {
    assertThat(run("metrics", "show")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    assertThat(run("metrics", "compare", "only-one.json")).isEqualTo(2);
  }

  @Test
  void metricsWithoutASubcommandPrintsItsUsage() {
    assertThat(run("metrics")).isZero();
    assertThat(out.toString()).contains("show").contains("compare");
  }

  @Test
  void autoColorNeedsATerminalAndNoNoColor() {
    MetricsCommand.ColorMode auto = MetricsCommand.ColorMode.auto;
    assertThat(auto.enabled(Map.of(), true)).isTrue();
    assertThat(auto.enabled(Map.of(), false)).isFalse();
    assertThat(auto.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(auto.enabled(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(auto.enabled(Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(MetricsCommand.ColorMode.always.enabled(Map.of("NO_COLOR", "1"), false)).isTrue();
    assertThat(MetricsCommand.ColorMode.never.enabled(Map.of(), true)).isFalse();
  }
}
