package dev.tgmd.recording;

import dev.tgmd.units.Figures;
import dev.tgmd.units.OneLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The collector used when metrics are on. Thread-safe. Recording never throws: bad arguments and
 * failures are handed to a {@link RecordingGuard}, which logs the first and counts them all.
 */
final class LiveMetricsCollector implements MetricsCollector {

  /** One item in this many is timed for the latency percentiles, by default. */
  static final int DEFAULT_SAMPLE_EVERY = 16;

  /** The largest sampling stride accepted. */
  static final int MAX_SAMPLE_EVERY = 1 << 20;

  private final Ticker ticker;
  private final int sampleEvery;
  private final RecordingGuard guard = new RecordingGuard();

  private final NamedInstances<LiveStage> stages = new NamedInstances<>();
  private final NamedInstances<LiveCache> caches = new NamedInstances<>();
  private final NamedInstances<QueueGauge> queues = new NamedInstances<>();

  private final AtomicLong failureCount = new AtomicLong();
  private final AtomicReferenceArray<FailureReport> firstFailures =
      new AtomicReferenceArray<>(FailuresReport.KEPT);

  /**
   * @param ticker the time source for batches and items
   * @param sampleEvery one item in this many is timed: a power of two from 1 to 2^20
   */
  LiveMetricsCollector(Ticker ticker, int sampleEvery) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    if (sampleEvery < 1 || sampleEvery > MAX_SAMPLE_EVERY || Integer.bitCount(sampleEvery) != 1) {
      throw new IllegalArgumentException(
          "sampleEvery must be a power of two from 1 to "
              + MAX_SAMPLE_EVERY
              + ", was "
              + sampleEvery);
    }
    this.sampleEvery = sampleEvery;
  }

  @Override
  public Ticker ticker() {
    return ticker;
  }

  /** How many items in one are timed. */
  int sampleEvery() {
    return sampleEvery;
  }

  /** How many recording problems were ignored. */
  long recordingProblems() {
    return guard.problems();
  }

  @Override
  public StageRecorder stage(String name) {
    Figures.nonBlank(name, "stage name");
    return stages.get(name, n -> new LiveStage(n, ticker, sampleEvery, guard));
  }

  @Override
  public CacheRecorder cache(String name) {
    Figures.nonBlank(name, "cache name");
    return caches.get(name, n -> new LiveCache(n, guard));
  }

  @Override
  public void recordQueueDepth(String queue, long depth, long capacity) {
    if (queue == null || depth < 0 || capacity < 0) {
      guard.rejected(
          "recordQueueDepth(" + queue + ", " + depth + ", " + capacity + "): bad argument");
      return;
    }
    queues.get(queue, QueueGauge::new).record(depth, capacity);
  }

  @Override
  public void recordFailure(String stage, String item, Throwable error) {
    long n = failureCount.getAndIncrement();
    if (n >= FailuresReport.KEPT) {
      return;
    }
    try {
      firstFailures.set(
          (int) n,
          new FailureReport(
              stage == null ? "unknown" : OneLine.of(stage, 100),
              item == null ? "unknown" : OneLine.of(item, 200),
              OneLine.of(error)));
    } catch (RuntimeException e) {
      guard.failed("recording a failure", e);
    }
  }

  @Override
  public MetricsSnapshot snapshot() {
    Map<String, StageReport> stageReports = new LinkedHashMap<>();
    for (String name : stages.names()) {
      stageReports.put(name, stages.find(name).snapshot());
    }
    Map<String, QueueReport> queueReports = new LinkedHashMap<>();
    for (String name : queues.names()) {
      queueReports.put(name, queues.find(name).snapshot());
    }
    Map<String, CacheReport> cacheReports = new LinkedHashMap<>();
    for (String name : caches.names()) {
      cacheReports.put(name, caches.find(name).snapshot());
    }
    long count = failureCount.get();
    List<FailureReport> first = new ArrayList<>();
    for (int i = 0; i < Math.min(count, FailuresReport.KEPT); i++) {
      FailureReport f = firstFailures.get(i);
      if (f != null) { // null while its recording thread is still building it
        first.add(f);
      }
    }
    return new MetricsSnapshot(
        stageReports,
        queueReports,
        cacheReports,
        new FailuresReport(Math.max(count, first.size()), first));
  }

  /** The largest depth and the last capacity of one queue. */
  static final class QueueGauge {
    private final AtomicLong maxDepth = new AtomicLong();
    private volatile long capacity;

    QueueGauge(String name) {}

    void record(long depth, long capacity) {
      long max = maxDepth.get();
      while (depth > max && !maxDepth.compareAndSet(max, depth)) {
        max = maxDepth.get();
      }
      if (this.capacity != capacity) {
        this.capacity = capacity;
      }
    }

    QueueReport snapshot() {
      return new QueueReport(maxDepth.get(), capacity);
    }
  }

  /** The counters of one cache. */
  static final class LiveCache implements CacheRecorder {
    private final String name;
    private final RecordingGuard guard;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile long entries;
    private volatile long bytes;

    LiveCache(String name, RecordingGuard guard) {
      this.name = name;
      this.guard = guard;
    }

    @Override
    public void hit() {
      hits.increment();
    }

    @Override
    public void miss() {
      misses.increment();
    }

    @Override
    public void eviction() {
      evictions.increment();
    }

    @Override
    public void size(long entries, long bytes) {
      if (entries < 0 || bytes < 0) {
        guard.rejected("cache " + name + ": size(" + entries + ", " + bytes + ") is negative");
        return;
      }
      this.entries = entries;
      this.bytes = bytes;
    }

    CacheReport snapshot() {
      return new CacheReport(hits.sum(), misses.sum(), evictions.sum(), entries, bytes);
    }
  }
}
