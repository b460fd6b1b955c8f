package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.QueueReport;
import dev.tgmd.recording.StageReport;
import dev.tgmd.units.CheckedMaps;
import java.util.List;
import java.util.Map;

/**
 * The metrics report of one run, written as {@code export_metrics.json} by {@link
 * MetricsReportJson}. Immutable; build it with {@link #assemble}. Its JSON keys, their order and
 * their units are documented in docs/metrics.md and docs/metrics.schema.json.
 *
 * @param schemaVersion the version of the report's format, {@value #SCHEMA_VERSION}
 * @param tool the tool that wrote it
 * @param run the run: status, times, input, output, options
 * @param totals run-wide counts
 * @param stages the pipeline's stages by name, in pipeline order
 * @param queues the queues by name: maximum depth and capacity
 * @param resources what the resource monitor saw; null when it did not run
 * @param caches the caches by name
 * @param failures the failed items: their count and the first ones
 * @param chats the exported chats, in export order
 */
@JsonPropertyOrder({
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
  "chats"
})
@JsonIgnoreProperties(
    value = {"bottleneck"},
    allowGetters = true)
public record MetricsReport(
    @JsonProperty("schema_version") int schemaVersion,
    @JsonProperty("tool") ToolInfo tool,
    @JsonProperty("run") RunInfo run,
    @JsonProperty("totals") TotalsReport totals,
    @JsonProperty("stages") Map<String, StageReport> stages,
    @JsonProperty("queues") Map<String, QueueReport> queues,
    @JsonProperty("resources") ResourceReport resources,
    @JsonProperty("caches") Map<String, CacheReport> caches,
    @JsonProperty("failures") FailuresReport failures,
    @JsonProperty("chats") List<ChatReport> chats) {

  /** The version of the report format this tgmd writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Validates; only {@link #SCHEMA_VERSION} is accepted. */
  public MetricsReport {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schema_version " + schemaVersion + " is not supported, only " + SCHEMA_VERSION);
    }
    if (tool == null || run == null || totals == null || failures == null || chats == null) {
      throw new IllegalArgumentException("tool, run, totals, failures and chats must not be null");
    }
    stages = CheckedMaps.ordered(stages, "stages");
    queues = CheckedMaps.ordered(queues, "queues");
    caches = CheckedMaps.ordered(caches, "caches");
    chats = List.copyOf(chats);
  }

  /**
   * The report of one run.
   *
   * @param tool the tool, e.g. {@code ToolInfo.tgmd(version)}
   * @param run how the run went
   * @param totals the run-wide totals, derived from the chats' results
   * @param metrics the collector's snapshot, taken when the run ended
   * @param resources the monitor's report after it was stopped; null when it did not run
   * @param chats the exported chats
   */
  public static MetricsReport assemble(
      ToolInfo tool,
      RunInfo run,
      TotalsReport totals,
      MetricsSnapshot metrics,
      ResourceReport resources,
      List<ChatReport> chats) {
    return new MetricsReport(
        SCHEMA_VERSION,
        tool,
        run,
        totals,
        metrics.stages(),
        metrics.queues(),
        resources,
        metrics.caches(),
        metrics.failures(),
        chats);
  }

  /**
   * The stage with the highest utilization, the first such stage on a tie; null when no stage has a
   * utilization (no stage, or no wall time).
   */
  @JsonProperty("bottleneck")
  public String bottleneck() {
    String best = null;
    double bestUtilization = -1;
    for (Map.Entry<String, StageReport> e : stages.entrySet()) {
      Double u = e.getValue().utilization();
      if (u != null && u > bestUtilization) {
        best = e.getKey();
        bestUtilization = u;
      }
    }
    return best;
  }
}
