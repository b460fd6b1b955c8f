package dev.tgmd.pipeline;

import java.util.Objects;

/**
 * A pipeline run stopped because a stage failed: the source or the sink threw, or a processor threw
 * an {@link Error}. The cause is the error thrown by that stage; {@link #result()} has the counts
 * reached before the stop.
 */
public final class PipelineException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The stage whose failure stopped a run. */
  public enum Stage {
    /** The {@link Source} threw. */
    FETCH,
    /** A {@link Processor} threw an {@link Error} (an {@link Exception} only fails its item). */
    PROCESS,
    /** The {@link Sink} threw. */
    WRITE
  }

  private final Stage stage;
  private final transient PipelineResult result; // not serializable; nor is this ever serialized

  /**
   * @param stage the stage that failed
   * @param cause what that stage threw, never {@code null}
   * @param result the counts reached when the run stopped
   */
  public PipelineException(Stage stage, Throwable cause, PipelineResult result) {
    super(
        Objects.requireNonNull(stage, "stage").name().toLowerCase(java.util.Locale.ROOT)
            + " stage failed: "
            + Objects.requireNonNull(cause, "cause"),
        cause);
    this.stage = stage;
    this.result = Objects.requireNonNull(result, "result");
  }

  /** The stage that failed. */
  public Stage stage() {
    return stage;
  }

  /** The counts reached when the run stopped. */
  public PipelineResult result() {
    return result;
  }
}
