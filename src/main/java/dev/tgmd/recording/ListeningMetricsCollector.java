package dev.tgmd.recording;

import dev.tgmd.units.OneLine;
import java.util.Objects;

/**
 * A collector that records into another and tells a {@link FailureListener} of every failure, the
 * ones beyond the report's first {@value FailuresReport#KEPT} included. Everything else goes
 * straight to the collector it wraps: stages and caches are the wrapped collector's own, so the hot
 * paths cost what they cost without it. Thread-safe when the listener is.
 */
final class ListeningMetricsCollector implements MetricsCollector {

  private final MetricsCollector delegate;
  private final FailureListener listener;
  private final RecordingGuard guard = new RecordingGuard();

  ListeningMetricsCollector(MetricsCollector delegate, FailureListener listener) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Ticker ticker() {
    return delegate.ticker();
  }

  @Override
  public StageRecorder stage(String name) {
    return delegate.stage(name);
  }

  @Override
  public CacheRecorder cache(String name) {
    return delegate.cache(name);
  }

  @Override
  public void recordQueueDepth(String queue, long depth, long capacity) {
    delegate.recordQueueDepth(queue, depth, capacity);
  }

  @Override
  public void recordFailure(String stage, String item, Throwable error) {
    delegate.recordFailure(stage, item, error);
    try {
      listener.failed(
          new FailureReport(
              stage == null ? "unknown" : OneLine.of(stage, 100),
              item == null ? "unknown" : OneLine.of(item, 200),
              OneLine.of(error)));
    } catch (RuntimeException e) {
      guard.failed("telling of a failure", e);
    }
  }

  @Override
  public MetricsSnapshot snapshot() {
    return delegate.snapshot();
  }
}
