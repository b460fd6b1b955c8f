package dev.tgmd.recording;

/**
 * A source of monotonic time in nanoseconds, injected so that tests can advance time by hand.
 *
 * <p>Implementations must be thread-safe. Only differences between two readings are meaningful.
 */
@FunctionalInterface
public interface Ticker {

  /** Returns the current reading, in nanoseconds. */
  long read();

  /** The system ticker, backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }

  /** A ticker that always reads 0 and costs nothing; used when metrics are off. */
  static Ticker disabled() {
    return () -> 0L;
  }
}
