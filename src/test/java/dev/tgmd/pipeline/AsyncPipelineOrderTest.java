package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Output order equals input order, whatever the worker count and the timing: a property checked
 * over many random runs. Each run's parameters come from one seed, printed in any failure; rerun
 * one with {@code -Dtgmd.pipeline.seed=SEED}.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineOrderTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

  private static final int RUNS = Integer.getInteger("tgmd.pipeline.runs", 40);
  private static final Long FIXED_SEED = Long.getLong("tgmd.pipeline.seed");

  private static Level savedLevel;

  /** Injected failures would log five warnings with stack traces per run. */
  @BeforeAll
  static void quietFailureLogs() {
    Logger log = (Logger) LoggerFactory.getLogger(AsyncPipeline.class);
    savedLevel = log.getLevel();
    log.setLevel(Level.ERROR);
  }

  @AfterAll
  static void restoreLogs() {
    ((Logger) LoggerFactory.getLogger(AsyncPipeline.class)).setLevel(savedLevel);
  }

  /** The parameters and the timing of one run, all drawn from its seed. */
  private static final class Scenario {
    final long seed;
    final int workers;
    final int items;
    final int batchSize;
    final int capacity;
    final long[] processNanos;
    final long[] sinkNanos;
    final long[] sourceNanos;
    final boolean[] fails;

    Scenario(long seed, int workers) {
      this.seed = seed;
      this.workers = workers;
      Random random = new Random(seed);
      items = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(400);
      batchSize = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
      capacity = 1 + random.nextInt(2 * workers + 2);
      processNanos = delays(random, items, 200_000, 3_000_000);
      sinkNanos = delays(random, items, 50_000, 1_000_000);
      sourceNanos = delays(random, items, 20_000, 500_000);
      fails = new boolean[items];
      int failPercent = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
      for (int i = 0; i < items; i++) {
        fails[i] = random.nextInt(100) < failPercent;
      }
    }

    /** Mostly no delay, often a short one, rarely a long one that lets later items overtake. */
    private static long[] delays(Random random, int n, long shortMax, long longMax) {
      long[] delays = new long[n];
      for (int i = 0; i < n; i++) {
        int r = random.nextInt(100);
        delays[i] =
            r < 60 ? 0 : r < 97 ? random.nextInt((int) shortMax) : random.nextInt((int) longMax);
      }
      return delays;
    }

    @Override
    public String toString() {
      return "seed="
          + seed
          + " workers="
          + workers
          + " items="
          + items
          + " batchSize="
          + batchSize
          + " capacity="
          + capacity;
    }
  }

  private static final class Injected extends Exception {
    private static final long serialVersionUID = 1L;

    Injected(int item) {
      super("injected failure of item " + item, null, false, false);
    }
  }

  private static void pause(long nanos) {
    if (nanos > 0) {
      LockSupport.parkNanos(nanos);
    }
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void outputOrderEqualsInputOrderUnderRandomDelays(int workers) throws Exception {
    long base = FIXED_SEED != null ? FIXED_SEED : new Random().nextLong();
    int runs = FIXED_SEED != null ? 1 : RUNS;
    for (int run = 0; run < runs; run++) {
      Scenario s = new Scenario(base + run, workers);
      checkOrder(s);
    }
  }

  private static void checkOrder(Scenario s) throws Exception {
    MetricsCollector metrics = MetricsCollector.create();
    AsyncPipeline pipeline =
        AsyncPipeline.builder()
            .workers(s.workers)
            .batchSize(s.batchSize)
            .queueCapacity(s.capacity)
            .metrics(metrics)
            .build();
    PipelineTesting.Counting source =
        new PipelineTesting.Counting(s.items) {
          @Override
          void beforeItem(int i) {
            pause(s.sourceNanos[i]);
          }
        };
    Processor<Integer, Integer> square =
        item -> {
          pause(s.processNanos[item]);
          if (s.fails[item]) {
            throw new Injected(item);
          }
          return item * item;
        };
    PipelineTesting.Collecting sink =
        new PipelineTesting.Collecting() {
          @Override
          void beforeAccept(Outcome<Integer, Integer> outcome) {
            pause(s.sinkNanos[outcome.item()]);
          }
        };

    PipelineResult result = pipeline.run(source, square, sink);

    List<Integer> expectedFailed = new ArrayList<>();
    for (int i = 0; i < s.items; i++) {
      if (s.fails[i]) {
        expectedFailed.add(i);
      }
    }
    assertThat(sink.items())
        .as("%s: items written in input order", s)
        .isEqualTo(PipelineTesting.range(s.items));
    for (Outcome<Integer, Integer> outcome : sink.outcomes) {
      int i = outcome.item();
      if (s.fails[i]) {
        assertThat(outcome.error())
            .as("%s: outcome %d", s, i)
            .isInstanceOf(Injected.class)
            .hasMessage("injected failure of item " + i);
      } else {
        assertThat(outcome.isSuccess()).as("%s: outcome %d succeeded", s, i).isTrue();
        assertThat(outcome.result()).as("%s: result of %d", s, i).isEqualTo(i * i);
      }
    }
    assertThat(result)
        .as("%s: result", s)
        .isEqualTo(new PipelineResult(s.items, s.items, expectedFailed.size(), false));
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.queues().values())
        .as("%s: queue depths within capacity", s)
        .allSatisfy(
            q -> {
              assertThat(q.capacity()).isEqualTo(s.capacity);
              assertThat(q.maxDepth()).isLessThanOrEqualTo(s.capacity);
            });
    assertThat(snapshot.stages().get("write").count()).as("%s: written", s).isEqualTo(s.items);
    assertThat(snapshot.stages().get("process").errors())
        .as("%s: process errors", s)
        .isEqualTo(expectedFailed.size());
    assertThat(snapshot.failures().count()).as("%s: failures", s).isEqualTo(expectedFailed.size());
    assertThat(PipelineTesting.livePipelineThreads()).as("%s: threads alive", s).isEmpty();
  }

  @Test
  void oneWorkerOneSlotOneItemPerBatchStillKeepsOrder() throws Exception {
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineResult result =
        AsyncPipeline.builder()
            .workers(1)
            .batchSize(1)
            .queueCapacity(1)
            .metrics(MetricsCollector.create())
            .build()
            .run(new PipelineTesting.Counting(500), i -> i + 1, sink);

    assertThat(sink.items()).isEqualTo(PipelineTesting.range(500));
    assertThat(sink.outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(o.item() + 1));
    assertThat(result).isEqualTo(new PipelineResult(500, 500, 0, false));
    assertNoPipelineThreads();
  }

  @Test
  void anEmptySourceWritesNothing() throws Exception {
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineResult result =
        AsyncPipeline.builder()
            .workers(2)
            .metrics(MetricsCollector.create())
            .build()
            .run(new PipelineTesting.Counting(0), i -> i, sink);

    assertThat(sink.outcomes).isEmpty();
    assertThat(result).isEqualTo(new PipelineResult(0, 0, 0, false));
    assertNoPipelineThreads();
  }

  @Test
  void theDefaultsRunALargeInputInOrder() throws Exception {
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineResult result =
        AsyncPipeline.builder()
            .metrics(MetricsCollector.create())
            .build()
            .run(new PipelineTesting.Counting(100_000), i -> -i, sink);

    assertThat(result).isEqualTo(new PipelineResult(100_000, 100_000, 0, false));
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(100_000));
    assertNoPipelineThreads();
  }
}
