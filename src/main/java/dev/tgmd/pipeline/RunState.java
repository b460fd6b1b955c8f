package dev.tgmd.pipeline;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state shared by the threads of one run: the permits that bound the batches in flight, the
 * queue to the workers, the reorder buffer in front of the writer, and the stop flags.
 *
 * <p>Thread-safety: the two stop flags are volatile and read on hot paths; everything else is
 * guarded by {@link #lock}. No user code and no metrics call ever runs under the lock, so {@link
 * #cancel} from a signal handler never waits for user code.
 *
 * <p>Memory bound: the fetch thread takes a permit before it reads a batch and the writer gives it
 * back after the batch is written, so at most {@code capacity} batches exist between the source and
 * the sink. The queue and the reorder buffer therefore never hold more than {@code capacity}
 * batches, and the batches in flight have consecutive sequence numbers in {@code [nextWrite,
 * nextWrite + capacity)}, which is what lets the reorder buffer be a ring of {@code capacity}
 * slots.
 */
final class RunState {

  private final int capacity;
  private final int workers;
  private final Semaphore permits;

  /** Unbounded only in type: the permits bound its batches; poison pills come on top. */
  private final LinkedBlockingQueue<Batch<?, ?>> processQueue = new LinkedBlockingQueue<>();

  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled when the writer may have something to do: its next batch, the end, a stop. */
  private final Condition writerWake = lock.newCondition();

  /** Set on cancel or abort: the fetch thread reads and publishes nothing more. */
  private volatile boolean fetchStopped;

  /**
   * Set on cancel with DROP_IN_FLIGHT, or abort: workers and writer stop after their current item.
   */
  private volatile boolean dropping;

  // Guarded by lock.
  private final Batch<?, ?>[] reorder;
  private int buffered;
  private long published;
  private long publishedItems;

  /** The number of batches the writer must write; -1 until the input ended or the run stopped. */
  private long endSeq = -1;

  private long nextWrite;
  private boolean writerDone;
  private boolean finished;
  private boolean cancelled;
  private Throwable failure;
  private PipelineException.Stage failedStage;
  private Thread fetchThread;

  /** Whether the fetch thread is in its interruptible window; see {@link #enterInterruptible}. */
  private boolean interruptible;

  RunState(int capacity, int workers) {
    this.capacity = capacity;
    this.workers = workers;
    this.permits = new Semaphore(capacity);
    this.reorder = new Batch<?, ?>[capacity];
  }

  int capacity() {
    return capacity;
  }

  boolean fetchStopped() {
    return fetchStopped;
  }

  boolean dropping() {
    return dropping;
  }

  // ---- fetch side -------------------------------------------------------------------------

  /** Registers the fetch thread, the only one a stop interrupts. */
  void fetchStarted(Thread thread) {
    lock.lock();
    try {
      fetchThread = thread;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Unregisters the fetch thread and ends the input: the writer's last batch is the last one
   * published.
   */
  void fetchEnded() {
    lock.lock();
    try {
      fetchThread = null;
      if (endSeq < 0) {
        endSeq = published;
      }
      writerWake.signalAll();
    } finally {
      lock.unlock();
    }
    offerPoison();
  }

  /**
   * Opens the window in which a stop may interrupt the fetch thread: while it waits for a permit
   * and reads a batch from the source, and at no other time (not while it records metrics or logs).
   *
   * @return false if the run is already stopping: the fetch thread must not block
   */
  boolean enterInterruptible() {
    lock.lock();
    try {
      if (fetchStopped) {
        return false;
      }
      interruptible = true;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the window, and clears an interrupt a stop delivered in it. */
  void leaveInterruptible() {
    lock.lock();
    try {
      interruptible = false;
    } finally {
      lock.unlock();
    }
    Thread.interrupted();
  }

  // ---- weight in flight (guarded by lock) ----------------------------------------------------

  private final Condition weightFreed = lock.newCondition();
  private long weight;

  /** The weight of the batches published and not yet written. */
  long weightInFlight() {
    lock.lock();
    try {
      return weight;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until less than {@code max} is in flight; interrupted only by a stop. */
  void awaitWeightBelow(long max) throws InterruptedException {
    lock.lock();
    try {
      while (weight >= max) {
        weightFreed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Adds (a batch about to be published) or, negative, gives back (a batch written) weight. */
  void addWeight(long delta) {
    if (delta == 0) {
      return;
    }
    lock.lock();
    try {
      weight += delta;
      if (delta < 0) {
        weightFreed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Takes one permit for a batch about to be read; interrupted only by a stop. */
  void acquirePermit() throws InterruptedException {
    permits.acquire();
  }

  /** Gives back the permit of a batch that was written, or never published. */
  void releasePermit() {
    permits.release();
  }

  /**
   * Hands a batch to the workers and numbers it, unless the run is stopping.
   *
   * @return the number of batches waiting in the queue after this one, or -1 if the batch was
   *     refused because the run is stopping
   */
  int publish(Batch<?, ?> batch) {
    lock.lock();
    try {
      if (fetchStopped) {
        return -1;
      }
      batch.seq = published++;
      publishedItems += batch.items.size();
      processQueue.offer(batch);
      // No stop has offered poison yet (it would have set fetchStopped under this lock first), so
      // the queue holds batches only.
      return processQueue.size();
    } finally {
      lock.unlock();
    }
  }

  // ---- workers ----------------------------------------------------------------------------

  /** The next batch to process, or {@link Batch#POISON}; waits without being interruptible. */
  Batch<?, ?> takeForProcessing() {
    while (true) {
      try {
        return processQueue.take();
      } catch (InterruptedException e) {
        // The pipeline never interrupts a worker: this interrupt was left by the processor on
        // its own thread. It has been consumed; keep waiting.
      }
    }
  }

  /**
   * Puts a processed batch into the reorder buffer and wakes the writer if it is the one it waits
   * for.
   *
   * @return the number of batches in the reorder buffer after this one
   */
  int deposit(Batch<?, ?> batch) {
    lock.lock();
    try {
      int slot = (int) (batch.seq % capacity);
      if (reorder[slot] != null) {
        throw new IllegalStateException(
            "reorder slot " + slot + " taken by batch " + reorder[slot].seq + ", not " + batch.seq);
      }
      reorder[slot] = batch;
      buffered++;
      if (batch.seq == nextWrite) {
        writerWake.signal();
      }
      return buffered;
    } finally {
      lock.unlock();
    }
  }

  // ---- writer -----------------------------------------------------------------------------

  /**
   * The next batch in input order, waiting for it if need be; {@code null} when the writer is done:
   * every batch to write was written, or the run drops what is left.
   */
  Batch<?, ?> takeForWriting() {
    lock.lock();
    try {
      while (true) {
        if (dropping) {
          return null;
        }
        int slot = (int) (nextWrite % capacity);
        Batch<?, ?> batch = reorder[slot];
        if (batch != null) {
          if (batch.seq != nextWrite) {
            throw new IllegalStateException(
                "reorder slot " + slot + " holds batch " + batch.seq + ", not " + nextWrite);
          }
          reorder[slot] = null;
          buffered--;
          nextWrite++;
          return batch;
        }
        if (endSeq >= 0 && nextWrite >= endSeq) {
          writerDone = true;
          return null;
        }
        writerWake.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  // ---- stopping ---------------------------------------------------------------------------

  /** Cancels the run; a no-op once the writer has written everything or the run has returned. */
  void cancel(CancelPolicy policy) {
    stop(policy == CancelPolicy.DROP_IN_FLIGHT, null, null);
  }

  /** Stops the run because {@code stage} failed; the first failure is the one reported. */
  void abort(PipelineException.Stage stage, Throwable cause) {
    stop(true, stage, cause);
  }

  private void stop(boolean drop, PipelineException.Stage stage, Throwable cause) {
    lock.lock();
    try {
      if (cause == null) {
        if (finished || writerDone) {
          return;
        }
        cancelled = true;
      } else if (failure == null) {
        failure = cause;
        failedStage = stage;
      }
      fetchStopped = true;
      if (drop) {
        dropping = true;
      }
      if (endSeq < 0) {
        endSeq = published;
      }
      writerWake.signalAll();
      // Only the fetch thread is ever interrupted, and only inside its window, where it may be
      // blocked in the source or on a permit. Under the lock, so that the window cannot close
      // in between; closing an interrupted channel is quick.
      if (interruptible && fetchThread != null && fetchThread != Thread.currentThread()) {
        fetchThread.interrupt();
      }
    } finally {
      lock.unlock();
    }
    offerPoison();
  }

  /** One pill per worker; extra pills are harmless, as each worker stops at its first. */
  private void offerPoison() {
    for (int i = 0; i < workers; i++) {
      processQueue.offer(Batch.POISON);
    }
  }

  /** Whether a cancel or a failure asked the run to stop. */
  boolean stopRequested() {
    return fetchStopped;
  }

  /** Marks the run as returned: a later cancel does nothing. */
  void finish() {
    lock.lock();
    try {
      finished = true;
    } finally {
      lock.unlock();
    }
  }

  long publishedItems() {
    lock.lock();
    try {
      return publishedItems;
    } finally {
      lock.unlock();
    }
  }

  boolean cancelled() {
    lock.lock();
    try {
      return cancelled;
    } finally {
      lock.unlock();
    }
  }

  Throwable failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }

  PipelineException.Stage failedStage() {
    lock.lock();
    try {
      return failedStage;
    } finally {
      lock.unlock();
    }
  }
}
