package dev.tgmd.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentRecordingTest {

  private static final int THREADS = 8;
  private static final int BATCHES = 2_000;
  private static final int ITEMS = 50;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manyThreadsRecordingAtOnceLoseNothingWhileSnapshotsAreTaken() throws Exception {
    MetricsCollector metrics = MetricsCollector.create(Ticker.system(), 4);
    StageRecorder stage = metrics.stage("process");
    CacheRecorder cache = metrics.cache("dedup");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        StageTimer timer = stage.newTimer();
        workers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int b = 0; b < BATCHES; b++) {
                    long start = timer.startBatch();
                    for (int i = 0; i < ITEMS; i++) {
                      long t = timer.startItem();
                      timer.endItem(t);
                      cache.hit();
                    }
                    timer.endBatch(start, ITEMS, 1);
                    metrics.recordQueueDepth("q", b % 100, 100);
                  }
                  return null;
                }));
      }
      Future<List<MetricsSnapshot>> snapshotter =
          pool.submit(
              () -> {
                go.await();
                List<MetricsSnapshot> seen = new ArrayList<>();
                while (!done.get()) {
                  seen.add(metrics.snapshot());
                  Thread.sleep(1);
                }
                return seen;
              });
      go.countDown();
      for (Future<?> f : workers) {
        f.get();
      }
      done.set(true);
      List<MetricsSnapshot> during = snapshotter.get();

      long expectedItems = (long) THREADS * BATCHES * ITEMS;
      MetricsSnapshot last = metrics.snapshot();
      StageReport s = last.stages().get("process");
      assertThat(s.count()).isEqualTo(expectedItems);
      assertThat(s.errors()).isEqualTo((long) THREADS * BATCHES);
      assertThat(s.workers()).isEqualTo(THREADS);
      // each thread times its first item and then one in 4: exactly a quarter here
      assertThat(s.sampled()).isEqualTo(expectedItems / 4);
      assertThat(last.caches().get("dedup").hits()).isEqualTo(expectedItems);
      assertThat(last.queues().get("q").maxDepth()).isEqualTo(99);

      // Snapshots taken during the run never go backwards and never exceed the end.
      long previousCount = 0;
      long previousSampled = 0;
      for (MetricsSnapshot snap : during) {
        StageReport p = snap.stages().get("process");
        assertThat(p.count()).isBetween(previousCount, expectedItems);
        assertThat(p.sampled()).isBetween(previousSampled, expectedItems / 4);
        previousCount = p.count();
        previousSampled = p.sampled();
      }
      // A snapshot after the end changes nothing: nothing is counted twice.
      assertThat(metrics.snapshot().stages().get("process")).isEqualTo(s);
    } finally {
      done.set(true);
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentFailuresAreAllCountedAndTwentyKept() throws Exception {
    MetricsCollector metrics = MetricsCollector.create();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int worker = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1_000; i++) {
                    metrics.recordFailure("process", worker + "/" + i, new RuntimeException("x"));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      FailuresReport failures = metrics.snapshot().failures();
      assertThat(failures.count()).isEqualTo(THREADS * 1_000L);
      assertThat(failures.first()).hasSize(FailuresReport.KEPT);
    } finally {
      pool.shutdownNow();
    }
  }
}
