package dev.tgmd.recording;

import dev.tgmd.units.OneLine;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swallows what goes wrong while recording, so that metrics can never fail an export: the first
 * problem is logged (once per collector), every one is counted. Thread-safe.
 */
final class RecordingGuard {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final AtomicBoolean logged = new AtomicBoolean();
  private final LongAdder problems = new LongAdder();

  /** Recording {@code what} threw {@code error}; it is ignored. */
  void failed(String what, Throwable error) {
    problems.increment();
    if (logged.compareAndSet(false, true)) {
      LOG.warn(
          "metrics: {} failed and was ignored ({}); further recording problems are not logged",
          what,
          OneLine.of(error),
          error);
    }
  }

  /** A recording call was refused because of a bad argument ({@code why}); it is ignored. */
  void rejected(String why) {
    problems.increment();
    if (logged.compareAndSet(false, true)) {
      LOG.warn("metrics: {}: ignored; further recording problems are not logged", why);
    }
  }

  /** How many recording problems were ignored so far. */
  long problems() {
    return problems.sum();
  }
}
