package dev.tgmd.pipeline;

/**
 * Where a pipeline's items come from: an iterator that may block and may fail.
 *
 * <p>Called only from the pipeline's fetch thread ({@code tgmd-fetch}), one call at a time, so an
 * implementation need not be thread-safe. When a run is cancelled or aborted while the fetch thread
 * is in {@link #next()}, that thread is interrupted, so that a source blocked in {@link
 * Thread#sleep}, a lock or an interruptible channel can stop; it is not called again afterwards (an
 * interrupted NIO channel is closed). A source that ignores interrupts delays the stop by the rest
 * of its current call.
 *
 * @param <I> the type of the items
 */
@FunctionalInterface
public interface Source<I> {

  /**
   * Returns the next item, or {@code null} at the end of the input. Never called again after it
   * returned {@code null} or threw.
   *
   * @throws Exception when the input cannot be read; the run then stops with a {@link
   *     PipelineException} of stage {@link PipelineException.Stage#FETCH}
   */
  I next() throws Exception;

  /**
   * A short description of an item for the failure report and the logs, such as "message 42 in chat
   * Alice". Called from any pipeline thread, only for items that failed; must not throw. Defaults
   * to {@link String#valueOf(Object)}.
   */
  default String describe(I item) {
    return String.valueOf(item);
  }
}
