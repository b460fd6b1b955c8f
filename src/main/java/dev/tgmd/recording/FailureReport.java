package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One failed item, as kept in {@code failures.first} of the report. Immutable.
 *
 * @param stage the stage it failed in
 * @param item a short description of the item, such as "message 42 in chat Alice"
 * @param error the error on one line, {@code Class: message}
 */
@JsonPropertyOrder({"stage", "item", "error"})
public record FailureReport(
    @JsonProperty("stage") String stage,
    @JsonProperty("item") String item,
    @JsonProperty("error") String error) {

  /** Validates that no part is null. */
  public FailureReport {
    if (stage == null || item == null || error == null) {
      throw new IllegalArgumentException("stage, item and error must not be null");
    }
  }
}
