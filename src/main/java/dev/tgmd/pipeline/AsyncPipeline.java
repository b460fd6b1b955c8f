package dev.tgmd.pipeline;

import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageRecorder;
import dev.tgmd.recording.StageTimer;
import dev.tgmd.recording.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs items from a {@link Source} through a {@link Processor} on several threads and hands their
 * {@link Outcome}s to a {@link Sink} in input order, with bounded memory and per-stage metrics.
 *
 * <pre>{@code
 * AsyncPipeline pipeline = AsyncPipeline.builder().workers(2).metrics(collector).build();
 * PipelineResult result = pipeline.run(messages::next, renderer::render, notes::append);
 * }</pre>
 *
 * <h2>Threads</h2>
 *
 * One run uses {@code workers + 2} platform daemon threads: {@code tgmd-fetch} reads the source in
 * batches, {@code tgmd-process-1} to {@code tgmd-process-N} process batches, {@code tgmd-write}
 * writes them in order. The thread that calls {@link #run} only waits. Every thread has ended when
 * {@code run} returns, on every path.
 *
 * <h2>Bounds</h2>
 *
 * At most {@code queueCapacity} batches are in flight at once, counting the batch being read, the
 * batches queued, those being processed, those waiting in the reorder buffer and the one being
 * written. So at most {@code queueCapacity * batchSize} items have been read from the source and
 * not yet accepted by the sink, whatever the input's size and however slow one item is. With {@link
 * Builder#weigh}, their total weight is bounded too.
 *
 * <h2>Failures</h2>
 *
 * An {@link Exception} from the processor fails only its item: the sink receives it as a failed
 * outcome and the run goes on; it is counted in the process stage's errors, recorded with {@link
 * MetricsCollector#recordFailure}, and the first {@value StageTasks#LOGGED_FAILURES} are logged at
 * WARN. A failure of the source or the sink (or an {@link Error} from the processor) stops the run
 * promptly: {@code run} throws a {@link PipelineException} naming the stage, with the cause.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #cancel()}, from any thread, or an interrupt of the thread blocked in {@link #run}, stops
 * fetching; then, as {@link Builder#onCancel} says, the batches already fetched are either
 * processed and written ({@link CancelPolicy#FINISH_IN_FLIGHT}) or dropped ({@link
 * CancelPolicy#DROP_IN_FLIGHT}). Only the fetch thread is ever interrupted, and only while it is in
 * {@link Source#next()} or waiting for room, so that a blocked source can stop; workers and the
 * writer are never interrupted (an interrupt closes NIO channels mid-write) and always finish the
 * item they are on.
 *
 * <h2>Metrics</h2>
 *
 * Through the collector given to the builder: stages "fetch", "process" and "write" (one timer per
 * thread, batches timed in full and items sampled), their worker counts and the run's wall time;
 * the depths of "process_queue" and "reorder_buffer" in batches, once per batch; and each failed
 * item. With the no-op collector the only clock work is the two readings of its ticker per run.
 *
 * <p>Thread-safety: {@link #cancel()} may be called from any thread at any time. {@link #run} may
 * be called once per instance.
 */
public final class AsyncPipeline {

  private static final Logger log = LoggerFactory.getLogger(AsyncPipeline.class);

  /** Stage names in the metrics. */
  public static final String FETCH = "fetch";

  public static final String PROCESS = "process";
  public static final String WRITE = "write";

  /** Queue names in the metrics. */
  static final String PROCESS_QUEUE = "process_queue";

  static final String REORDER_BUFFER = "reorder_buffer";

  /** How often a stopping run logs the threads it still waits for. */
  private static final long STOP_WAIT_LOG_SECONDS = 5;

  private final int workers;
  private final int batchSize;
  private final int queueCapacity;
  private final CancelPolicy cancelPolicy;
  private final MetricsCollector metrics;
  private final java.util.function.ToLongFunction<?> weigher;
  private final long maxWeight;
  private final RunState state;
  private final AtomicBoolean started = new AtomicBoolean();

  private AsyncPipeline(Builder b) {
    this.workers = b.workers;
    this.batchSize = b.batchSize;
    this.queueCapacity = b.queueCapacity > 0 ? b.queueCapacity : Math.max(2, 2 * b.workers);
    this.cancelPolicy = b.cancelPolicy;
    this.metrics = b.metrics;
    this.weigher = b.weigher;
    this.maxWeight = b.maxWeight;
    this.state = new RunState(queueCapacity, workers);
  }

  /** A builder with the defaults described on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the pipeline to the end of the source, or until it is cancelled or a stage fails, and
   * returns when every pipeline thread has ended.
   *
   * <p>If this thread is interrupted while it waits, the run is cancelled as by {@link #cancel()}
   * and this method still waits for the threads to end, then returns with the thread's interrupt
   * flag set.
   *
   * @param source read from the fetch thread only
   * @param processor called concurrently from the workers; must be thread-safe
   * @param sink called from the write thread only, in input order
   * @return the counts of the run; {@link PipelineResult#cancelled()} tells whether it was
   *     cancelled
   * @throws PipelineException if the source or the sink threw (or the processor threw an {@link
   *     Error}); the run was stopped and every thread has ended
   * @throws IllegalStateException if this pipeline has already run
   */
  public <I, R> PipelineResult run(
      Source<I> source, Processor<? super I, ? extends R> processor, Sink<I, R> sink)
      throws PipelineException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(sink, "sink");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("an AsyncPipeline runs once; build another for a new run");
    }

    // Wiring: one timer per thread, created before any thread starts.
    StageRecorder fetchStage = metrics.stage(FETCH);
    StageRecorder processStage = metrics.stage(PROCESS);
    StageRecorder writeStage = metrics.stage(WRITE);
    fetchStage.setWorkers(1);
    processStage.setWorkers(workers);
    writeStage.setWorkers(1);
    StageTimer fetchTimer = fetchStage.newTimer();
    List<StageTimer> processTimers = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      processTimers.add(processStage.newTimer());
    }
    StageTimer writeTimer = writeStage.newTimer();

    @SuppressWarnings("unchecked") // the builder's weigher takes the items of this run
    java.util.function.ToLongFunction<? super I> weigher =
        (java.util.function.ToLongFunction<? super I>) this.weigher;
    StageTasks<I, R> run =
        new StageTasks<>(source, processor, sink, state, metrics, batchSize, weigher, maxWeight);
    PipelineThreads fetchThreads = new PipelineThreads("tgmd-fetch", false);
    PipelineThreads processThreads = new PipelineThreads("tgmd-process", true);
    PipelineThreads writeThreads = new PipelineThreads("tgmd-write", false);
    List<PipelineThreads> factories = List.of(fetchThreads, processThreads, writeThreads);
    ExecutorService fetchPool = Executors.newSingleThreadExecutor(fetchThreads);
    ExecutorService processPool = Executors.newFixedThreadPool(workers, processThreads);
    ExecutorService writePool = Executors.newSingleThreadExecutor(writeThreads);
    List<ExecutorService> pools = List.of(fetchPool, processPool, writePool);
    CountDownLatch done = new CountDownLatch(workers + 2);

    Ticker ticker = metrics.ticker();
    long startNanos = ticker.read();
    start(writePool, PipelineException.Stage.WRITE, () -> run.write(writeTimer), done);
    for (StageTimer timer : processTimers) {
      start(processPool, PipelineException.Stage.PROCESS, () -> run.process(timer), done);
    }
    start(fetchPool, PipelineException.Stage.FETCH, () -> run.fetch(fetchTimer), done);

    boolean interrupted = awaitEnd(done, pools, factories);
    long wallNanos = ticker.read() - startNanos;
    fetchStage.addWallNanos(wallNanos);
    processStage.addWallNanos(wallNanos);
    writeStage.addWallNanos(wallNanos);

    state.finish();
    PipelineResult result =
        new PipelineResult(
            state.publishedItems(), run.written(), run.failedWritten(), state.cancelled());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = state.failure();
    if (failure != null) {
      throw new PipelineException(state.failedStage(), failure, result);
    }
    return result;
  }

  /**
   * Cancels the run: stops fetching, then finishes or drops the batches in flight as the {@link
   * CancelPolicy} says; {@link #run} returns soon after, with {@link PipelineResult#cancelled()}
   * true. Never blocks on user code, so it may be called from any thread, a signal handler
   * included. Cancelling before {@code run} makes it return at once without reading the source;
   * cancelling after it returned does nothing.
   */
  public void cancel() {
    state.cancel(cancelPolicy);
  }

  /** Runs {@code task} on {@code pool}; any throwable that escapes it stops the run. */
  private void start(
      ExecutorService pool, PipelineException.Stage stage, Runnable task, CountDownLatch done) {
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (Throwable e) {
              state.abort(stage, e);
            } finally {
              done.countDown();
            }
          });
    } catch (Throwable e) { // no thread could be started
      state.abort(stage, e);
      done.countDown();
    }
  }

  /**
   * Waits until every task has ended and every thread is gone; an interrupt cancels the run and the
   * wait goes on.
   *
   * @return whether this thread was interrupted meanwhile
   */
  private boolean awaitEnd(
      CountDownLatch done, List<ExecutorService> pools, List<PipelineThreads> factories) {
    boolean interrupted = false;
    while (true) {
      try {
        if (done.await(STOP_WAIT_LOG_SECONDS, TimeUnit.SECONDS)) {
          break;
        }
        if (state.stopRequested()) {
          log.warn("The pipeline is stopping; waiting for {}", alive(factories));
        }
      } catch (InterruptedException e) {
        interrupted = true;
        cancel();
      }
    }
    // Every task has ended: the threads have nothing left to do but exit.
    for (ExecutorService pool : pools) {
      pool.shutdown();
    }
    for (ExecutorService pool : pools) {
      while (true) {
        try {
          if (pool.awaitTermination(STOP_WAIT_LOG_SECONDS, TimeUnit.SECONDS)) {
            break;
          }
          log.warn("The pipeline's threads are slow to end: {}", alive(factories));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    // A pool counts as terminated just before its last thread exits; wait for the exit itself.
    for (PipelineThreads factory : factories) {
      for (Thread thread : factory.threads()) {
        while (thread.isAlive()) {
          try {
            thread.join();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    }
    return interrupted;
  }

  private static String alive(List<PipelineThreads> factories) {
    return factories.stream()
        .flatMap(f -> f.threads().stream())
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.joining(", "));
  }

  /** Configures an {@link AsyncPipeline}. Not thread-safe; {@link #metrics} is required. */
  public static final class Builder {

    private int workers = Runtime.getRuntime().availableProcessors();
    private int batchSize = 128;
    private int queueCapacity; // 0: derived from workers when built
    private CancelPolicy cancelPolicy = CancelPolicy.FINISH_IN_FLIGHT;
    private MetricsCollector metrics;
    private java.util.function.ToLongFunction<?> weigher = item -> 0;
    private long maxWeight;

    private Builder() {}

    /**
     * Bounds what is in flight by weight as well as by count (say, the memory items take): a batch
     * is begun only while less than {@code maxInFlight} is in flight, and closed early before it
     * would pass it, so the weight in flight exceeds {@code maxInFlight} by one item at most,
     * whatever the batch size and the queue capacity. Default: no bound by weight.
     *
     * @param weigher an item's weight (negative counts as 0); called from the fetch thread
     */
    public <I> Builder weigh(
        java.util.function.ToLongFunction<? super I> weigher, long maxInFlight) {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
      }
      this.weigher = Objects.requireNonNull(weigher, "weigher");
      this.maxWeight = maxInFlight;
      return this;
    }

    /** Process threads, at least 1. Default: the available processors. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Items per batch, at least 1. Default: 128. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Batches in flight at most, at least 1. Default: twice the workers, and at least 2. Fewer than
     * the workers leaves workers idle.
     */
    public Builder queueCapacity(int batches) {
      if (batches < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, got " + batches);
      }
      this.queueCapacity = batches;
      return this;
    }

    /**
     * What a cancel does with the batches in flight. Default: {@link
     * CancelPolicy#FINISH_IN_FLIGHT}.
     */
    public Builder onCancel(CancelPolicy policy) {
      this.cancelPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Where to record the stages, queues and failures; required (the no-op one when off). */
    public Builder metrics(MetricsCollector metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * A new pipeline, for one run.
     *
     * @throws IllegalStateException if no metrics collector was given
     */
    public AsyncPipeline build() {
      if (metrics == null) {
        throw new IllegalStateException(
            "metrics collector not set: pass the no-op collector when metrics are off");
      }
      return new AsyncPipeline(this);
    }
  }
}
