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
  "bytes_written",
  "messages_new",
  "messages_updated",
  "messages_unchanged",
  "messages_kept_newer",
  "notes_written",
  "notes_unchanged",
  "notes_kept_edited",
  "notes_removed"
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
    @JsonProperty("bytes_written") long bytesWritten,
    @JsonProperty("messages_new") long messagesNew,
    @JsonProperty("messages_updated") long messagesUpdated,
    @JsonProperty("messages_unchanged") long messagesUnchanged,
    @JsonProperty("messages_kept_newer") long messagesKeptNewer,
    @JsonProperty("notes_written") long notesWritten,
    @JsonProperty("notes_unchanged") long notesUnchanged,
    @JsonProperty("notes_kept_edited") long notesKeptEdited,
    @JsonProperty("notes_removed") long notesRemoved) {

  /** The keys of the vault's totals, which reports of tgmd before the vault lack (read as 0). */
  static final java.util.List<String> VAULT_KEYS =
      java.util.List.of(
          "messages_new",
          "messages_updated",
          "messages_unchanged",
          "messages_kept_newer",
          "notes_written",
          "notes_unchanged",
          "notes_kept_edited",
          "notes_removed");

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
    Figures.nonNegative(messagesNew, "messages_new");
    Figures.nonNegative(messagesUpdated, "messages_updated");
    Figures.nonNegative(messagesUnchanged, "messages_unchanged");
    Figures.nonNegative(messagesKeptNewer, "messages_kept_newer");
    Figures.nonNegative(notesWritten, "notes_written");
    Figures.nonNegative(notesUnchanged, "notes_unchanged");
    Figures.nonNegative(notesKeptEdited, "notes_kept_edited");
    Figures.nonNegative(notesRemoved, "notes_removed");
  }

  /** Totals without the vault's figures (zero). */
  public TotalsReport(
      long chats,
      long messages,
      long messagesFailed,
      long notes,
      long mediaFiles,
      long mediaBytes,
      long mediaMissing,
      long mediaRefused,
      long bytesWritten) {
    this(
        chats,
        messages,
        messagesFailed,
        notes,
        mediaFiles,
        mediaBytes,
        mediaMissing,
        mediaRefused,
        bytesWritten,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0);
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
      case MESSAGES_NEW -> messagesNew;
      case MESSAGES_UPDATED -> messagesUpdated;
      case MESSAGES_UNCHANGED -> messagesUnchanged;
      case MESSAGES_KEPT_NEWER -> messagesKeptNewer;
      case NOTES_WRITTEN -> notesWritten;
      case NOTES_UNCHANGED -> notesUnchanged;
      case NOTES_KEPT_EDITED -> notesKeptEdited;
      case NOTES_REMOVED -> notesRemoved;
    };
  }
}
