package dev.tgmd.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tgmd.recording.FailureReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON lines of {@code tgmd export --progress json}: one object per line, told apart by {@code
 * message_type} ({@code status}, {@code error}, {@code summary}), each with the stream's {@code
 * schema_version} ({@value #SCHEMA_VERSION}); documented in docs/metrics.md, their schema is
 * docs/progress.schema.json. Numbers are written as in the report ({@code export_metrics.json}), so
 * the summary's figures are the report's, digit for digit. Stateless and thread-safe; each method
 * returns one line without its line break.
 */
public final class ProgressEvents {

  /** The version of the stream's format. */
  public static final int SCHEMA_VERSION = 1;

  private static final JsonFactory FACTORY = new JsonFactory();

  private ProgressEvents() {}

  /**
   * How far a run is.
   *
   * @param bytesRead bytes of the export read so far
   * @param bytesTotal the export's size in bytes (0 until it is opened)
   * @param messagesWritten messages written to notes so far
   * @param elapsedS seconds since the run started
   */
  public static String status(
      long bytesRead, long bytesTotal, long messagesWritten, double elapsedS) {
    double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesRead / bytesTotal) : 0;
    Double remaining = remaining(fraction, elapsedS);
    return line(
        g -> {
          head(g, "status");
          g.writeNumberField("bytes_read", bytesRead);
          g.writeNumberField("bytes_total", bytesTotal);
          ReportWriter.number(g, "done_pct", fraction * 100);
          g.writeNumberField("messages_written", messagesWritten);
          ReportWriter.number(
              g, "messages_per_s", elapsedS > 0 ? messagesWritten / elapsedS : null);
          ReportWriter.number(g, "bytes_per_s", elapsedS > 0 ? bytesRead / elapsedS : null);
          ReportWriter.number(g, "elapsed_s", elapsedS);
          ReportWriter.number(g, "remaining_s", remaining);
        });
  }

  /** Seconds left: 0 once all is read, null while under 1% is (not yet known). */
  private static Double remaining(double fraction, double elapsedS) {
    if (fraction >= 1) {
      return 0.0;
    }
    return fraction > 0.01 && elapsedS > 0 ? elapsedS * (1 - fraction) / fraction : null;
  }

  /** One failed item (a message that could not be rendered, a missing or refused file). */
  public static String error(FailureReport failure) {
    return line(
        g -> {
          head(g, "error");
          g.writeStringField("stage", failure.stage());
          g.writeStringField("item", failure.item());
          g.writeStringField("error", failure.error());
        });
  }

  /**
   * How the run ended: the last line of the stream.
   *
   * @param status how the run ended
   * @param exitCode the process's exit code
   * @param message what tgmd would print on one line without {@code --progress json} (why the run
   *     failed or stopped, that no message matched the filters, …); null when nothing
   * @param durationS the run's duration, seconds (the report's {@code run.duration_s})
   * @param totals the run's totals (the report's {@code totals})
   * @param report the run's metrics report; null when measuring nothing or when the run never
   *     started
   * @param reportFile where the report was written; null when it was not
   */
  public static String summary(
      RunStatus status,
      int exitCode,
      String message,
      double durationS,
      TotalsReport totals,
      MetricsReport report,
      String reportFile) {
    return line(
        g -> {
          head(g, "summary");
          g.writeStringField("status", status.key());
          g.writeNumberField("exit_code", exitCode);
          ReportWriter.string(g, "message", message);
          ReportWriter.number(g, "duration_s", durationS);
          ReportWriter.string(
              g, "finished_at", report == null ? null : report.run().finishedAt().toString());
          g.writeFieldName("totals");
          g.writeStartObject();
          for (Total t : Total.values()) {
            g.writeNumberField(t.key(), totals.get(t));
          }
          g.writeEndObject();
          ReportWriter.string(g, "bottleneck", report == null ? null : report.bottleneck());
          ResourceReport res = report == null ? null : report.resources();
          ReportWriter.number(g, "rss_mb_peak", res == null ? null : res.rssMbPeak());
          ReportWriter.number(g, "cpu_percent_avg", res == null ? null : res.cpuPercentAvg());
          g.writeNumberField("failures", report == null ? 0 : report.failures().count());
          ReportWriter.string(g, "report_file", reportFile);
        });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String line(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void head(JsonGenerator g, String type) throws IOException {
    g.writeStringField("message_type", type);
    g.writeNumberField("schema_version", SCHEMA_VERSION);
  }
}
