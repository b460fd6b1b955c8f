package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling, by a call or an interrupt, stops the run within two seconds wherever it is slow,
 * keeps what the sink accepted, and leaves no thread behind. Workers and the writer sleep in these
 * tests: had the pipeline interrupted them, an item would fail or the sink would throw.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineCancelTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final int WORKERS = 2;
  private static final int BATCH = 4;
  private static final int CAPACITY = 4;

  /** Where the run is slow when it is cancelled. */
  enum SlowStage {
    /** The source sleeps 20 ms per item (interruptibly). */
    SOURCE_SLEEPING,
    /** The source hands out 10 items, then blocks until interrupted. */
    SOURCE_BLOCKED,
    /** The source spins 20 ms per item and ignores interrupts. */
    SOURCE_DEAF_TO_INTERRUPTS,
    /** Each item takes 30 ms to process. */
    PROCESSOR,
    /** The sink takes 30 ms per item. */
    SINK
  }

  static Stream<Arguments> everyStageAndPolicy() {
    return Stream.of(SlowStage.values())
        .flatMap(s -> Stream.of(CancelPolicy.values()).map(p -> Arguments.of(s, p)));
  }

  private static AsyncPipeline pipeline(CancelPolicy policy) {
    return AsyncPipeline.builder()
        .workers(WORKERS)
        .batchSize(BATCH)
        .queueCapacity(CAPACITY)
        .onCancel(policy)
        .metrics(MetricsCollector.create())
        .build();
  }

  private static void spin(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  /** A source, processor and sink slow at one stage. */
  private static final class Slow {
    final PipelineTesting.Counting source;
    final Processor<Integer, Integer> processor;
    final PipelineTesting.Collecting sink;

    /** How many items the sink must have before the test cancels. */
    final int progress;

    Slow(SlowStage stage) {
      source =
          new PipelineTesting.Counting(-1) {
            @Override
            void beforeItem(int i) throws InterruptedException {
              switch (stage) {
                case SOURCE_SLEEPING:
                  Thread.sleep(20);
                  break;
                case SOURCE_BLOCKED:
                  if (i == 10) {
                    new CountDownLatch(1).await();
                  }
                  break;
                case SOURCE_DEAF_TO_INTERRUPTS:
                  spin(20);
                  break;
                default:
                  break;
              }
            }
          };
      processor =
          item -> {
            if (stage == SlowStage.PROCESSOR) {
              Thread.sleep(30);
            }
            return item;
          };
      sink =
          new PipelineTesting.Collecting() {
            @Override
            void beforeAccept(Outcome<Integer, Integer> outcome) throws InterruptedException {
              if (stage == SlowStage.SINK) {
                Thread.sleep(30);
              }
            }
          };
      progress = stage == SlowStage.SOURCE_BLOCKED ? 8 : 6;
    }
  }

  private static void assertCancelledRun(
      PipelineResult result, PipelineTesting.Collecting sink, CancelPolicy policy) {
    assertThat(result.cancelled()).isTrue();
    assertThat(result.written()).isEqualTo(sink.size());
    assertThat(sink.items())
        .as("a prefix of the input, in order")
        .isEqualTo(PipelineTesting.range(sink.size()));
    assertThat(result.failed()).as("no item failed: no worker was interrupted").isZero();
    if (policy == CancelPolicy.FINISH_IN_FLIGHT) {
      assertThat(result.written()).as("every fetched item written").isEqualTo(result.fetched());
    }
    assertThat(result.fetched() - result.written())
        .as("dropped items are at most the batches in flight")
        .isLessThanOrEqualTo(CAPACITY * BATCH);
  }

  @ParameterizedTest(name = "slow {0}, {1}")
  @MethodSource("everyStageAndPolicy")
  void cancelStopsTheRunWithinTheBound(SlowStage stage, CancelPolicy policy) throws Exception {
    Slow slow = new Slow(stage);
    AsyncPipeline pipeline = pipeline(policy);
    CompletableFuture<PipelineResult> run =
        PipelineTesting.runAsync(pipeline, slow.source, slow.processor, slow.sink);
    PipelineTesting.await("progress", 10, () -> slow.sink.size() >= slow.progress);

    long cancelledAt = System.nanoTime();
    pipeline.cancel();
    PipelineResult result = run.get(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - cancelledAt);

    assertThat(took).as("from cancel() to run() returning").isLessThanOrEqualTo(BOUND);
    assertCancelledRun(result, slow.sink, policy);
    if (stage == SlowStage.SOURCE_BLOCKED) {
      assertThat(result.fetched()).as("the batch being read is not fetched").isEqualTo(8);
    }
    assertNoPipelineThreads();
  }

  @ParameterizedTest(name = "slow {0}, {1}")
  @MethodSource("everyStageAndPolicy")
  void anInterruptOfTheCallerCancelsAndStaysSet(SlowStage stage, CancelPolicy policy)
      throws Exception {
    Slow slow = new Slow(stage);
    AsyncPipeline pipeline = pipeline(policy);
    AtomicReference<PipelineResult> result = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                result.set(pipeline.run(slow.source, slow.processor, slow.sink));
              } catch (Throwable e) {
                thrown.set(e);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            },
            "test-caller");
    caller.setDaemon(true);
    caller.start();
    PipelineTesting.await("progress", 10, () -> slow.sink.size() >= slow.progress);

    long interruptedAt = System.nanoTime();
    caller.interrupt();
    caller.join(10_000);
    Duration took = Duration.ofNanos(System.nanoTime() - interruptedAt);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isNull();
    assertThat(took).isLessThanOrEqualTo(BOUND);
    assertThat(interruptedAfter).as("interrupt flag restored").isTrue();
    assertCancelledRun(result.get(), slow.sink, policy);
    assertNoPipelineThreads();
  }

  /**
   * The fetch stage counts what it handed on, as {@link PipelineResult#fetched()} does: the batch
   * being read when the run is cancelled is discarded, whether the cancel interrupted a blocked
   * source or came while the source went on handing out items.
   */
  @ParameterizedTest(name = "source {0} when cancelled")
  @ValueSource(strings = {"blocked", "still reading"})
  void theFetchStageDoesNotCountTheBatchDiscardedByACancel(String when) throws Exception {
    MetricsCollector metrics = MetricsCollector.create();
    AsyncPipeline pipeline =
        AsyncPipeline.builder()
            .workers(WORKERS)
            .batchSize(BATCH)
            .queueCapacity(CAPACITY)
            .metrics(metrics)
            .build();
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineTesting.Counting source =
        new PipelineTesting.Counting(-1) {
          @Override
          void beforeItem(int i) throws InterruptedException {
            if (i == 10) { // items 0 to 7 are two whole batches; 8 and 9 are in the third
              if (when.equals("blocked")) {
                CompletableFuture.runAsync(pipeline::cancel);
                new CountDownLatch(1).await();
              } else {
                pipeline.cancel();
              }
            }
          }
        };

    PipelineResult result = pipeline.run(source, i -> i, sink);

    assertThat(result.fetched()).isEqualTo(8);
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages().get("fetch").count())
        .as("fetch count")
        .isEqualTo(result.fetched());
    assertThat(snapshot.stages().get("process").count()).isEqualTo(result.fetched());
    assertThat(snapshot.stages().get("write").count()).isEqualTo(result.written());
    assertThat(snapshot.stages().get("fetch").errors()).isZero();
    assertThat(snapshot.failures()).isEqualTo(FailuresReport.none());
    assertNoPipelineThreads();
  }

  @Test
  void aCallerInterruptedBeforeRunGetsACancelledRun() throws Exception {
    AtomicReference<PipelineResult> result = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    Thread caller =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try {
                result.set(
                    pipeline(CancelPolicy.FINISH_IN_FLIGHT)
                        .run(new PipelineTesting.Counting(-1), i -> i, sink));
              } catch (PipelineException e) {
                throw new AssertionError(e);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
    caller.setDaemon(true);
    caller.start();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(interruptedAfter).isTrue();
    assertThat(result.get().cancelled()).isTrue();
    assertThat(result.get().written()).isEqualTo(result.get().fetched());
    assertNoPipelineThreads();
  }

  @ParameterizedTest
  @EnumSource(CancelPolicy.class)
  void cancelBeforeRunReadsNothing(CancelPolicy policy) throws Exception {
    AsyncPipeline pipeline = pipeline(policy);
    pipeline.cancel();
    PipelineTesting.Counting source = new PipelineTesting.Counting(-1);
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();

    PipelineResult result = pipeline.run(source, i -> i, sink);

    assertThat(result).isEqualTo(new PipelineResult(0, 0, 0, true));
    assertThat(source.handedOut.get()).isZero();
    assertThat(sink.outcomes).isEmpty();
    assertNoPipelineThreads();
  }

  @Test
  void cancelAfterRunDoesNothingAndAPipelineRunsOnce() throws Exception {
    AsyncPipeline pipeline = pipeline(CancelPolicy.DROP_IN_FLIGHT);
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineResult result = pipeline.run(new PipelineTesting.Counting(100), i -> i, sink);

    pipeline.cancel();
    pipeline.cancel();

    assertThat(result).isEqualTo(new PipelineResult(100, 100, 0, false));
    assertThatThrownBy(() -> pipeline.run(new PipelineTesting.Counting(1), i -> i, sink))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs once");
    assertThat(sink.size()).isEqualTo(100);
    assertNoPipelineThreads();
  }

  @ParameterizedTest
  @EnumSource(CancelPolicy.class)
  void cancelFromTheSinkKeepsTheItemItWasOn(CancelPolicy policy) throws Exception {
    AsyncPipeline pipeline = pipeline(policy);
    PipelineTesting.Collecting sink =
        new PipelineTesting.Collecting() {
          @Override
          void beforeAccept(Outcome<Integer, Integer> outcome) {
            if (outcome.item() == 21) {
              pipeline.cancel();
            }
          }
        };

    PipelineResult result = pipeline.run(new PipelineTesting.Counting(-1), i -> i, sink);

    assertCancelledRun(result, sink, policy);
    if (policy == CancelPolicy.DROP_IN_FLIGHT) {
      assertThat(sink.size()).as("nothing started after the cancel").isEqualTo(22);
    } else {
      assertThat(sink.size()).isGreaterThanOrEqualTo(24); // at least the rest of its batch
    }
    assertNoPipelineThreads();
  }

  @ParameterizedTest
  @EnumSource(CancelPolicy.class)
  void cancelFromManyThreadsAtOnceIsHarmless(CancelPolicy policy) throws Exception {
    AsyncPipeline pipeline = pipeline(policy);
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    CompletableFuture<PipelineResult> run =
        PipelineTesting.runAsync(pipeline, new PipelineTesting.Counting(-1), i -> i, sink);
    PipelineTesting.await("progress", 10, () -> sink.size() >= 100);

    CountDownLatch go = new CountDownLatch(1);
    Thread[] cancellers = new Thread[4];
    for (int i = 0; i < cancellers.length; i++) {
      cancellers[i] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                pipeline.cancel();
              });
      cancellers[i].start();
    }
    go.countDown();
    PipelineResult result = run.get(10, TimeUnit.SECONDS);
    for (Thread t : cancellers) {
      t.join();
    }

    assertCancelledRun(result, sink, policy);
    assertNoPipelineThreads();
  }
}
