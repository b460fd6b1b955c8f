package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.FailureReport;
import dev.tgmd.testing.SchemaValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressEventsTest {

  @Test
  void everyKindOfLineValidatesAgainstItsSchema() {
    List<String> lines =
        List.of(
            ProgressEvents.status(0, 0, 0, 0),
            ProgressEvents.status(1, 1000, 0, 0.5),
            ProgressEvents.status(500, 1000, 42, 2),
            ProgressEvents.status(1000, 1000, 100, 4),
            ProgressEvents.error(new FailureReport("media", "file a.jpg of message 3", "X: y")),
            ProgressEvents.summary(
                RunStatus.FAILED, 2, "no such file", 0.25, TotalsReport.zero(), null, null),
            ProgressEvents.summary(
                RunStatus.COMPLETED,
                0,
                null,
                12.75,
                Reports.before().totals(),
                Reports.before(),
                "/o/export_metrics.json"));
    for (String line : lines) {
      assertThat(line).doesNotContain("\n");
      assertThat(SchemaValidator.progressErrors(line)).as(line).isEmpty();
    }
  }

  @Test
  void theStatusSaysHowFarAndHowLong() {
    assertThat(ProgressEvents.status(500, 1000, 42, 2))
        .isEqualTo(
            "{\"message_type\":\"status\",\"schema_version\":1,\"bytes_read\":500,"
                + "\"bytes_total\":1000,\"done_pct\":50.0,\"messages_written\":42,"
                + "\"messages_per_s\":21.0,\"bytes_per_s\":250.0,\"elapsed_s\":2.0,"
                + "\"remaining_s\":2.0}");
    assertThat(ProgressEvents.status(0, 0, 0, 0))
        .contains("\"messages_per_s\":null", "\"remaining_s\":null", "\"done_pct\":0.0");
  }

  @Test
  void aLineTheSchemaDoesNotKnowIsRefused() {
    assertThat(SchemaValidator.progressErrors("{\"message_type\":\"status\",\"schema_version\":1}"))
        .isNotEmpty();
    assertThat(
            SchemaValidator.progressErrors("{\"message_type\":\"chatter\",\"schema_version\":1}"))
        .isNotEmpty();
  }

  @Test
  void theSummaryCarriesTheReportsFiguresAsTheReportWritesThem() {
    MetricsReport r = Reports.before();
    String line =
        ProgressEvents.summary(
            RunStatus.COMPLETED, 3, null, r.run().durationS(), r.totals(), r, "f");
    assertThat(line)
        .contains("\"duration_s\":12.75", "\"rss_mb_peak\":512.25", "\"bottleneck\":\"process\"")
        .contains("\"finished_at\":\"2024-05-01T10:00:12.875Z\"", "\"exit_code\":3")
        .contains("\"messages\":12345", "\"failures\":2");
  }
}
