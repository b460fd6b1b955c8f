package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * One exported chat, an entry of {@code chats[]} in the report. Immutable.
 *
 * @param id Telegram's id of the chat
 * @param name its name as exported (may be empty, e.g. for a deleted account)
 * @param type its type as exported, such as {@code personal_chat} or {@code private_supergroup}
 * @param messages message entries exported, service messages included
 * @param notes note files written for it
 * @param mediaFiles media files copied for it (duplicates not counted)
 * @param durationS seconds from its first message read to its last note written (wall time)
 * @param status how its export ended, a {@link RunStatus} word: {@code completed}, {@code
 *     interrupted} (the run was stopped while writing it; its notes say partial) or {@code failed}
 *     (the run failed while writing it; its notes were discarded)
 */
@JsonPropertyOrder({
  "id",
  "name",
  "type",
  "messages",
  "notes",
  "media_files",
  "duration_s",
  "status"
})
public record ChatReport(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("messages") long messages,
    @JsonProperty("notes") long notes,
    @JsonProperty("media_files") long mediaFiles,
    @JsonProperty("duration_s") double durationS,
    @JsonProperty("status") String status) {

  /** Validates the chat; see the parameters. */
  public ChatReport {
    if (name == null || type == null) {
      throw new IllegalArgumentException("chat name and type must not be null");
    }
    Figures.nonNegative(messages, "messages");
    Figures.nonNegative(notes, "notes");
    Figures.nonNegative(mediaFiles, "media_files");
    durationS = Figures.nonNegative(durationS, "duration_s");
    Figures.nonBlank(status, "chat status");
    if (!isRunStatus(status)) {
      throw new IllegalArgumentException(
          "chat status must be completed, interrupted or failed, was " + status);
    }
  }

  private static boolean isRunStatus(String status) {
    for (RunStatus s : RunStatus.values()) {
      if (s.key().equals(status)) {
        return true;
      }
    }
    return false;
  }
}
