package dev.tgmd.pipeline;

import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.StageTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three tasks of one run (fetch, process, write) and what they share besides {@link RunState}.
 * Each task method runs on its own thread with its own {@link StageTimer}.
 */
final class StageTasks<I, R> {

  private static final Logger log = LoggerFactory.getLogger(AsyncPipeline.class);

  /** How many processing failures are logged; the rest are only counted and recorded. */
  static final int LOGGED_FAILURES = 5;

  private final Source<I> source;
  private final Processor<? super I, ? extends R> processor;
  private final Sink<I, R> sink;
  private final RunState state;
  private final MetricsCollector metrics;
  private final int batchSize;
  private final java.util.function.ToLongFunction<? super I> weigher;
  private final long maxWeight;
  private final AtomicInteger failuresSeen = new AtomicInteger();

  // Written by the writer thread only; read by the caller after joining it.
  private long written;
  private long failedWritten;

  StageTasks(
      Source<I> source,
      Processor<? super I, ? extends R> processor,
      Sink<I, R> sink,
      RunState state,
      MetricsCollector metrics,
      int batchSize,
      java.util.function.ToLongFunction<? super I> weigher,
      long maxWeight) {
    this.weigher = weigher;
    this.maxWeight = maxWeight;
    this.source = source;
    this.processor = processor;
    this.sink = sink;
    this.state = state;
    this.metrics = metrics;
    this.batchSize = batchSize;
  }

  long written() {
    return written;
  }

  long failedWritten() {
    return failedWritten;
  }

  // ---- fetch ------------------------------------------------------------------------------

  void fetch(StageTimer timer) {
    state.fetchStarted(Thread.currentThread());
    try {
      fetchBatches(timer);
    } finally {
      state.fetchEnded();
    }
  }

  private void fetchBatches(StageTimer timer) {
    long read = 0;
    while (state.enterInterruptible()) {
      Batch<I, R> batch = new Batch<>(batchSize);
      boolean permit = false;
      boolean end = false;
      Throwable error = null;
      long start = 0;
      try {
        state.acquirePermit();
        permit = true;
        start = timer.startBatch();
        while (batch.items.size() < batchSize && !state.fetchStopped()) {
          if (maxWeight > 0) {
            // a batch begins when less than the bound is in flight and ends before passing it, so
            // the bound is exceeded by one item at most
            if (batch.items.isEmpty()) {
              state.awaitWeightBelow(maxWeight);
            } else if (state.weightInFlight() + batch.weight >= maxWeight) {
              break;
            }
          }
          long t = timer.startItem();
          I item = source.next();
          timer.endItem(t);
          if (item == null) {
            end = true;
            break;
          }
          batch.items.add(item);
          if (maxWeight > 0) {
            batch.weight += Math.max(0, weigher.applyAsLong(item));
          }
        }
      } catch (Throwable e) {
        error = e;
      } finally {
        state.leaveInterruptible();
      }
      if (!permit) {
        continue; // interrupted while waiting: only a stop does that, and the loop will see it
      }
      boolean failed = error != null && !state.fetchStopped();
      if (error != null) {
        // Nothing of this batch is handed on: its reading time is busy time, its items are not.
        timer.endBatch(start, 0, failed ? 1 : 0);
        if (failed) {
          metrics.recordFailure(
              AsyncPipeline.FETCH, "item " + (read + batch.items.size()) + " of the source", error);
          state.abort(PipelineException.Stage.FETCH, error);
        } else {
          // Most likely our own interrupt, delivered to stop a blocked source.
          log.debug("The source threw while the pipeline was stopping; ignored", error);
        }
        return;
      }
      state.addWeight(batch.weight);
      int depth = batch.items.isEmpty() ? -1 : state.publish(batch);
      // The stage counts the items handed on, as PipelineResult.fetched() does: a batch refused
      // because the run is stopping is discarded, so its items are not counted.
      timer.endBatch(start, depth < 0 ? 0 : batch.items.size(), 0);
      if (depth < 0) {
        state.addWeight(-batch.weight);
        state.releasePermit(); // empty batch at the end, or refused because the run is stopping
        return;
      }
      read += batch.items.size();
      metrics.recordQueueDepth(AsyncPipeline.PROCESS_QUEUE, depth, state.capacity());
      if (end) {
        return;
      }
    }
  }

