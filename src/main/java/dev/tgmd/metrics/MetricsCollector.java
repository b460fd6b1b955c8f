package dev.tgmd.metrics;

/**
 * Collects the measurements of one run: stages, totals, queue depths, caches and the first
 * failures. Thread-safe; chosen once when a run is wired: a live collector when metrics are on,
 * the no-op collector when they are off. Hot paths never test whether metrics are enabled.
 *
 * <p>Recording never throws: a recording failure is logged once and swallowed, so metrics can
 * never fail an export.
 */
public interface MetricsCollector {

  /** The ticker to time with; {@link Ticker#disabled()} for the no-op collector. */
  Ticker ticker();

  /** The stage of that name, created on first use; stages keep their creation order. */
  StageRecorder stage(String name);

  /** The cache of that name, created on first use. */
  CacheRecorder cache(String name);

  /** Adds {@code delta} to a run-wide total. */
  void add(Total total, long delta);

  /**
   * Records the current depth of a named queue or buffer; the report keeps the maximum and the
   * capacity.
   */
  void recordQueueDepth(String queue, long depth, long capacity);

  /**
   * Records one failed item: its stage, a short description of the item (such as "message 42 in
   * chat Alice") and the error. The first few are kept for the report; all are counted by the
   * stage's errors.
   */
  void recordFailure(String stage, String item, Throwable error);
}
