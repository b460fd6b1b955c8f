package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tgmd.recording.Ticker;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What a run records through its collector, and that the no-op kind costs no clock reading. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineMetricsTest {

  private Level savedLevel;

  @BeforeEach
  void quietFailureLogs() {
    Logger log = (Logger) LoggerFactory.getLogger(AsyncPipeline.class);
    savedLevel = log.getLevel();
    log.setLevel(Level.ERROR);
  }

  @AfterEach
  void restoreLogs() {
    ((Logger) LoggerFactory.getLogger(AsyncPipeline.class)).setLevel(savedLevel);
  }

  private static final int ITEMS = 10_000;
  private static final int BATCH = 64;
  private static final int CAPACITY = 5;

  private static PipelineResult runWithFailuresEverySeventh(FakeCollector metrics, int workers)
      throws PipelineException {
    return AsyncPipeline.builder()
        .workers(workers)
        .batchSize(BATCH)
        .queueCapacity(CAPACITY)
        .metrics(metrics)
        .build()
        .run(
            new PipelineTesting.Counting(ITEMS),
            item -> {
              if (item % 7 == 0) {
                throw new IOException("broken " + item);
              }
              return item;
            },
            new PipelineTesting.Collecting());
  }

  private static final long FAILURES = (ITEMS + 6) / 7;
  private static final long BATCHES = (ITEMS + BATCH - 1) / BATCH;

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void stageCountsEqualTheItemsAndErrorsTheFailures(int workers) throws Exception {
    FakeCollector metrics = FakeCollector.live();

    PipelineResult result = runWithFailuresEverySeventh(metrics, workers);

    assertThat(result).isEqualTo(new PipelineResult(ITEMS, ITEMS, FAILURES, false));
    assertThat(metrics.stageNames()).containsExactly("fetch", "process", "write");
    FakeCollector.FakeStage fetch = metrics.stage0("fetch");
    FakeCollector.FakeStage process = metrics.stage0("process");
    FakeCollector.FakeStage write = metrics.stage0("write");
    assertThat(fetch.items.get()).isEqualTo(ITEMS);
    assertThat(process.items.get()).isEqualTo(ITEMS);
    assertThat(write.items.get()).isEqualTo(ITEMS);
    assertThat(fetch.errors.get()).isZero();
    assertThat(process.errors.get()).isEqualTo(FAILURES);
    assertThat(write.errors.get()).isZero();
    assertThat(metrics.failures)
        .hasSize((int) FAILURES)
        .allSatisfy(
            f -> {
              assertThat(f.stage()).isEqualTo("process");
              assertThat(f.item()).startsWith("item #");
              assertThat(f.error()).isInstanceOf(IOException.class);
            });
    // Batches timed in full, items sampled.
    assertThat(process.batches.get()).isEqualTo(BATCHES);
    assertThat(write.batches.get()).isEqualTo(BATCHES);
    assertThat(process.sampledItems.get()).isPositive().isLessThan(ITEMS);
    assertThat(process.busyNanos.get()).isPositive();
    assertNoPipelineThreads();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void eachThreadHasItsOwnTimerAndEachStageItsWorkers(int workers) throws Exception {
    FakeCollector metrics = FakeCollector.live();

    runWithFailuresEverySeventh(metrics, workers);

    assertThat(metrics.stage0("fetch").workers).containsExactly(1);
    assertThat(metrics.stage0("process").workers).containsExactly(workers);
    assertThat(metrics.stage0("write").workers).containsExactly(1);
    assertThat(metrics.stage0("fetch").timers).hasSize(1);
    assertThat(metrics.stage0("process").timers).hasSize(workers);
    assertThat(metrics.stage0("write").timers).hasSize(1);
    assertThat(metrics.allTimers()).allSatisfy(t -> assertThat(t.usedFromTwoThreads).isFalse());
    assertThat(metrics.stage0("fetch").timers.get(0).owner().getName()).isEqualTo("tgmd-fetch");
    assertThat(metrics.stage0("write").timers.get(0).owner().getName()).isEqualTo("tgmd-write");
    assertThat(metrics.stage0("process").timers)
        .filteredOn(t -> t.owner() != null) // a worker that got no batch never used its timer
        .allSatisfy(t -> assertThat(t.owner().getName()).matches("tgmd-process-[0-9]+"))
        .extracting(t -> t.owner().getName())
        .doesNotHaveDuplicates();
  }

  @Test
  void queueDepthsAreRecordedOncePerBatchWithinTheCapacity() throws Exception {
    FakeCollector metrics = FakeCollector.live();

    runWithFailuresEverySeventh(metrics, 2);

    assertThat(metrics.queues).containsOnlyKeys("process_queue", "reorder_buffer");
    for (FakeCollector.QueueDepths queue : metrics.queues.values()) {
      assertThat(queue.records.get()).isEqualTo(BATCHES);
      assertThat(queue.capacities).containsExactly((long) CAPACITY);
      assertThat(queue.minDepth.get()).isGreaterThanOrEqualTo(0);
      assertThat(queue.maxDepth.get()).isBetween(1L, (long) CAPACITY);
      assertThat(queue.overCapacity).isFalse();
    }
  }

  @Test
  void wallTimeIsAddedOncePerStagePerRunFromTheTicker() throws Exception {
    AtomicLong now = new AtomicLong(1_000);
    Ticker stepping = () -> now.getAndAdd(250_000); // each reading 250 µs after the last
    FakeCollector metrics = FakeCollector.disabled(stepping);

    runWithFailuresEverySeventh(metrics, 2);

    for (String stage : new String[] {"fetch", "process", "write"}) {
      assertThat(metrics.stage0(stage).wallNanos).as(stage).containsExactly(250_000L);
    }
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void withTheNoOpKindOfCollectorTheClockIsReadTwicePerRunWhateverTheItems(int workers)
      throws Exception {
    FakeCollector metrics = FakeCollector.disabled(Ticker.disabled());

    PipelineResult result = runWithFailuresEverySeventh(metrics, workers);

    assertThat(result.written()).isEqualTo(ITEMS);
    assertThat(metrics.ticker.reads.get()).as("ticker readings").isEqualTo(2);
    assertThat(metrics.stage0("process").wallNanos).containsExactly(0L);
  }

  @Test
  void aFailedRunStillAddsItsWallTimeAndThreadsAreGone() {
    FakeCollector metrics = FakeCollector.live();
    IOException broken = new IOException("gone");

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class,
            () ->
                AsyncPipeline.builder()
                    .workers(2)
                    .metrics(metrics)
                    .build()
                    .run(
                        new PipelineTesting.Counting(-1),
                        i -> i,
                        (Outcome<Integer, Integer> o) -> {
                          if (o.item() == 500) {
                            throw broken;
                          }
                        }));

    assertThat(e.getCause()).isSameAs(broken);
    for (String stage : new String[] {"fetch", "process", "write"}) {
      assertThat(metrics.stage0(stage).wallNanos).as(stage).hasSize(1);
    }
    assertThat(metrics.ticker.reads.get()).isGreaterThan(2); // the live timers read it too
    assertThat(metrics.stage0("write").items.get()).isEqualTo(500);
    assertThat(metrics.stage0("write").errors.get()).isEqualTo(1);
    assertNoPipelineThreads();
  }
}
