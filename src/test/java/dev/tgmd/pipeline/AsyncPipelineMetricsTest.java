package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.StageReport;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What a run records, read as a user reads it: the snapshot of a live collector whose ticker (a
 * {@link PerThreadTicker}) makes every time exact. Also: the pipeline reads no clock but its
 * timers' and two readings per run, and it runs with the no-op collector.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineMetricsTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

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
  private static final int SAMPLE_EVERY = 4;

  private static final long FAILURES = (ITEMS + 6) / 7;
  private static final long BATCHES = (ITEMS + BATCH - 1) / BATCH;

  private static PipelineResult runWithFailuresEverySeventh(MetricsCollector metrics, int workers)
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

  /**
   * The batches a stage timed. With the per-thread ticker a batch is busy one step (its end
   * reading) plus two steps per sampled item (their start and end readings).
   */
  private static long batches(StageReport stage) {
    return Math.round(stage.totalS()) - 2 * stage.sampled();
  }

  /** The readings a stage's timers make: two per batch and two per sampled item. */
  private static long timerReadings(StageReport stage) {
    return 2 * batches(stage) + 2 * stage.sampled();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void stageCountsEqualTheItemsAndErrorsTheFailures(int workers) throws Exception {
    MetricsCollector metrics = MetricsCollector.create(new PerThreadTicker(), SAMPLE_EVERY);

    PipelineResult result = runWithFailuresEverySeventh(metrics, workers);

    assertThat(result).isEqualTo(new PipelineResult(ITEMS, ITEMS, FAILURES, false));
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages()).containsOnlyKeys("fetch", "process", "write");
    assertThat(snapshot.stages().keySet()).containsExactly("fetch", "process", "write");
    StageReport fetch = snapshot.stages().get("fetch");
    StageReport process = snapshot.stages().get("process");
    StageReport write = snapshot.stages().get("write");
    assertThat(fetch.count()).isEqualTo(ITEMS);
    assertThat(process.count()).isEqualTo(ITEMS);
    assertThat(write.count()).isEqualTo(ITEMS);
    assertThat(fetch.errors()).isZero();
    assertThat(process.errors()).isEqualTo(FAILURES);
    assertThat(write.errors()).isZero();
    FailuresReport failures = snapshot.failures();
    assertThat(failures.count()).isEqualTo(FAILURES);
    assertThat(failures.first())
        .hasSize(FailuresReport.KEPT)
        .allSatisfy(
            f -> {
              assertThat(f.stage()).isEqualTo("process");
              assertThat(f.item()).matches("item #[0-9]+");
              int item = Integer.parseInt(f.item().substring("item #".length()));
              assertThat(item % 7).as("a failing item").isZero();
              assertThat(f.error()).isEqualTo("IOException: broken " + item);
            });
    // Batches timed in full (each batch once), items sampled: the first of each thread, then one
    // in SAMPLE_EVERY.
    assertThat(batches(process)).as("process batches").isEqualTo(BATCHES);
    assertThat(batches(write)).as("write batches").isEqualTo(BATCHES);
    assertThat(batches(fetch)).as("fetch batches").isEqualTo(BATCHES);
    long sampledOfAll = (ITEMS + SAMPLE_EVERY - 1) / SAMPLE_EVERY;
    assertThat(write.sampled()).isEqualTo(sampledOfAll);
    assertThat(process.sampled()).isBetween(sampledOfAll, sampledOfAll + workers);
    assertThat(process.totalS()).isPositive();
    assertThat(process.p50S()).as("a sampled item takes one step").isCloseTo(1.0, within(0.002));
    assertNoPipelineThreads();
  }

  /**
   * Each worker thread times with its own timer: with one item in 2^20 sampled, every timer samples
   * only the first item it sees, so the process stage samples as many items as threads processed. A
   * shared timer would sample fewer. The first item of every worker waits until all have one, so
   * that each worker gets a batch.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void eachThreadHasItsOwnTimerAndEachStageItsWorkers(int workers) throws Exception {
    PerThreadTicker ticker = new PerThreadTicker();
    MetricsCollector metrics = MetricsCollector.create(ticker, 1 << 20);
    CountDownLatch everyWorkerHasABatch = new CountDownLatch(workers);

    PipelineResult result =
        AsyncPipeline.builder()
            .workers(workers)
            .batchSize(1)
            .queueCapacity(workers)
            .metrics(metrics)
            .build()
            .run(
                new PipelineTesting.Counting(200),
                item -> {
                  if (item < workers) {
                    everyWorkerHasABatch.countDown();
                    assertThat(everyWorkerHasABatch.await(10, TimeUnit.SECONDS))
                        .as("every worker has one of the first batches")
                        .isTrue();
                  }
                  return item;
                },
                new PipelineTesting.Collecting());

    assertThat(result).isEqualTo(new PipelineResult(200, 200, 0, false));
    MetricsSnapshot snapshot = metrics.snapshot();
    StageReport fetch = snapshot.stages().get("fetch");
    StageReport process = snapshot.stages().get("process");
    StageReport write = snapshot.stages().get("write");
    assertThat(fetch.workers()).isEqualTo(1);
    assertThat(process.workers()).isEqualTo(workers);
    assertThat(write.workers()).isEqualTo(1);
    assertThat(fetch.sampled()).as("fetch timers used").isEqualTo(1);
    assertThat(process.sampled()).as("process timers used").isEqualTo(workers);
    assertThat(write.sampled()).as("write timers used").isEqualTo(1);
    assertThat(ticker.threadNames())
        .filteredOn(name -> name.startsWith("tgmd-"))
        .hasSize(workers + 2)
        .contains("tgmd-fetch", "tgmd-write")
        .filteredOn(name -> name.startsWith("tgmd-process"))
        .hasSize(workers)
        .allSatisfy(name -> assertThat(name).matches("tgmd-process-[0-9]+"));
    assertNoPipelineThreads();
  }

  @Test
  void queueDepthsStayWithinTheCapacity() throws Exception {
    MetricsCollector metrics = MetricsCollector.create(new PerThreadTicker(), SAMPLE_EVERY);

    runWithFailuresEverySeventh(metrics, 2);

    // A negative depth would have been refused, and failed the test through RecordingProblems.
    assertThat(metrics.snapshot().queues())
        .containsOnlyKeys("process_queue", "reorder_buffer")
        .allSatisfy(
            (name, queue) -> {
              assertThat(queue.capacity()).as(name).isEqualTo(CAPACITY);
              assertThat(queue.maxDepth()).as(name).isBetween(1L, (long) CAPACITY);
            });
  }

  @Test
  void wallTimeIsAddedOncePerStagePerRunFromTheTicker() throws Exception {
    MetricsCollector metrics = MetricsCollector.create(new PerThreadTicker(), SAMPLE_EVERY);

    runWithFailuresEverySeventh(metrics, 2);

    // The calling thread reads the ticker at the start and at the end: one step between them.
    for (String stage : new String[] {"fetch", "process", "write"}) {
      StageReport report = metrics.snapshot().stages().get(stage);
      assertThat(report.wallS()).as(stage).isEqualTo(1.0);
      assertThat(report.throughputPerS()).as(stage).isEqualTo((double) ITEMS);
    }
  }

  /**
   * Besides its timers, the pipeline reads the collector's ticker twice per run on the calling
   * thread, and never on its own threads: each stage's threads read it exactly as often as its
   * timers do. With the no-op collector, whose timers read no clock, the two readings are all.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void besidesItsTimersThePipelineReadsTheClockTwicePerRunWhateverTheItems(int workers)
      throws Exception {
    PerThreadTicker ticker = new PerThreadTicker();
    MetricsCollector metrics = MetricsCollector.create(ticker, SAMPLE_EVERY);

    PipelineResult result = runWithFailuresEverySeventh(metrics, workers);

    assertThat(result.written()).isEqualTo(ITEMS);
    assertThat(ticker.readingsBy(name -> !name.startsWith("tgmd-")))
        .as("readings on the calling thread")
        .isEqualTo(2);
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(ticker.readingsBy(name -> name.equals("tgmd-fetch")))
        .isEqualTo(timerReadings(snapshot.stages().get("fetch")));
    assertThat(ticker.readingsBy(name -> name.startsWith("tgmd-process-")))
        .isEqualTo(timerReadings(snapshot.stages().get("process")));
    assertThat(ticker.readingsBy(name -> name.equals("tgmd-write")))
        .isEqualTo(timerReadings(snapshot.stages().get("write")));
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void withTheNoOpCollectorTheRunIsTheSameAndNothingIsRecorded(int workers) throws Exception {
    MetricsCollector metrics = MetricsCollector.noop();

    PipelineResult result = runWithFailuresEverySeventh(metrics, workers);

    assertThat(result).isEqualTo(new PipelineResult(ITEMS, ITEMS, FAILURES, false));
    assertThat(metrics.snapshot()).isEqualTo(MetricsSnapshot.empty());
    assertNoPipelineThreads();
  }

  @Test
  void aFailedRunStillAddsItsWallTimeAndThreadsAreGone() {
    MetricsCollector metrics = MetricsCollector.create(new PerThreadTicker(), SAMPLE_EVERY);
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
    MetricsSnapshot snapshot = metrics.snapshot();
    for (String stage : new String[] {"fetch", "process", "write"}) {
      StageReport report = snapshot.stages().get(stage);
      assertThat(report.wallS()).as(stage + " wall time, added once").isEqualTo(1.0);
      assertThat(report.totalS()).as(stage + " busy time").isPositive();
    }
    assertThat(snapshot.stages().get("write").count()).isEqualTo(500);
    assertThat(snapshot.stages().get("write").errors()).isEqualTo(1);
    assertThat(snapshot.failures().first())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo("write");
              assertThat(f.item()).isEqualTo("item #500");
              assertThat(f.error()).isEqualTo("IOException: gone");
            });
    assertNoPipelineThreads();
  }
}
