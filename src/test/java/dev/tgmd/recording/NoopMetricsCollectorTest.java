package dev.tgmd.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class NoopMetricsCollectorTest {

  @Test
  void isASingletonWhoseSnapshotIsEmpty() {
    MetricsCollector noop = MetricsCollector.noop();
    assertThat(MetricsCollector.noop()).isSameAs(noop);

    StageRecorder stage = noop.stage("process");
    StageTimer timer = stage.newTimer();
    long b = timer.startBatch();
    timer.endItem(timer.startItem());
    timer.endBatch(b, 100, 1);
    stage.addWallNanos(1_000);
    noop.cache("c").hit();
    noop.recordQueueDepth("q", 1, 1);
    noop.recordFailure("process", "x", new RuntimeException());

    assertThat(stage.name()).isEqualTo("process");
    assertThat(noop.snapshot()).isEqualTo(MetricsSnapshot.empty());
  }

  @Test
  void readsNoClock() {
    StageTimer timer = MetricsCollector.noop().stage("process").newTimer();
    assertThat(timer.startItem()).isEqualTo(StageTimer.NOT_SAMPLED);
    assertThat(timer.startBatch()).isZero();
    assertThat(MetricsCollector.noop().ticker().read()).isZero();
  }

  @Test
  void allocatesNothingPerCall() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    MetricsCollector noop = MetricsCollector.noop();
    StageTimer timer = noop.stage("process").newTimer();
    CacheRecorder cache = noop.cache("c");
    Runnable calls =
        () -> {
          for (int i = 0; i < 100_000; i++) {
            long b = timer.startBatch();
            timer.endItem(timer.startItem());
            timer.endBatch(b, 1, 0);
            cache.hit();
          }
        };
    calls.run(); // warm up
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    calls.run();
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    // 500,000 calls; a single allocation per call would be megabytes. Allow for the measurement.
    assertThat(allocated).isLessThan(16 * 1024);
  }
}
