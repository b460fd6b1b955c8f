package dev.tgmd.benchmarks;

import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.recording.Ticker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What recording one item in one stage costs, as the pipeline records it: a batch of {@value
 * #BATCH} items, each timed with startItem/endItem (one in 16 actually read the clock), the batch
 * with startBatch/endBatch. Reported per item (ns/op with {@value #BATCH} operations per call).
 *
 * <p>{@code collector=noop} is the baseline: the same loop with the no-op collector (what a run
 * with metrics off pays); {@code live} is the default live collector; {@code live-every-item}
 * times every item (sampleEvery 1), the worst case. Run with 1 and 2 threads, all threads
 * recording into the same stage, each with its own timer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {

  static final int BATCH = 100;

  /** One collector and stage shared by every benchmark thread. */
  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"noop", "live", "live-every-item"})
    public String collector;

    StageRecorder stage;

    @Setup(Level.Trial)
    public void setUp() {
      MetricsCollector metrics;
      switch (collector) {
        case "noop":
          metrics = MetricsCollector.noop();
          break;
        case "live":
          metrics = MetricsCollector.create();
          break;
        case "live-every-item":
          metrics = MetricsCollector.create(Ticker.system(), 1);
          break;
        default:
          throw new IllegalArgumentException(collector);
      }
      stage = metrics.stage("process");
    }
  }

  /** Each thread's own timer, as each pipeline worker has. */
  @State(Scope.Thread)
  public static class Worker {
    StageTimer timer;

    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      timer = shared.stage.newTimer();
    }
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public void oneThread(Worker worker, Blackhole work) {
    batch(worker.timer, work);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void twoThreads(Worker worker, Blackhole work) {
    batch(worker.timer, work);
  }

  private static void batch(StageTimer timer, Blackhole work) {
    long batch = timer.startBatch();
    for (int i = 0; i < BATCH; i++) {
      long t = timer.startItem();
      work.consume(i); // the item's work, which the optimizer cannot remove
      timer.endItem(t);
    }
    timer.endBatch(batch, BATCH, 0);
  }
}
