package dev.tgmd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Helpers shared by the pipeline tests. */
final class PipelineTesting {

  private PipelineTesting() {}

  /** The names of the pipeline threads alive now. */
  static List<String> livePipelineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("tgmd-"))
        .sorted()
        .collect(Collectors.toList());
  }

  /*
   * Every test class has a @Timeout in SEPARATE_THREAD mode: in the default mode JUnit
   * interrupts the test thread and waits for it, and an interrupt of run() only cancels the run,
   * so a deadlock would hang the build instead of failing the test.
   */

  static void assertNoPipelineThreads() {
    assertThat(livePipelineThreads()).as("pipeline threads alive after run() returned").isEmpty();
  }

  /** The integers 0 to count - 1, then the end; count < 0 means never ending. */
  static class Counting implements Source<Integer> {
    private final int count;
    final AtomicInteger handedOut = new AtomicInteger();

    Counting(int count) {
      this.count = count;
    }

    @Override
    public Integer next() throws Exception {
      int i = handedOut.get();
      if (count >= 0 && i >= count) {
        return null;
      }
      beforeItem(i);
      handedOut.set(i + 1);
      return i;
    }

    /** Called before item {@code i} is handed out; may block or throw. */
    void beforeItem(int i) throws Exception {}

    @Override
    public String describe(Integer item) {
      return "item #" + item;
    }
  }

  /** Keeps every outcome it accepts; thread-safe to read while the writer runs. */
  static class Collecting implements Sink<Integer, Integer> {
    /** Synchronized: read {@link #size()} while the writer runs, the list itself after. */
    final List<Outcome<Integer, Integer>> outcomes =
        Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Outcome<Integer, Integer> outcome) throws Exception {
      beforeAccept(outcome);
      outcomes.add(outcome);
    }

    /** Called before the outcome is kept; may block or throw. */
    void beforeAccept(Outcome<Integer, Integer> outcome) throws Exception {}

    int size() {
      return outcomes.size();
    }

    List<Integer> items() {
      return List.copyOf(outcomes).stream().map(Outcome::item).collect(Collectors.toList());
    }
  }

  /** Runs the pipeline on a thread of its own (not a pipeline thread) and returns its future. */
  static <I, R> CompletableFuture<PipelineResult> runAsync(
      AsyncPipeline pipeline, Source<I> source, Processor<? super I, ? extends R> p, Sink<I, R> s) {
    CompletableFuture<PipelineResult> future = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                future.complete(pipeline.run(source, p, s));
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            "test-caller");
    caller.setDaemon(true); // a deadlocked run must not keep the test JVM alive
    caller.start();
    return future;
  }

  /** Waits until the condition holds, polling; fails after {@code seconds}. */
  static void await(String what, long seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(2);
    }
  }

  /** The items 0 to n - 1. */
  static List<Integer> range(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().collect(Collectors.toList());
  }
}