  // ---- process ----------------------------------------------------------------------------

  void process(StageTimer timer) {
    while (true) {
      Batch<?, ?> next = state.takeForProcessing();
      if (next == Batch.POISON || state.dropping()) {
        return;
      }
      @SuppressWarnings("unchecked") // the queue of this run only carries Batch<I, R>
      Batch<I, R> batch = (Batch<I, R>) next;
      if (!processBatch(batch, timer)) {
        return;
      }
      int buffered = state.deposit(batch);
      metrics.recordQueueDepth(AsyncPipeline.REORDER_BUFFER, buffered, state.capacity());
    }
  }

  /** Processes every item of the batch; false if the run started dropping meanwhile. */
  private boolean processBatch(Batch<I, R> batch, StageTimer timer) {
    List<Outcome<I, R>> outcomes = new ArrayList<>(batch.items.size());
    int errors = 0;
    long start = timer.startBatch();
    try {
      for (I item : batch.items) {
        if (state.dropping()) {
          return false;
        }
        Outcome<I, R> outcome;
        Exception error = null;
        long t = timer.startItem();
        try {
          outcome = Outcome.success(item, processor.process(item));
        } catch (Exception e) {
          error = e;
          outcome = Outcome.failure(item, e);
        }
        timer.endItem(t);
        if (error != null) {
          errors++;
          itemFailed(item, error);
        }
        outcomes.add(outcome);
      }
    } finally {
      timer.endBatch(start, outcomes.size(), errors);
    }
    batch.outcomes = outcomes;
    return true;
  }

  private void itemFailed(I item, Exception error) {
    String description = describe(item);
    metrics.recordFailure(AsyncPipeline.PROCESS, description, error);
    int seen = failuresSeen.incrementAndGet();
    if (seen <= LOGGED_FAILURES) {
      // one line; the stack trace only when debugging (tgmd --verbose)
      log.warn("Processing failed for {}: {}", description, oneLine(error));
      log.debug("Processing failed for {}", description, error);
    } else if (seen == LOGGED_FAILURES + 1) {
      log.warn("More items failed; they are counted but not logged");
    }
  }

  // ---- write ------------------------------------------------------------------------------

  void write(StageTimer timer) {
    while (true) {
      Batch<?, ?> next = state.takeForWriting();
      if (next == null) {
        return;
      }
      @SuppressWarnings("unchecked") // the reorder buffer of this run only holds Batch<I, R>
      Batch<I, R> batch = (Batch<I, R>) next;
      if (!writeBatch(batch, timer)) {
        return;
      }
      state.addWeight(-batch.weight);
      state.releasePermit();
    }
  }

  /** Hands every outcome of the batch to the sink; false if the run stopped meanwhile. */
  private boolean writeBatch(Batch<I, R> batch, StageTimer timer) {
    int accepted = 0;
    int errors = 0;
    long start = timer.startBatch();
    try {
      for (Outcome<I, R> outcome : batch.outcomes) {
        if (state.dropping()) {
          return false;
        }
        long t = timer.startItem();
        try {
          sink.accept(outcome);
        } catch (Throwable e) {
          timer.endItem(t);
          errors = 1;
          metrics.recordFailure(AsyncPipeline.WRITE, describe(outcome.item()), e);
          state.abort(PipelineException.Stage.WRITE, e);
          return false;
        }
        timer.endItem(t);
        accepted++;
        written++;
        if (outcome.isFailure()) {
          failedWritten++;
        }
      }
    } finally {
      timer.endBatch(start, accepted, errors);
    }
    return true;
  }

  /** {@code IOException: unreadable}: the kind of failure and its message, on one line. */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (e.getClass().getSimpleName() + (m == null ? "" : ": " + m))
        .replaceAll("\\s*\\R\\s*", " ");
  }

  private String describe(I item) {
    try {
      return source.describe(item);
    } catch (RuntimeException e) {
      return item.getClass().getName() + " (no description: " + e + ")";
    }
  }
}
