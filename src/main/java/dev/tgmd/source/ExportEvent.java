package dev.tgmd.source;

import java.util.Objects;

/** What a reader yields, in file order: a chat starts, its messages, the chat ends. */
public sealed interface ExportEvent {

  /** The chat whose events these are. */
  Chat chat();

  /** A chat begins; its messages follow. */
  record ChatStarted(Chat chat) implements ExportEvent {
    public ChatStarted {
      Objects.requireNonNull(chat, "chat");
    }
  }

  /**
   * One message of the current chat.
   *
   * @param weight an upper estimate, in bytes, of the heap the message and what is made of it (its
   *     rendered block) take while they travel through an export; 0 when not known
   * @param source the text the message was read from; null when the reader keeps none
   */
  record MessageRead(Chat chat, Message message, long weight, SourceText source)
      implements ExportEvent {
    public MessageRead {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(message, "message");
      if (weight < 0) {
        throw new IllegalArgumentException("weight < 0: " + weight);
      }
    }

    /** A message without its source text. */
    public MessageRead(Chat chat, Message message, long weight) {
      this(chat, message, weight, null);
    }

    /** A message whose weight is not known (built by hand). */
    public MessageRead(Chat chat, Message message) {
      this(chat, message, 0);
    }
  }

  /** The current chat ends: every one of its messages has been yielded. */
  record ChatEnded(Chat chat) implements ExportEvent {
    public ChatEnded {
      Objects.requireNonNull(chat, "chat");
    }
  }
}
