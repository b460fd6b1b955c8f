package dev.tgmd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * What one {@link System#nanoTime()} costs on this machine, with 1 and 2 threads: the unit in
 * which the recording cost is paid (a sampled item reads the clock twice, a batch twice).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockBenchmark {

  @Benchmark
  @Threads(1)
  public long nanoTimeOneThread() {
    return System.nanoTime();
  }

  @Benchmark
  @Threads(2)
  public long nanoTimeTwoThreads() {
    return System.nanoTime();
  }
}
