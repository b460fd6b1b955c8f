package dev.tgmd.recording;

import dev.tgmd.units.Figures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One stage of a live collector. Batch figures are {@link LongAdder}s added to once per batch;
 * sampled item latencies live in the timers' recorders and are merged into an accumulated histogram
 * under a lock when a snapshot is taken (the HdrHistogram recorder pattern), so snapshots can be
 * taken while workers record and no latency is lost or counted twice.
 */
final class LiveStage implements StageRecorder {

  /** Latencies are kept to 3 significant digits (0.1%), in nanoseconds. */
  static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final Ticker ticker;
  private final int sampleEvery;
  private final RecordingGuard guard;

  private final LongAdder count = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder wallNanos = new LongAdder();
  private volatile StageRead read;
  private volatile int declaredWorkers = -1;
  private final List<LiveTimer> timers = new CopyOnWriteArrayList<>();

  private final Object histogramLock = new Object();

  /** Every latency drained so far; guarded by histogramLock. Auto-resizing. */
  private final Histogram accumulated = new Histogram(SIGNIFICANT_DIGITS);

  LiveStage(String name, Ticker ticker, int sampleEvery, RecordingGuard guard) {
    this.name = name;
    this.ticker = ticker;
    this.sampleEvery = sampleEvery;
    this.guard = guard;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void setWorkers(int workers) {
    if (workers < 0) {
      guard.rejected("stage " + name + ": setWorkers(" + workers + ") is negative");
      return;
    }
    declaredWorkers = workers;
  }

  @Override
  public StageTimer newTimer() {
    LiveTimer timer = new LiveTimer(this, ticker, sampleEvery, guard);
    timers.add(timer);
    return timer;
  }

  @Override
  public void addWallNanos(long nanos) {
    if (nanos < 0) {
      guard.rejected("stage " + name + ": addWallNanos(" + nanos + ") is negative");
      return;
    }
    wallNanos.add(nanos);
  }

  @Override
  public void recordRead(java.util.List<String> files, long bytes) {
    try {
      read = new StageRead(files, files == null ? 0 : files.size(), bytes);
    } catch (RuntimeException e) {
      guard.rejected("stage " + name + ": recordRead: " + e.getMessage());
    }
  }

  void publishBatch(int items, int failed, long busy) {
    count.add(items);
    if (failed != 0) {
      errors.add(failed);
    }
    busyNanos.add(busy);
  }

  /** The workers: as declared with {@link #setWorkers}, or else the number of timers created. */
  int workers() {
    int declared = declaredWorkers;
    return declared >= 0 ? declared : timers.size();
  }

  StageReport snapshot() {
    Double min = null;
    Double max = null;
    Double p50 = null;
    Double p95 = null;
    Double p99 = null;
    long sampled = 0;
    try {
      synchronized (histogramLock) {
        for (LiveTimer timer : timers) {
          timer.drainInto(accumulated);
        }
        sampled = accumulated.getTotalCount();
        if (sampled > 0) {
          min = Figures.seconds(accumulated.getMinValue());
          max = Figures.seconds(accumulated.getMaxValue());
          p50 = Figures.seconds(accumulated.getValueAtPercentile(50));
          p95 = Figures.seconds(accumulated.getValueAtPercentile(95));
          p99 = Figures.seconds(accumulated.getValueAtPercentile(99));
        }
      }
    } catch (RuntimeException e) {
      guard.failed("merging the latencies of stage " + name, e);
      min = max = p50 = p95 = p99 = null;
      sampled = 0;
    }
    return new StageReport(
        Math.max(0, count.sum()),
        Math.max(0, errors.sum()),
        Figures.seconds(Math.max(0, busyNanos.sum())),
        min,
        max,
        p50,
        p95,
        p99,
        workers(),
        Figures.seconds(Math.max(0, wallNanos.sum())),
        sampled,
        read);
  }
}
