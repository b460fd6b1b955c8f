package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.QueueReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Memory stays bounded: at most {@code queueCapacity * batchSize} items are between the source and
 * the sink, however slow the sink or one item is.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineBackpressureTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

  private static final int ITEMS = 2_000;

  /** A source that checks, before each item, the bound on the items read but not yet written. */
  private static final class Bounded extends PipelineTesting.Counting {
    private final PipelineTesting.Collecting sink;
    private final long bound;
    final AtomicLong worstInFlight = new AtomicLong();

    Bounded(int count, PipelineTesting.Collecting sink, long bound) {
      super(count);
      this.sink = sink;
      this.bound = bound;
    }

    @Override
    void beforeItem(int i) {
      long inFlight = (i + 1L) - sink.size();
      worstInFlight.accumulateAndGet(inFlight, Math::max);
    }
  }

  @ParameterizedTest(name = "workers={0} batchSize={1} capacity={2}")
  @CsvSource({"1,1,1", "1,8,2", "2,16,4", "8,4,3"})
  void aBlockedSinkStopsFetchingAtCapacityTimesBatchSize(int workers, int batchSize, int capacity)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PipelineTesting.Collecting sink =
        new PipelineTesting.Collecting() {
          @Override
          void beforeAccept(Outcome<Integer, Integer> outcome) throws InterruptedException {
            release.await();
          }
        };
    long bound = (long) capacity * batchSize;
    Bounded source = new Bounded(ITEMS, sink, bound);
    AsyncPipeline pipeline =
        AsyncPipeline.builder()
            .workers(workers)
            .batchSize(batchSize)
            .queueCapacity(capacity)
            .metrics(MetricsCollector.create())
            .build();

    CompletableFuture<PipelineResult> run =
        PipelineTesting.runAsync(pipeline, source, i -> i, sink);
    PipelineTesting.await(
        "the fetcher to fill the pipeline", 10, () -> source.handedOut.get() >= bound);
    Thread.sleep(200); // give it the chance to read too much
    assertThat(source.handedOut.get())
        .as("items fetched while the sink is blocked")
        .isEqualTo(bound);

    release.countDown();
    PipelineResult result = run.get(20, TimeUnit.SECONDS);
    assertThat(result).isEqualTo(new PipelineResult(ITEMS, ITEMS, 0, false));
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(ITEMS));
    assertThat(source.worstInFlight.get())
        .as("items read and not yet written")
        .isLessThanOrEqualTo(bound);
    assertNoPipelineThreads();
  }

  @Test
  void oneSlowItemHoldsBackAtMostTheCapacity() throws Exception {
    int batchSize = 10;
    int capacity = 4;
    CountDownLatch release = new CountDownLatch(1);
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    Bounded source = new Bounded(ITEMS, sink, (long) capacity * batchSize);
    MetricsCollector metrics = MetricsCollector.create();
    AsyncPipeline pipeline =
        AsyncPipeline.builder()
            .workers(2)
            .batchSize(batchSize)
            .queueCapacity(capacity)
            .metrics(metrics)
            .build();
    Processor<Integer, Integer> slowFirstItem =
        item -> {
          if (item == 15) {
            release.await();
          }
          return item;
        };

    CompletableFuture<PipelineResult> run =
        PipelineTesting.runAsync(pipeline, source, slowFirstItem, sink);
    // Batch 0 is written; batch 1 is stuck on item 15; the other worker finishes batches 2, 3, 4
    // into the reorder buffer, and then no permit is left: 10 written + 4 batches in flight.
    PipelineTesting.await("the pipeline to fill", 10, () -> source.handedOut.get() >= 50);
    Thread.sleep(200);
    assertThat(source.handedOut.get()).isEqualTo(50);
    assertThat(sink.size()).isEqualTo(10);

    release.countDown();
    PipelineResult result = run.get(20, TimeUnit.SECONDS);
    assertThat(result).isEqualTo(new PipelineResult(ITEMS, ITEMS, 0, false));
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(ITEMS));
    assertThat(source.worstInFlight.get()).isLessThanOrEqualTo((long) capacity * batchSize);
    // Batches 2, 3 and 4 waited for batch 1; when it came, all four in flight were buffered.
    assertThat(metrics.snapshot().queues().get("reorder_buffer"))
        .isEqualTo(new QueueReport(capacity, capacity));
    assertNoPipelineThreads();
  }
}
