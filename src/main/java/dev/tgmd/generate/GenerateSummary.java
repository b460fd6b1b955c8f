package dev.tgmd.generate;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ExportGenerator} wrote. Immutable.
 *
 * @param chats every chat in the order written, left chats last; their message counts add up to
 *     {@link #messages()}
 * @param resultJsonBytes the size of result.json in bytes
 * @param htmlBytes the size of the HTML pages written, in bytes; 0 when none were asked for
 * @param mediaFiles the number of media files written (links included)
 * @param linkedFiles how many of them are hard links to an identical file of the same chat
 * @param mediaBytes their total size in bytes
 * @param mediaReferences how many times messages refer to a media path (a file sent twice counts
 *     twice); placeholders are not references
 * @param placeholders how many placeholders ("File not included…") stand instead of a path
 * @param missingFiles how many references point at a file deliberately not written
 */
public record GenerateSummary(
    List<Chat> chats,
    long resultJsonBytes,
    long htmlBytes,
    long mediaFiles,
    long linkedFiles,
    long mediaBytes,
    long mediaReferences,
    long placeholders,
    long missingFiles) {

  public GenerateSummary {
    chats = List.copyOf(chats);
  }

  /** All message entries written, service messages included. */
  public long messages() {
    long sum = 0;
    for (Chat c : chats) {
      sum += c.messages();
    }
    return sum;
  }

  /**
   * One generated chat.
   *
   * @param name the chat's name; null for Saved Messages (no name field) and for a deleted user
   * @param type tdesktop's chat type, such as {@code personal_chat}
   * @param id the chat's id as written
   * @param messages its number of message entries
   * @param left whether it is listed under {@code left_chats}
   * @param folder its media folder relative to the export root, such as {@code chats/chat_001}
   */
  public record Chat(
      String name, String type, long id, long messages, boolean left, String folder) {

    public Chat {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(folder, "folder");
      if (messages < 1) {
        throw new IllegalArgumentException("a chat has at least one message, got " + messages);
      }
    }
  }
}
