package dev.tgmd.recording;

import dev.tgmd.units.Figures;

/**
 * The collector used when metrics are off: every recording call does nothing, reads no clock and
 * allocates nothing. Its snapshot is {@link MetricsSnapshot#empty()}. A singleton.
 */
final class NoopMetricsCollector implements MetricsCollector {

  static final NoopMetricsCollector INSTANCE = new NoopMetricsCollector();

  private static final Ticker TICKER = Ticker.disabled();

  private NoopMetricsCollector() {}

  @Override
  public Ticker ticker() {
    return TICKER;
  }

  @Override
  public StageRecorder stage(String name) {
    Figures.nonBlank(name, "stage name");
    return new NoopStage(name);
  }

  @Override
  public CacheRecorder cache(String name) {
    Figures.nonBlank(name, "cache name");
    return NoopCache.INSTANCE;
  }

  @Override
  public void recordQueueDepth(String queue, long depth, long capacity) {}

  @Override
  public void recordFailure(String stage, String item, Throwable error) {}

  @Override
  public MetricsSnapshot snapshot() {
    return MetricsSnapshot.empty();
  }

  @Override
  public String toString() {
    return "MetricsCollector.noop()";
  }

  /** A stage that records nothing; it only remembers its name. */
  static final class NoopStage implements StageRecorder {
    private final String name;

    NoopStage(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void setWorkers(int workers) {}

    @Override
    public StageTimer newTimer() {
      return NoopTimer.INSTANCE;
    }

    @Override
    public void addWallNanos(long nanos) {}
  }

  /** A timer that reads no clock. */
  static final class NoopTimer implements StageTimer {
    static final NoopTimer INSTANCE = new NoopTimer();

    private NoopTimer() {}

    @Override
    public long startBatch() {
      return 0L;
    }

    @Override
    public void endBatch(long start, int items, int errors) {}

    @Override
    public long startItem() {
      return NOT_SAMPLED;
    }

    @Override
    public void endItem(long start) {}
  }

  /** A cache recorder that records nothing. */
  static final class NoopCache implements CacheRecorder {
    static final NoopCache INSTANCE = new NoopCache();

    private NoopCache() {}

    @Override
    public void hit() {}

    @Override
    public void miss() {}

    @Override
    public void eviction() {}

    @Override
    public void size(long entries, long bytes) {}
  }
}
