package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * The run-wide totals, under {@code totals} in the report: one non-negative count per {@link
 * Total}, keyed by {@link Total#key()}. Immutable.
 */
@JsonPropertyOrder({
  "chats",
  "messages",
  "messages_failed",
  "notes",
  "media_files",
  "media_bytes",
  "media_missing",
  "media_refused",
  "bytes_written"
})
public record TotalsReport(
    @JsonProperty("chats") long chats,
    @JsonProperty("messages") long messages,
    @JsonProperty("messages_failed") long messagesFailed,
    @JsonProperty("notes") long notes,
    @JsonProperty("media_files") long mediaFiles,
    @JsonProperty("media_bytes") long mediaBytes,
    @JsonProperty("media_missing") long mediaMissing,
    @JsonProperty("media_refused") long mediaRefused,
    @JsonProperty("bytes_written") long bytesWritten) {

  /** Validates that every total is non-negative. */
  public TotalsReport {
    Figures.nonNegative(chats, "chats");
    Figures.nonNegative(messages, "messages");
    Figures.nonNegative(messagesFailed, "messages_failed");
    Figures.nonNegative(notes, "notes");
    Figures.nonNegative(mediaFiles, "media_files");
    Figures.nonNegative(mediaBytes, "media_bytes");
    Figures.nonNegative(mediaMissing, "media_missing");
    Figures.nonNegative(mediaRefused, "media_refused");
    Figures.nonNegative(bytesWritten, "bytes_written");
  }

  /** All totals zero. */
  public static TotalsReport zero() {
    return new TotalsReport(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** The value of one total. */
  public long get(Total total) {
    return switch (total) {
      case CHATS -> chats;
      case MESSAGES -> messages;
      case MESSAGES_FAILED -> messagesFailed;
      case NOTES -> notes;
      case MEDIA_FILES -> mediaFiles;
      case MEDIA_BYTES -> mediaBytes;
      case MEDIA_MISSING -> mediaMissing;
      case MEDIA_REFUSED -> mediaRefused;
      case BYTES_WRITTEN -> bytesWritten;
    };
  }
}
