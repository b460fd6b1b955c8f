package dev.tgmd.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LiveMetricsCollectorTest {

  private final FakeTicker ticker = new FakeTicker();

  /** Runs one batch of items, each taking {@code itemNanos}, plus {@code overheadNanos}. */
  private void batch(StageTimer timer, int items, int errors, long itemNanos, long overheadNanos) {
    long b = timer.startBatch();
    for (int i = 0; i < items; i++) {
      long t = timer.startItem();
      ticker.advance(itemNanos);
      timer.endItem(t);
    }
    ticker.advance(overheadNanos);
    timer.endBatch(b, items, errors);
  }

  @Test
  void countsErrorsBusyTimeAndAverageComeFromBatches() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    StageRecorder stage = metrics.stage("process");
    StageTimer timer = stage.newTimer();

    batch(timer, 100, 2, 1_000, 5_000); // 100 us of items + 5 us overhead
    batch(timer, 50, 0, 2_000, 0); // 100 us
    stage.addWallNanos(1_000_000); // 1 ms

    StageReport s = metrics.snapshot().stages().get("process");
    assertThat(s.count()).isEqualTo(150);
    assertThat(s.errors()).isEqualTo(2);
    assertThat(s.totalS()).isCloseTo(205e-6, within(1e-12));
    assertThat(s.avgS()).isCloseTo(205e-6 / 150, within(1e-12));
    assertThat(s.wallS()).isCloseTo(1e-3, within(1e-12));
    assertThat(s.throughputPerS()).isCloseTo(150_000, within(1e-6));
    assertThat(s.workers()).isEqualTo(1);
    assertThat(s.utilization()).isCloseTo(0.205, within(1e-9));
  }

  @Test
  void timesTheFirstItemAndThenOneInSixteenByDefault() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    StageTimer timer = metrics.stage("fetch").newTimer();
    int sampled = 0;
    for (int i = 0; i < 64; i++) {
      long t = timer.startItem();
      if (t != StageTimer.NOT_SAMPLED) {
        sampled++;
        assertThat(i % 16).isZero();
      }
      timer.endItem(t);
    }
    assertThat(sampled).isEqualTo(4);
    assertThat(metrics.snapshot().stages().get("fetch").sampled()).isEqualTo(4);
  }

  @Test
  void unsampledItemsReadNoClock() {
    MetricsCollector metrics = MetricsCollector.create(ticker, 1024);
    StageTimer timer = metrics.stage("fetch").newTimer();
    timer.endItem(timer.startItem()); // the first item is sampled: two readings
    long before = ticker.reads();
    for (int i = 1; i < 1024; i++) {
      timer.endItem(timer.startItem());
    }
    assertThat(ticker.reads()).isEqualTo(before);
  }

  @Test
  void minMaxAndPercentilesAreThoseOfTheSampledItemsWithinHdrPrecision() {
    MetricsCollector metrics = MetricsCollector.create(ticker, 1);
    StageTimer timer = metrics.stage("process").newTimer();
    long b = timer.startBatch();
    for (int i = 1; i <= 1000; i++) { // latencies 1 us .. 1000 us
      long t = timer.startItem();
      ticker.advance(i * 1_000L);
      timer.endItem(t);
    }
    timer.endBatch(b, 1000, 0);

    StageReport s = metrics.snapshot().stages().get("process");
    assertThat(s.sampled()).isEqualTo(1000);
    // 3 significant digits: every figure within 0.1% of the exact one
    assertThat(s.minS()).isCloseTo(1e-6, within(1e-6 * 0.001));
    assertThat(s.maxS()).isCloseTo(1000e-6, within(1000e-6 * 0.001));
    assertThat(s.p50S()).isCloseTo(500e-6, within(500e-6 * 0.001));
    assertThat(s.p95S()).isCloseTo(950e-6, within(950e-6 * 0.001));
    assertThat(s.p99S()).isCloseTo(990e-6, within(990e-6 * 0.001));
    assertThat(s.avgS()).isCloseTo(500.5e-6, within(1e-12));
  }

  @Test
  void aStageThatRecordedNothingHasZerosAndNullsNeverNaN() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    metrics.stage("media");

    StageReport s = metrics.snapshot().stages().get("media");
    assertThat(s.count()).isZero();
    assertThat(s.errors()).isZero();
    assertThat(s.totalS()).isZero();
    assertThat(s.wallS()).isZero();
    assertThat(s.sampled()).isZero();
    assertThat(s.avgS()).isNull();
    assertThat(s.minS()).isNull();
    assertThat(s.maxS()).isNull();
    assertThat(s.p50S()).isNull();
    assertThat(s.p95S()).isNull();
    assertThat(s.p99S()).isNull();
    assertThat(s.throughputPerS()).isNull();
    assertThat(s.utilization()).isNull();
  }

  @Test
  void utilizationUsesDeclaredWorkersAndIsClampedToOne() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    StageRecorder stage = metrics.stage("process");
    StageTimer a = stage.newTimer();
    StageTimer b = stage.newTimer();
    batch(a, 10, 0, 100_000, 0); // 1 ms busy
    batch(b, 10, 0, 50_000, 0); // 0.5 ms busy
    stage.addWallNanos(1_000_000);

    assertThat(metrics.snapshot().stages().get("process").workers()).isEqualTo(2);
    assertThat(metrics.snapshot().stages().get("process").utilization())
        .isCloseTo(0.75, within(1e-9));

    stage.setWorkers(1); // under-declared: busy 1.5 ms in 1 ms of one worker
    assertThat(metrics.snapshot().stages().get("process").utilization()).isEqualTo(1.0);
  }

  @Test
  void stagesAndCachesKeepTheirCreationOrderAndAreCreatedOnce() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    StageRecorder fetch = metrics.stage("fetch");
    metrics.stage("process");
    metrics.stage("write");
    metrics.cache("reply-snippets");
    metrics.cache("media-dedup");

    assertThat(metrics.stage("fetch")).isSameAs(fetch);
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages().keySet()).containsExactly("fetch", "process", "write");
    assertThat(snapshot.caches().keySet()).containsExactly("reply-snippets", "media-dedup");
  }

  @Test
  void queueDepthKeepsTheMaximumAndTheCapacity() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    metrics.recordQueueDepth("fetch->process", 3, 64);
    metrics.recordQueueDepth("fetch->process", 64, 64);
    metrics.recordQueueDepth("fetch->process", 10, 64);

    assertThat(metrics.snapshot().queues().get("fetch->process"))
        .isEqualTo(new QueueReport(64, 64));
  }

  @Test
  void cacheHitRateIsDerivedAndNullWithoutLookups() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    CacheRecorder cache = metrics.cache("media-dedup");
    for (int i = 0; i < 3; i++) {
      cache.hit();
    }
    cache.miss();
    cache.eviction();
    cache.size(7, 4096);
    metrics.cache("reply-snippets");

    CacheReport c = metrics.snapshot().caches().get("media-dedup");
    assertThat(c).isEqualTo(new CacheReport(3, 1, 1, 7, 4096));
    assertThat(c.hitRatePct()).isEqualTo(75.0);
    assertThat(metrics.snapshot().caches().get("reply-snippets").hitRatePct()).isNull();
  }

  @Test
  void keepsTheFirstTwentyFailuresOnOneLineAndCountsThemAll() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    for (int i = 0; i < 25; i++) {
      metrics.recordFailure("process", "message " + i, new IOException("disk\nfull " + i));
    }

    FailuresReport failures = metrics.snapshot().failures();
    assertThat(failures.count()).isEqualTo(25);
    assertThat(failures.first()).hasSize(20);
    assertThat(failures.first().get(0))
        .isEqualTo(new FailureReport("process", "message 0", "IOException: disk full 0"));
    assertThat(failures.first().get(19).item()).isEqualTo("message 19");
  }

  @Test
  void recordFailureToleratesNulls() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    metrics.recordFailure(null, null, null);
    metrics.recordFailure("write", "note Alice.md", new IllegalStateException());

    assertThat(metrics.snapshot().failures().first())
        .containsExactly(
            new FailureReport("unknown", "unknown", "unknown error"),
            new FailureReport("write", "note Alice.md", "IllegalStateException"));
  }

  @Test
  void badRecordingCallsAreIgnoredNeverThrown() {
    LiveMetricsCollector metrics = new LiveMetricsCollector(ticker, 1);
    StageRecorder stage = metrics.stage("process");
    StageTimer timer = stage.newTimer();

    metrics.recordQueueDepth(null, 1, 1);
    metrics.recordQueueDepth("q", -1, 1);
    metrics.cache("c").size(-1, 0);
    stage.setWorkers(-3);
    stage.addWallNanos(-1);
    timer.endBatch(timer.startBatch(), -1, 0);
    long start = timer.startItem();
    ticker.advance(-1_000); // a clock going backwards: recorded as 0
    timer.endItem(start);

    MetricsSnapshot s = metrics.snapshot();
    assertThat(s.queues()).isEmpty();
    assertThat(s.stages().get("process").count()).isZero();
    assertThat(s.stages().get("process").workers()).isEqualTo(1);
    assertThat(s.stages().get("process").sampled()).isEqualTo(1);
    assertThat(s.stages().get("process").maxS()).isZero();
    assertThat(metrics.recordingProblems()).isEqualTo(6);
  }

  @Test
  void hugeLatenciesAreRecordedNotRejected() {
    MetricsCollector metrics = MetricsCollector.create(ticker, 1);
    StageTimer timer = metrics.stage("media").newTimer();
    long t = timer.startItem();
    ticker.advance(3_600_000_000_000L); // one hour
    timer.endItem(t);

    assertThat(metrics.snapshot().stages().get("media").maxS()).isCloseTo(3600, within(3.6));
  }

  @Test
  void snapshotsAreImmutableAndRecordingGoesOnAfterThem() {
    MetricsCollector metrics = MetricsCollector.create(ticker, 1);
    StageTimer timer = metrics.stage("fetch").newTimer();
    batch(timer, 10, 0, 1_000, 0);
    MetricsSnapshot first = metrics.snapshot();
    batch(timer, 5, 0, 1_000, 0);
    MetricsSnapshot second = metrics.snapshot();

    assertThat(first.stages().get("fetch").count()).isEqualTo(10);
    assertThat(first.stages().get("fetch").sampled()).isEqualTo(10);
    assertThat(second.stages().get("fetch").count()).isEqualTo(15);
    assertThat(second.stages().get("fetch").sampled()).isEqualTo(15);
    assertThatThrownBy(() -> first.stages().put("x", StageReport.empty()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void wiringRejectsBlankNamesAndBadSampling() {
    MetricsCollector metrics = MetricsCollector.create(ticker);
    assertThatThrownBy(() -> metrics.stage(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.cache(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricsCollector.create(ticker, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> MetricsCollector.create(ticker, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordingAllocatesNothingOnceWarm() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    MetricsCollector metrics = MetricsCollector.create(ticker);
    StageTimer timer = metrics.stage("process").newTimer();
    Runnable batches =
        () -> {
          for (int b = 0; b < 2_000; b++) {
            long start = timer.startBatch();
            for (int i = 0; i < 100; i++) {
              long t = timer.startItem();
              ticker.advance(1 + (i % 7) * 1_000);
              timer.endItem(t);
            }
            timer.endBatch(start, 100, 0);
          }
        };
    batches.run(); // warm up; the histogram grows to the (fixed) range of latencies
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    batches.run();
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    // 200,000 items: even 1 byte per item would be 200 KB
    assertThat(allocated).isLessThan(64 * 1024);
  }

  @Test
  void theLiveCollectorTimesWithItsTicker() {
    assertThat(MetricsCollector.create(ticker).ticker()).isSameAs(ticker);
  }
}
