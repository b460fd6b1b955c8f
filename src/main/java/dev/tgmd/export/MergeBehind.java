package dev.tgmd.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Merges batches of messages into the archive on a thread of its own ({@value #THREAD_NAME}), one
 * batch behind the fetch thread: while SQLite writes one batch, the fetch thread reads the next.
 * Merging is a fifth of the fetch thread's work, and the fetch thread is the one every other stage
 * waits for; on two cores the other core has room for it. At most one batch is in flight, so what
 * waits in memory is one batch being merged and one being filled.
 *
 * <p>Used by one thread (the fetch thread); the merges themselves run in submission order.
 */
final class MergeBehind implements AutoCloseable {

  static final String THREAD_NAME = "tgmd-archive";

  /** Merges one batch and counts what it did; runs on the merge thread. */
  @FunctionalInterface
  interface Merge {
    void run() throws IOException;
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true); // never keeps the JVM alive: close() waits for it
            return t;
          });
  private Future<Void> inFlight;

  /**
   * Waits for the merge in flight, then hands {@code merge} to the merge thread.
   *
   * @throws IOException when the merge in flight failed, or the wait was interrupted
   */
  void submit(Merge merge) throws IOException {
    drain();
    inFlight =
        thread.submit(
            () -> {
              merge.run();
              return null;
            });
  }

  /** Waits until nothing is in flight; throws what the merge in flight failed with. */
  void drain() throws IOException {
    Future<Void> f = inFlight;
    if (f == null) {
      return;
    }
    inFlight = null;
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inFlight = f; // still running: close() waits for it
      InterruptedIOException io =
          new InterruptedIOException("interrupted merging into the archive");
      io.initCause(e);
      throw io;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io; // the archive's one-line VaultException, as the fetch thread would have thrown
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Stops the merge thread once the merge in flight (if any) is done, without throwing what it
   * failed with: closing after a failure or a cancel must not throw the merge's failure again.
   */
  @Override
  public void close() {
    thread.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true; // the archive must not be closed under a running merge: wait on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
