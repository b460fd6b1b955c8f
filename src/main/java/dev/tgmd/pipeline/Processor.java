package dev.tgmd.pipeline;

/**
 * The work done on each item, such as rendering a message as Markdown.
 *
 * <p>Called concurrently from the pipeline's worker threads ({@code tgmd-process-1} ...), so an
 * implementation must be thread-safe. The pipeline never interrupts a worker.
 *
 * @param <I> the type of the items
 * @param <R> the type of the results
 */
@FunctionalInterface
public interface Processor<I, R> {

  /**
   * Processes one item.
   *
   * @param item the item, never {@code null}
   * @return the result; may be {@code null} if the sink accepts that
   * @throws Exception when this item cannot be processed: the item becomes a failed {@link Outcome}
   *     and the run goes on. An {@link Error} thrown here aborts the run instead, with a {@link
   *     PipelineException} of stage {@link PipelineException.Stage#PROCESS}.
   */
  R process(I item) throws Exception;
}
