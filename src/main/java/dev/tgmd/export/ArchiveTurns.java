package dev.tgmd.export;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.ArchiveException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The archive's one connection, taken in turns by the threads that share it (the fetch thread, the
 * merge thread, the write thread), and the one place where the archive's failures become the
 * vault's one-line {@link VaultException}.
 *
 * <p>The lock is fair: the merge thread takes it once per small transaction, one after another, and
 * with an unfair lock it took it back before the waiting write thread (which needs it for every
 * note and every media file) woke up; measured, the write thread then waited 1.2 s in a
 * 200,000-message export.
 *
 * <p>Records that nothing waits for (a note written, a media file copied) are {@linkplain #later
 * left for the next turn}, whichever thread takes it, and written in that turn's transaction: the
 * write thread takes a turn for a note only to record it as pending before renaming it into place.
 * Measured in a 200,000-message export: the write thread took 3,360 turns, waited 0.97 s for them
 * and held them 0.74 s; with records left for later, 1,535 turns, 0.64-0.83 s and 0.46-0.50 s; the
 * export's wall time 0.953 of what it was (6 runs ABBA, docs/benchmarks.md).
 */
final class ArchiveTurns {

  /** Work on the archive that gives a result. */
  @FunctionalInterface
  interface Query<T> {
    T call() throws ArchiveException;
  }

  /** Work on the archive. */
  @FunctionalInterface
  interface Step {
    void run() throws ArchiveException;
  }

  private final Archive archive;
  private final ReentrantLock lock = new ReentrantLock(true);

  /** Records for the next turn, in the order they were left. */
  private final Queue<Step> later = new ConcurrentLinkedQueue<>();

  ArchiveTurns(Archive archive) {
    this.archive = archive;
  }

  /** Runs {@code q} in this thread's turn, after the records left for later, in one transaction. */
  <T> T call(Query<T> q) throws VaultException {
    lock.lock();
    try {
      return afterLater(q);
    } catch (ArchiveException e) {
      throw failed(e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code s} in this thread's turn, after the records left for later, in one transaction. */
  void run(Step s) throws VaultException {
    call(
        () -> {
          s.run();
          return Boolean.TRUE;
        });
  }

  /** Whether another thread waits for a turn: the one that has it should end it soon. */
  boolean othersWaiting() {
    return lock.hasQueuedThreads();
  }

  /**
   * Leaves {@code s}, a write that no one waits for, to the next turn taken (by any thread): it is
   * in the archive once that turn ends. A crash before then loses it, so {@code s} must be a record
   * that a later run can do without (it finds the note by its pending checksum, the media file by
   * its bytes).
   */
  void later(Step s) {
    later.add(s);
  }

  /** Writes the records left for later, then closes the archive (also when they fail). */
  void close() throws VaultException {
    lock.lock();
    try {
      try {
        afterLater(() -> null);
      } finally {
        later.clear();
        archive.close();
      }
    } catch (ArchiveException e) {
      throw failed(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code q}, after the records left for later in the same transaction when there are any.
   */
  private <T> T afterLater(Query<T> q) throws ArchiveException {
    if (later.isEmpty()) {
      return q.call();
    }
    return archive.inOneTransaction(
        () -> {
          for (Step s; (s = later.poll()) != null; ) {
            s.run();
          }
          return q.call();
        });
  }

  static VaultException failed(ArchiveException e) {
    return new VaultException(e.getMessage(), e);
  }
}
