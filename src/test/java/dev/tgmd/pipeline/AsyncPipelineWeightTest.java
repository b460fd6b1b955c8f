package dev.tgmd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.MetricsCollector;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsyncPipelineWeightTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

  /**
   * Items weigh 1 to 1,000 (say, bytes of memory); with a bound of 5,000 in flight, the weight read
   * and not yet written never passes 5,000 plus one item, however many batches and items the counts
   * alone would allow, and every item still comes through in order.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void theWeightInFlightStaysUnderTheBoundPlusOneItem(int workers) throws Exception {
    long bound = 5_000;
    int items = 3_000;
    AtomicLong read = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    AtomicLong next = new AtomicLong();
    AtomicLong expected = new AtomicLong();
    PipelineResult result =
        AsyncPipeline.builder()
            .workers(workers)
            .batchSize(128)
            .queueCapacity(64)
            .<Long>weigh(AsyncPipelineWeightTest::weight, bound)
            .metrics(MetricsCollector.create())
            .build()
            .run(
                () -> {
                  long i = next.getAndIncrement();
                  if (i >= items) {
                    return null;
                  }
                  long inFlight = read.addAndGet(weight(i)) - written.get();
                  peak.accumulateAndGet(inFlight, Math::max);
                  return i;
                },
                item -> item,
                outcome -> {
                  assertThat(outcome.item()).isEqualTo(expected.getAndIncrement());
                  Thread.sleep(0, 50_000);
                  written.addAndGet(weight(outcome.item()));
                });
    assertThat(result.written()).isEqualTo(items);
    assertThat(peak.get()).isLessThanOrEqualTo(bound + 1_000).isGreaterThan(bound / 2);
  }

  private static long weight(long item) {
    return 1 + (item * 7919) % 1_000;
  }
}
