package dev.tgmd.recording;

import dev.tgmd.units.CheckedMaps;
import java.util.Map;

/**
 * Everything a {@code MetricsCollector} recorded up to one moment. Immutable; recording may go on
 * after it was taken. Each figure is exact at the moment it was read; figures read while workers
 * are still recording may be a batch apart from one another.
 *
 * @param stages the stages by name, in the order they were created
 * @param queues the queues by name, in the order they were first recorded
 * @param caches the caches by name, in the order they were created
 * @param failures the failed items: their count and the first ones
 */
public record MetricsSnapshot(
    Map<String, StageReport> stages,
    Map<String, QueueReport> queues,
    Map<String, CacheReport> caches,
    FailuresReport failures) {

  private static final MetricsSnapshot EMPTY =
      new MetricsSnapshot(Map.of(), Map.of(), Map.of(), FailuresReport.none());

  /** Validates that nothing is null; copies the maps, keeping their order. */
  public MetricsSnapshot {
    stages = CheckedMaps.ordered(stages, "stages");
    queues = CheckedMaps.ordered(queues, "queues");
    caches = CheckedMaps.ordered(caches, "caches");
    if (failures == null) {
      throw new IllegalArgumentException("failures must not be null");
    }
  }

  /** A snapshot of nothing recorded: what the no-op collector returns. */
  public static MetricsSnapshot empty() {
    return EMPTY;
  }
}
