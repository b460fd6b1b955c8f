package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.CheckedMaps;
import dev.tgmd.units.Figures;
import dev.tgmd.units.OneLine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One run, under {@code run} in the report. Immutable.
 *
 * @param status how the run ended
 * @param error why it failed or stopped, on one line: required when it failed, null when it
 *     completed, optional when it was interrupted
 * @param startedAt when it started (kept to the millisecond; ISO-8601 UTC in the JSON)
 * @param finishedAt when it ended, not before {@code startedAt}
 * @param durationS how long it ran in seconds, measured with a monotonic clock (so it may differ
 *     slightly from {@code finishedAt - startedAt})
 * @param input the export folder or file read, as given
 * @param output the folder written, as given
 * @param options the options of the run by name, sorted by name
 */
@JsonPropertyOrder({
  "status",
  "error",
  "started_at",
  "finished_at",
  "duration_s",
  "input",
  "output",
  "options"
})
public record RunInfo(
    @JsonProperty("status") RunStatus status,
    @JsonProperty("error") String error,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    @JsonProperty("duration_s") double durationS,
    @JsonProperty("input") String input,
    @JsonProperty("output") String output,
    @JsonProperty("options") Map<String, String> options) {

  /** Validates the run; see the parameters. */
  public RunInfo {
    if (status == null) {
      throw new IllegalArgumentException("run.status must not be null");
    }
    if (status == RunStatus.FAILED && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("run.error must say why a failed run failed");
    }
    if (status == RunStatus.COMPLETED && error != null) {
      throw new IllegalArgumentException("run.error must be null for a completed run");
    }
    if (error != null) {
      error = OneLine.of(error, 1000);
    }
    if (startedAt == null || finishedAt == null) {
      throw new IllegalArgumentException("run.started_at and run.finished_at must not be null");
    }
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    finishedAt = finishedAt.truncatedTo(ChronoUnit.MILLIS);
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("run.finished_at is before run.started_at");
    }
    durationS = Figures.nonNegative(durationS, "run.duration_s");
    if (input == null || output == null) {
      throw new IllegalArgumentException("run.input and run.output must not be null");
    }
    options = CheckedMaps.sorted(options, "run.options");
  }
}
