package dev.tgmd.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the named platform threads of one stage ({@code tgmd-fetch}, {@code tgmd-process-1}, {@code
 * tgmd-write}) and remembers them, so that a run can join every thread it started before it
 * returns. Daemon threads: a stuck user call can never keep the JVM alive.
 */
final class PipelineThreads implements ThreadFactory {

  private final String name;
  private final boolean numbered;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  /**
   * @param name the thread name, or its prefix when {@code numbered}
   * @param numbered whether to append "-1", "-2"... to the name
   */
  PipelineThreads(String name, boolean numbered) {
    this.name = name;
    this.numbered = numbered;
  }

  @Override
  public Thread newThread(Runnable task) {
    String threadName = numbered ? name + "-" + count.incrementAndGet() : name;
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  }

  /** Every thread made so far. */
  List<Thread> threads() {
    return threads;
  }
}
