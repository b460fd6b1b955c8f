package dev.tgmd.source;

import java.util.Objects;

/**
 * One chat of an export: its header, without the messages (they stream separately).
 *
 * @param id the chat id as exported (a bare number; older exports add a type offset)
 * @param name the chat's name; null when the export has none (saved messages, a deleted user)
 * @param type the exported type, e.g. {@code personal_chat}, {@code private_supergroup}; never null
 *     ({@code unknown} when absent)
 * @param left true when the chat comes from {@code left_chats}
 */
public record Chat(long id, String name, String type, boolean left) {

  public Chat {
    Objects.requireNonNull(type, "type");
  }

  /** A name to show: the exported name, or a readable stand-in when there is none. */
  public String displayName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    switch (type) {
      case "saved_messages":
        return "Saved Messages";
      case "replies":
        return "Replies";
      case "verification_codes":
        return "Verification Codes";
      case "personal_chat":
      case "bot_chat":
        return "Deleted Account " + id;
      default:
        return "Chat " + id;
    }
  }
}
