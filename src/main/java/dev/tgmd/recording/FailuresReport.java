package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;
import java.util.List;

/**
 * The failed items of a run, under {@code failures} in the report: how many were recorded with
 * {@code MetricsCollector.recordFailure} and the first {@value #KEPT} of them. Immutable.
 */
@JsonPropertyOrder({"count", "first"})
public record FailuresReport(
    @JsonProperty("count") long count, @JsonProperty("first") List<FailureReport> first) {

  /** How many failures are kept, at most. */
  public static final int KEPT = 20;

  /** Validates: count non-negative and at least the number kept; at most {@value #KEPT} kept. */
  public FailuresReport {
    Figures.nonNegative(count, "count");
    first = List.copyOf(first);
    if (first.size() > KEPT) {
      throw new IllegalArgumentException(
          "at most " + KEPT + " failures are kept, not " + first.size());
    }
    if (count < first.size()) {
      throw new IllegalArgumentException(
          "count " + count + " is less than the " + first.size() + " failures kept");
    }
  }

  /** No failure. */
  public static FailuresReport none() {
    return new FailuresReport(0, List.of());
  }
}
