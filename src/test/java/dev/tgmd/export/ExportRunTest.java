package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.layout.Split;
import dev.tgmd.render.Flavor;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunStatus;
import dev.tgmd.resources.ResourceMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export run as a library call: one typed outcome, the report written on every outcome. */
class ExportRunTest {

  private static final Path DEMO = Path.of("examples", "demo-export");

  @TempDir Path dir;

  private static ExportOptions options(Path input, Path out, List<String> chats) {
    return new ExportOptions(
        input,
        out,
        chats,
        List.of(),
        null,
        null,
        Split.MONTH,
        Flavor.OBSIDIAN,
        ZoneOffset.UTC,
        MediaMode.COPY,
        2,
        ExportOptions.DEFAULT_BATCH_SIZE,
        100_000,
        true);
  }

  private static ExportRun run(Path input, Path out, Measurement measurement) {
    ExportOptions options = options(input, out, List.of());
    return new ExportRun(
        options, measurement, RunClock.startedAt(Instant.now(), Clock.systemUTC()), "test");
  }

  @Test
  void aCompletedRunWritesItsReportAndSaysWhere() throws Exception {
    Path out = dir.resolve("out");
    RunOutcome outcome = run(DEMO, out, Measurement.every(Duration.ofMillis(100))).run();

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.started()).isTrue();
    assertThat(outcome.totals().messages()).isEqualTo(104);
    Path file = out.resolve(MetricsReportJson.FILE_NAME);
    assertThat(outcome.reportFile()).contains(file);
    MetricsReport onDisk = MetricsReportJson.read(file);
    assertThat(onDisk.totals()).isEqualTo(outcome.totals());
    assertThat(onDisk.run().durationS())
        .isEqualTo(outcome.report().orElseThrow().run().durationS());
    assertThat(outcome.headline()).startsWith("Exported 6 chats, 104 messages into 29 notes in ");
  }

  @Test
  void theVaultIsRecordedAndClosedWithinTheSpanTheReportClaims() throws Exception {
    Path out = dir.resolve("out");
    RunOutcome outcome = run(DEMO, out, Measurement.every(Duration.ofMillis(100))).run();

    MetricsReport report = MetricsReportJson.read(out.resolve(MetricsReportJson.FILE_NAME));
    Path archive = out.resolve(".tgmd").resolve("archive.sqlite");
    assertThat(archive.resolveSibling("archive.sqlite-wal"))
        .as("checkpointed, closed")
        .doesNotExist();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + archive.toAbsolutePath());
        var rows = c.createStatement().executeQuery("SELECT status, finished_at FROM runs")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(outcome.status().key());
      // the report's instants are to the millisecond, rounded: the vault's end lies within them
      assertThat(rows.getLong(2))
          .as("the vault's record of the run's end, against the report's finished_at")
          .isBetween(
              report.run().startedAt().toEpochMilli() - 1,
              report.run().finishedAt().toEpochMilli() + 1);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void measuringNothingWritesNoReportAndStartsNoMonitor() {
    Path out = dir.resolve("out");
    RunOutcome outcome = run(DEMO, out, Measurement.off()).run();

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.report()).isEmpty();
    assertThat(outcome.reportFile()).isEmpty();
    assertThat(out.resolve(MetricsReportJson.FILE_NAME)).doesNotExist();
    assertThat(outcome.seconds()).isPositive();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals(ResourceMonitor.THREAD_NAME) && t.isAlive());
  }

  @Test
  void anInputThatIsNoExportIsABadInputAndTouchesNothing() throws Exception {
    Path notAnExport = Files.createDirectories(dir.resolve("empty"));
    Path out = dir.resolve("out");
    RunOutcome outcome = run(notAnExport, out, Measurement.every(Duration.ofSeconds(1))).run();

    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.failure())
        .get()
        .extracting(RunOutcome.Failure::kind)
        .isEqualTo(RunOutcome.Kind.BAD_INPUT);
    assertThat(outcome.failure().get().message()).contains("result.json");
    assertThat(outcome.started()).isFalse();
    assertThat(outcome.hasSummary()).isFalse();
    assertThat(outcome.report()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aCancelledRunIsInterruptedAndItsReportSaysWhy() throws Exception {
    Path out = dir.resolve("out");
    ExportRun run = run(DEMO, out, Measurement.every(Duration.ofMillis(100)));
    run.cancel("stopped by the test");
    RunOutcome outcome = run.run();

    assertThat(outcome.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(outcome.failure()).isEmpty();
    MetricsReport onDisk = MetricsReportJson.read(out.resolve(MetricsReportJson.FILE_NAME));
    assertThat(onDisk.run().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(java.nio.file.Files.readString(out.resolve(dev.tgmd.report.HtmlReport.FILE_NAME)))
        .contains("<p class=\"status interrupted\">interrupted</p>");
    assertThat(onDisk.run().error()).isEqualTo("stopped by the test");
    assertThat(outcome.headline()).startsWith("Interrupted after exporting");
  }

  @Test
  void aChatFilterThatNamesNoChatFailsBeforeAnythingIsWritten() {
    Path out = dir.resolve("out");
    ExportOptions options = options(DEMO, out, List.of("no such chat"));
    RunOutcome outcome =
        new ExportRun(
                options,
                Measurement.off(),
                RunClock.startedAt(Instant.now(), Clock.systemUTC()),
                "test")
            .run();

    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.started()).isFalse();
    assertThat(outcome.failure().orElseThrow().kind()).isEqualTo(RunOutcome.Kind.BAD_INPUT);
    assertThat(outcome.failure().orElseThrow().message())
        .startsWith("--chat 'no such chat' matches no chat of the export; its chats:");
    assertThat(out).doesNotExist();
  }

  @Test
  void aSamplingIntervalBelowTheMinimumIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Measurement.every(Duration.ofMillis(50)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 100ms");
  }
}
