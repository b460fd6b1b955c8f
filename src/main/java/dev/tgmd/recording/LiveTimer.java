package dev.tgmd.recording;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The timer of one worker thread in one stage. Batches are timed in full and published to the stage
 * with one add per figure; one item in {@code sampleEvery} is timed into this thread's own {@link
 * SingleWriterRecorder}, which the stage drains when a snapshot is taken.
 *
 * <p>Not thread-safe for recording (one writer thread), but {@link #drainInto} may be called from
 * any thread while the owner records.
 */
final class LiveTimer implements StageTimer {

  private final LiveStage stage;
  private final Ticker ticker;
  private final int sampleMask;
  private final SingleWriterRecorder latencies;
  private final RecordingGuard guard;

  /** Items started so far by this thread; plain field, owned by the recording thread. */
  private int items;

  LiveTimer(LiveStage stage, Ticker ticker, int sampleEvery, RecordingGuard guard) {
    this.stage = stage;
    this.ticker = ticker;
    this.sampleMask = sampleEvery - 1;
    this.latencies = new SingleWriterRecorder(LiveStage.SIGNIFICANT_DIGITS);
    this.guard = guard;
  }

  @Override
  public long startBatch() {
    return ticker.read();
  }

  @Override
  public void endBatch(long start, int items, int errors) {
    long busy = ticker.read() - start;
    if (busy < 0 || items < 0 || errors < 0) {
      guard.rejected(
          "stage "
              + stage.name()
              + ": endBatch(busy "
              + busy
              + " ns, "
              + items
              + " items, "
              + errors
              + " errors) has a negative figure");
      return;
    }
    stage.publishBatch(items, errors, busy);
  }

  @Override
  public long startItem() {
    // The first item of each thread is sampled, then one in sampleEvery.
    if ((items++ & sampleMask) != 0) {
      return NOT_SAMPLED;
    }
    return ticker.read();
  }

  @Override
  public void endItem(long start) {
    if (start == NOT_SAMPLED) {
      return;
    }
    long latency = ticker.read() - start;
    try {
      latencies.recordValue(latency < 0 ? 0 : latency);
    } catch (RuntimeException e) {
      guard.failed("recording an item latency in stage " + stage.name(), e);
    }
  }

  /**
   * The recorder's last interval histogram, handed back to it at the next drain; guarded by the
   * stage's lock.
   */
  private Histogram spare;

  /**
   * Moves the latencies recorded since the last drain into {@code target}. Called by the stage
   * under its lock. The interval histogram is taken from the recorder, not copied out of it: a
   * snapshot runs once, at the end, in code not yet compiled, where every pass over a histogram's
   * twenty thousand counts took milliseconds.
   */
  void drainInto(Histogram target) {
    Histogram interval = latencies.getIntervalHistogram(spare);
    target.add(interval);
    spare = interval;
  }
}
