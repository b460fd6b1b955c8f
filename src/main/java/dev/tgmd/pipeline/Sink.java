package dev.tgmd.pipeline;

/**
 * Where outcomes go, such as the note writer.
 *
 * <p>Called from one thread only ({@code tgmd-write}), one outcome at a time, strictly in input
 * order, failed items included; an implementation need not be thread-safe. The pipeline never
 * interrupts the sink and never stops it in the middle of an outcome.
 *
 * @param <I> the type of the items
 * @param <R> the type of the results
 */
@FunctionalInterface
public interface Sink<I, R> {

  /**
   * Accepts the outcome of the next item in input order.
   *
   * @param outcome never {@code null}
   * @throws Exception when the outcome cannot be written; the run then stops with a {@link
   *     PipelineException} of stage {@link PipelineException.Stage#WRITE}
   */
  void accept(Outcome<I, R> outcome) throws Exception;
}
