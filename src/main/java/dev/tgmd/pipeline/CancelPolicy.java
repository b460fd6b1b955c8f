package dev.tgmd.pipeline;

/** What a cancelled run does with the items it has already fetched. */
public enum CancelPolicy {
  /**
   * Stop fetching, then process and write every batch already fetched, so that the output is the
   * complete prefix of the input that was read. The default.
   */
  FINISH_IN_FLIGHT,
  /**
   * Stop fetching and drop everything the sink has not started yet: workers stop after their
   * current item, the writer after its current outcome.
   */
  DROP_IN_FLIGHT
}
