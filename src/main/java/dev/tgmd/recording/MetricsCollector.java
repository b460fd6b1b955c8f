package dev.tgmd.recording;

/**
 * Collects the measurements of one run: stages, queue depths, caches and the first failures.
 * Thread-safe; chosen once when a run is wired: a live collector when metrics are on, the no-op
 * collector when they are off. Hot paths never test whether metrics are enabled.
 *
 * <p>Recording never throws: a recording failure is logged once and swallowed, so metrics can never
 * fail an export. (Recording means every method but {@link #stage} and {@link #cache}, which are
 * called when the run is wired and reject a blank name with an {@link IllegalArgumentException}.)
 *
 * <pre>{@code
 * MetricsCollector metrics = options.metrics() ? MetricsCollector.create() : MetricsCollector.noop();
 * StageRecorder write = metrics.stage("write");
 * write.setWorkers(2);
 * // ... each worker: StageTimer timer = write.newTimer(); ...
 * write.addWallNanos(pipelineNanos);
 * MetricsSnapshot snapshot = metrics.snapshot();
 * }</pre>
 */
public interface MetricsCollector {

  /**
   * A live collector timing with {@code ticker}, sampling one item in 16 per worker thread for the
   * latency percentiles.
   */
  static MetricsCollector create(Ticker ticker) {
    return new LiveMetricsCollector(ticker, LiveMetricsCollector.DEFAULT_SAMPLE_EVERY);
  }

  /**
   * A live collector timing with {@code ticker}, sampling the first item of each worker thread and
   * then one item in {@code sampleEvery}.
   *
   * @param sampleEvery a power of two from 1 (time every item) to 2^20
   * @throws IllegalArgumentException if {@code sampleEvery} is not such a power of two
   */
  static MetricsCollector create(Ticker ticker, int sampleEvery) {
    return new LiveMetricsCollector(ticker, sampleEvery);
  }

  /** A live collector timing with the system ticker ({@link System#nanoTime()}). */
  static MetricsCollector create() {
    return create(Ticker.system());
  }

  /**
   * The no-op collector, for runs with metrics off: a singleton that records nothing, reads no
   * clock and allocates nothing per call; its snapshot is {@link MetricsSnapshot#empty()}.
   */
  static MetricsCollector noop() {
    return NoopMetricsCollector.INSTANCE;
  }

  /**
   * {@code collector}, telling {@code listener} of every failure as it is recorded (all of them,
   * not only the first kept for the report); with metrics off too, around the no-op collector.
   */
  static MetricsCollector listening(MetricsCollector collector, FailureListener listener) {
    return listener == FailureListener.NONE
        ? collector
        : new ListeningMetricsCollector(collector, listener);
  }

  /** The ticker to time with; {@link Ticker#disabled()} for the no-op collector. */
  Ticker ticker();

  /** The stage of that name, created on first use; stages keep their creation order. */
  StageRecorder stage(String name);

  /** The cache of that name, created on first use; caches keep their creation order. */
  CacheRecorder cache(String name);

  /**
   * Records the current depth of a named queue or buffer; the report keeps the maximum and the
   * capacity (0 for unbounded). Costs a map lookup: call it once per batch, not per item.
   */
  void recordQueueDepth(String queue, long depth, long capacity);

  /**
   * Records one failed item: its stage, a short description of the item (such as "message 42 in
   * chat Alice") and the error. All are counted under {@code failures.count}; the first {@value
   * FailuresReport#KEPT} are kept, the error as one line {@code Class: message}. This does not add
   * to the stage's {@code errors}: that figure comes from the {@code errors} passed to {@link
   * StageTimer#endBatch}, so count the failed item there too.
   */
  void recordFailure(String stage, String item, Throwable error);

  /**
   * What was recorded so far. Safe to call while other threads record (they go on; nothing is lost
   * or counted twice across snapshots); never throws.
   */
  MetricsSnapshot snapshot();
}
