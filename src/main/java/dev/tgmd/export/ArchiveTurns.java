package dev.tgmd.export;

import dev.tgmd.archive.ArchiveException;
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

  private final ReentrantLock lock = new ReentrantLock(true);

  /** Runs {@code q} in this thread's turn. */
  <T> T call(Query<T> q) throws VaultException {
    lock.lock();
    try {
      return q.call();
    } catch (ArchiveException e) {
      throw failed(e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code s} in this thread's turn. */
  void run(Step s) throws VaultException {
    lock.lock();
    try {
      s.run();
    } catch (ArchiveException e) {
      throw failed(e);
    } finally {
      lock.unlock();
    }
  }

  static VaultException failed(ArchiveException e) {
    return new VaultException(e.getMessage(), e);
  }
}
