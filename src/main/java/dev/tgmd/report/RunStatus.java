package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How a run ended; {@code run.status} in the report. */
public enum RunStatus {
  /** Every chat was exported (some items may still have failed: see failures). */
  @JsonProperty("completed")
  COMPLETED,
  /** The run stopped on an error; {@code run.error} says which. */
  @JsonProperty("failed")
  FAILED,
  /** The run was stopped before the end, for example by Ctrl-C. */
  @JsonProperty("interrupted")
  INTERRUPTED;

  /** The word used in the report, e.g. {@code completed}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
