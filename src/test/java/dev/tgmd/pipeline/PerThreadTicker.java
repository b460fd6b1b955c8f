package dev.tgmd.pipeline;

import dev.tgmd.recording.Ticker;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake ticker for the pipeline tests: each thread has its own clock, which moves {@link #STEP}
 * forward at each reading that thread makes and at no other time. The time between two readings on
 * one thread is therefore the number of readings that thread made, whatever the other threads did,
 * and the busy and wall times a live collector derives from it are exact. Thread-safe.
 */
final class PerThreadTicker implements Ticker {

  /** One second per reading: the seconds in a stage report count readings. */
  static final long STEP = 1_000_000_000L;

  private final ConcurrentHashMap<Thread, AtomicLong> readings = new ConcurrentHashMap<>();

  @Override
  public long read() {
    Thread current = Thread.currentThread();
    AtomicLong mine = readings.get(current);
    if (mine == null) {
      mine = readings.computeIfAbsent(current, t -> new AtomicLong());
    }
    return mine.incrementAndGet() * STEP;
  }

  /** The readings made by the threads whose name matches. */
  long readingsBy(Predicate<String> threadName) {
    return readings.entrySet().stream()
        .filter(e -> threadName.test(e.getKey().getName()))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  /** The names of the threads that read this ticker, sorted, duplicates merged. */
  Set<String> threadNames() {
    Set<String> names = new TreeSet<>();
    readings.keySet().forEach(t -> names.add(t.getName()));
    return names;
  }
}
