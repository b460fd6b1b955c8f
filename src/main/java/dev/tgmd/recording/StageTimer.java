package dev.tgmd.recording;

/**
 * Times the work of one thread in one stage. Not thread-safe: create one per worker thread with
 * {@link StageRecorder#newTimer()} when the run is wired, and use it only from that thread.
 *
 * <p>Batches are timed in full (two clock readings per batch); single items are sampled (the first
 * item of the thread, then one item in N, 16 by default, is timed) for the latency percentiles. The
 * no-op timer reads no clock at all. Recording never throws and, once warm, allocates nothing.
 *
 * <pre>{@code
 * long batch = timer.startBatch();
 * for (Item item : items) {
 *   long t = timer.startItem();
 *   process(item);
 *   timer.endItem(t);
 * }
 * timer.endBatch(batch, items.size(), failed);
 * }</pre>
 */
public interface StageTimer {

  /** Returned by {@link #startItem()} when this item is not sampled. */
  long NOT_SAMPLED = Long.MIN_VALUE;

  /** Starts timing a batch; returns the start reading to pass to {@link #endBatch}. */
  long startBatch();

  /**
   * Ends a batch: adds {@code items} to the stage count, {@code errors} to its errors and the time
   * since {@code start} to its busy time.
   */
  void endBatch(long start, int items, int errors);

  /**
   * Starts timing one item if it is sampled; returns its start reading, or {@link #NOT_SAMPLED}.
   */
  long startItem();

  /** Ends timing one item; does nothing when {@code start} is {@link #NOT_SAMPLED}. */
  void endItem(long start);
}
