package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * A queue or buffer, under {@code queues.<name>} in the report: the largest depth recorded with
 * {@code MetricsCollector.recordQueueDepth} and the capacity last given (0 when unbounded or
 * unknown). Immutable.
 */
@JsonPropertyOrder({"max_depth", "capacity"})
public record QueueReport(
    @JsonProperty("max_depth") long maxDepth, @JsonProperty("capacity") long capacity) {

  /** Validates that both are non-negative. */
  public QueueReport {
    Figures.nonNegative(maxDepth, "max_depth");
    Figures.nonNegative(capacity, "capacity");
  }
}
