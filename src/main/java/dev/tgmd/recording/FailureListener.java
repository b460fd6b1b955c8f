package dev.tgmd.recording;

/**
 * Hears each failed item as it is recorded, while the run goes on (for a live stream of errors,
 * such as {@code tgmd export --progress json}); see {@link MetricsCollector#listening}. Called from
 * the thread that failed, so an implementation is thread-safe and quick; what it throws is logged
 * once and ignored.
 */
@FunctionalInterface
public interface FailureListener {

  /** Hears nothing. */
  FailureListener NONE = failure -> {};

  /** One failed item: its stage, what it was, the error on one line (as the report keeps it). */
  void failed(FailureReport failure);
}
