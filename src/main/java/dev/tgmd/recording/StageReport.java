package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * The figures of one stage, as they appear under {@code stages.<name>} in the report. Immutable.
 *
 * <p>How each is measured (see docs/metrics.md):
 *
 * <ul>
 *   <li>{@code count}: items counted by {@code StageTimer.endBatch}, summed over all workers.
 *   <li>{@code errors}: failed items reported by {@code StageTimer.endBatch}.
 *   <li>{@code total_s}: busy time in seconds, the sum over all workers of the time between {@code
 *       StageTimer.startBatch} and {@code StageTimer.endBatch} (every batch is timed).
 *   <li>{@code avg_s} (derived): {@code total_s / count}, busy seconds per item, batch overhead
 *       included; null when {@code count} is 0.
 *   <li>{@code min_s}, {@code max_s}, {@code p50_s}, {@code p95_s}, {@code p99_s}: latency of one
 *       item ({@code StageTimer.startItem} to {@code StageTimer.endItem}) over the <em>sampled</em>
 *       items only, in seconds, within 0.1% (3 significant digits); null when no item was sampled.
 *   <li>{@code throughput_per_s} (derived): {@code count / wall_s}, items per second of the stage's
 *       wall time; null when {@code wall_s} is 0.
 *   <li>{@code workers}: threads working in the stage.
 *   <li>{@code utilization} (derived): {@code total_s / (wall_s x workers)}, clamped to [0, 1];
 *       null when {@code wall_s} or {@code workers} is 0.
 *   <li>{@code wall_s}: wall-clock seconds during which the stage ran ({@code
 *       StageRecorder.addWallNanos}).
 *   <li>{@code sampled}: how many items were timed for the latency figures.
 *   <li>{@code read}: what the stage read from its input (files and bytes), for a stage that reads
 *       one ({@code StageRecorder.recordRead}); absent for the others.
 * </ul>
 *
 * <p>Counts are never negative; seconds are finite and never negative (NaN or infinite values
 * passed in become 0, or null for the nullable figures).
 */
@JsonPropertyOrder({
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
  "utilization",
  "wall_s",
  "sampled",
  "read"
})
@JsonIgnoreProperties(
    value = {"avg_s", "throughput_per_s", "utilization"},
    allowGetters = true)
public record StageReport(
    @JsonProperty("count") long count,
    @JsonProperty("errors") long errors,
    @JsonProperty("total_s") double totalS,
    @JsonProperty("min_s") Double minS,
    @JsonProperty("max_s") Double maxS,
    @JsonProperty("p50_s") Double p50S,
    @JsonProperty("p95_s") Double p95S,
    @JsonProperty("p99_s") Double p99S,
    @JsonProperty("workers") int workers,
    @JsonProperty("wall_s") double wallS,
    @JsonProperty("sampled") long sampled,
    @JsonProperty("read") @JsonInclude(JsonInclude.Include.NON_NULL) StageRead read) {

  /** Validates: counts and workers are non-negative; seconds finite and non-negative. */
  public StageReport {
    Figures.nonNegative(count, "count");
    Figures.nonNegative(errors, "errors");
    totalS = Figures.nonNegative(totalS, "total_s");
    minS = Figures.nonNegativeOrNull(minS, "min_s");
    maxS = Figures.nonNegativeOrNull(maxS, "max_s");
    p50S = Figures.nonNegativeOrNull(p50S, "p50_s");
    p95S = Figures.nonNegativeOrNull(p95S, "p95_s");
    p99S = Figures.nonNegativeOrNull(p99S, "p99_s");
    Figures.nonNegative(workers, "workers");
    wallS = Figures.nonNegative(wallS, "wall_s");
    Figures.nonNegative(sampled, "sampled");
  }

  /**
   * A stage that read no input of its own. A report read back from JSON is built with this one:
   * every other figure is required there, {@code read} is informative and not read back (older
   * reports lack it).
   */
  @JsonCreator
  public StageReport(
      @JsonProperty("count") long count,
      @JsonProperty("errors") long errors,
      @JsonProperty("total_s") double totalS,
      @JsonProperty("min_s") Double minS,
      @JsonProperty("max_s") Double maxS,
      @JsonProperty("p50_s") Double p50S,
      @JsonProperty("p95_s") Double p95S,
      @JsonProperty("p99_s") Double p99S,
      @JsonProperty("workers") int workers,
      @JsonProperty("wall_s") double wallS,
      @JsonProperty("sampled") long sampled) {
    this(count, errors, totalS, minS, maxS, p50S, p95S, p99S, workers, wallS, sampled, null);
  }

  /** A stage that recorded nothing. */
  public static StageReport empty() {
    return new StageReport(0, 0, 0, null, null, null, null, null, 0, 0, 0);
  }

  /** Busy seconds per item ({@code total_s / count}); null when {@code count} is 0. */
  @JsonProperty("avg_s")
  public Double avgS() {
    return count == 0 ? null : Figures.ratio(totalS, count);
  }

  /** Items per second of wall time ({@code count / wall_s}); null when {@code wall_s} is 0. */
  @JsonProperty("throughput_per_s")
  public Double throughputPerS() {
    return Figures.ratio(count, wallS);
  }

  /**
   * Busy time over available time, {@code total_s / (wall_s x workers)} clamped to [0, 1]; null
   * when {@code wall_s} or {@code workers} is 0.
   */
  @JsonProperty("utilization")
  public Double utilization() {
    Double u = Figures.ratio(totalS, wallS * workers);
    return u == null ? null : Figures.clamp(u, 0, 1);
  }
}
