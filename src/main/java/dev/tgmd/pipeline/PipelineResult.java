package dev.tgmd.pipeline;

/**
 * The counts of one pipeline run. Immutable.
 *
 * @param fetched items read from the source and handed to processing; a batch that was still being
 *     read when the run stopped is not counted (its items were never processed)
 * @param written outcomes the sink accepted (successes and failures); equal to {@code fetched} when
 *     the run completed, or was cancelled with {@link CancelPolicy#FINISH_IN_FLIGHT}
 * @param failed the failed outcomes among those written
 * @param cancelled whether {@link AsyncPipeline#cancel()} was called, or the thread running the
 *     pipeline was interrupted, before the run ended
 */
public record PipelineResult(long fetched, long written, long failed, boolean cancelled) {

  /** Validates {@code 0 <= failed <= written <= fetched}. */
  public PipelineResult {
    if (failed < 0 || written < failed || fetched < written) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= failed <= written <= fetched, got fetched="
              + fetched
              + ", written="
              + written
              + ", failed="
              + failed);
    }
  }

  /** Items fetched but never written: non-zero only when a run was cancelled or aborted. */
  public long dropped() {
    return fetched - written;
  }
}
