package dev.tgmd.pipeline;

import dev.tgmd.recording.CacheRecorder;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.recording.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A collector for tests that keeps everything it is told. Two kinds, like the real ones: {@link
 * #live} times with its ticker (sampling one item in {@value #SAMPLE_EVERY}), {@link #disabled} has
 * timers that read no clock, as the no-op collector's, and counts every reading of its ticker so
 * that a test can prove the pipeline reads no clock per item or per batch.
 */
final class FakeCollector implements MetricsCollector {

  static final int SAMPLE_EVERY = 4;

  /** A ticker that counts its readings. */
  static final class CountingTicker implements Ticker {
    private final Ticker delegate;
    final AtomicLong reads = new AtomicLong();

    CountingTicker(Ticker delegate) {
      this.delegate = delegate;
    }

    @Override
    public long read() {
      reads.incrementAndGet();
      return delegate.read();
    }
  }

  record Failure(String stage, String item, Throwable error) {}

  /** The depths recorded for one queue. */
  static final class QueueDepths {
    final AtomicLong records = new AtomicLong();
    final AtomicLong maxDepth = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong minDepth = new AtomicLong(Long.MAX_VALUE);
    final List<Long> capacities = new CopyOnWriteArrayList<>();
    final AtomicBoolean overCapacity = new AtomicBoolean();

    void record(long depth, long capacity) {
      records.incrementAndGet();
      maxDepth.accumulateAndGet(depth, Math::max);
      minDepth.accumulateAndGet(depth, Math::min);
      if (!capacities.contains(capacity)) {
        capacities.add(capacity);
      }
      if (depth > capacity) {
        overCapacity.set(true);
      }
    }
  }

  final class FakeStage implements StageRecorder {
    private final String name;
    final List<Integer> workers = new CopyOnWriteArrayList<>();
    final List<FakeTimer> timers = new CopyOnWriteArrayList<>();
    final List<Long> wallNanos = new CopyOnWriteArrayList<>();
    final AtomicLong items = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong busyNanos = new AtomicLong();
    final AtomicLong sampledItems = new AtomicLong();

    FakeStage(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void setWorkers(int workers) {
      this.workers.add(workers);
    }

    @Override
    public StageTimer newTimer() {
      FakeTimer timer = new FakeTimer(this);
      timers.add(timer);
      return timer;
    }

    @Override
    public void addWallNanos(long nanos) {
      wallNanos.add(nanos);
    }
  }

  /** Checks that it is used from one thread only, as the StageTimer contract requires. */
  final class FakeTimer implements StageTimer {
    private final FakeStage stage;
    private volatile Thread owner;
    final AtomicBoolean usedFromTwoThreads = new AtomicBoolean();
    private long calls;

    FakeTimer(FakeStage stage) {
      this.stage = stage;
    }

    Thread owner() {
      return owner;
    }

    private void checkThread() {
      Thread current = Thread.currentThread();
      if (owner == null) {
        owner = current;
      } else if (owner != current) {
        usedFromTwoThreads.set(true);
      }
    }

    @Override
    public long startBatch() {
      checkThread();
      return timing ? ticker.read() : 0L;
    }

    @Override
    public void endBatch(long start, int items, int errors) {
      checkThread();
      stage.batches.incrementAndGet();
      stage.items.addAndGet(items);
      stage.errors.addAndGet(errors);
      if (timing) {
        stage.busyNanos.addAndGet(ticker.read() - start);
      }
    }

    @Override
    public long startItem() {
      checkThread();
      if (!timing || calls++ % SAMPLE_EVERY != 0) {
        return NOT_SAMPLED;
      }
      return ticker.read();
    }

    @Override
    public void endItem(long start) {
      checkThread();
      if (start != NOT_SAMPLED) {
        ticker.read();
        stage.sampledItems.incrementAndGet();
      }
    }
  }

  private final boolean timing;
  final CountingTicker ticker;
  private final Map<String, FakeStage> stages = Collections.synchronizedMap(new LinkedHashMap<>());
  final Map<String, QueueDepths> queues = new ConcurrentHashMap<>();
  final List<Failure> failures = new CopyOnWriteArrayList<>();

  private FakeCollector(boolean timing, Ticker ticker) {
    this.timing = timing;
    this.ticker = new CountingTicker(ticker);
  }

  /** Times batches and sampled items with the system ticker. */
  static FakeCollector live() {
    return new FakeCollector(true, Ticker.system());
  }

  /** Like the no-op collector: timers read no clock; the ticker counts its readings. */
  static FakeCollector disabled(Ticker ticker) {
    return new FakeCollector(false, ticker);
  }

  FakeStage stage0(String name) {
    return stages.computeIfAbsent(name, FakeStage::new);
  }

  List<String> stageNames() {
    synchronized (stages) {
      return new ArrayList<>(stages.keySet());
    }
  }

  List<FakeTimer> allTimers() {
    List<FakeTimer> all = new ArrayList<>();
    synchronized (stages) {
      stages.values().forEach(s -> all.addAll(s.timers));
    }
    return all;
  }

  @Override
  public Ticker ticker() {
    return ticker;
  }

  @Override
  public StageRecorder stage(String name) {
    return stage0(name);
  }

  @Override
  public CacheRecorder cache(String name) {
    return new CacheRecorder() {
      @Override
      public void hit() {}

      @Override
      public void miss() {}

      @Override
      public void eviction() {}

      @Override
      public void size(long entries, long bytes) {}
    };
  }

  @Override
  public void recordQueueDepth(String queue, long depth, long capacity) {
    queues.computeIfAbsent(queue, q -> new QueueDepths()).record(depth, capacity);
  }

  @Override
  public void recordFailure(String stage, String item, Throwable error) {
    failures.add(new Failure(stage, item, error));
  }

  /** The fake keeps its own records (see its fields); the report snapshot is not part of it. */
  @Override
  public dev.tgmd.recording.MetricsSnapshot snapshot() {
    return dev.tgmd.recording.MetricsSnapshot.empty();
  }
}
