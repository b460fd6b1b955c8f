package dev.tgmd.layout;

import java.util.Objects;

/**
 * Where one note lives inside its chat's folder.
 *
 * @param topicFolder the topic's folder for forum topic notes; null for notes at the chat level
 * @param name the file name without {@code .md}
 * @param period the period label ({@code 2024-03}); null for the chat's index note
 * @param topicId the topic's id (its topic_created message); 0 at the chat level
 */
public record NoteRef(String topicFolder, String name, String period, long topicId) {

  public NoteRef {
    Objects.requireNonNull(name, "name");
  }

  /** The path of this note relative to its chat's folder, with {@code /} separators. */
  public String pathInChat() {
    return topicFolder == null ? name + ".md" : topicFolder + "/" + name + ".md";
  }

  /**
   * A relative link from {@code from} to this note, starting with {@code ./} or {@code ../},
   * without the {@code .md} extension.
   */
  public String linkFrom(NoteRef from) {
    String up = from.topicFolder == null ? "./" : "../";
    if (Objects.equals(from.topicFolder, topicFolder)) {
      return "./" + name;
    }
    return up + (topicFolder == null ? "" : topicFolder + "/") + name;
  }

  /** The relative prefix from this note to its chat's folder: {@code ./} or {@code ../}. */
  public String toChatFolder() {
    return topicFolder == null ? "./" : "../";
  }
}
