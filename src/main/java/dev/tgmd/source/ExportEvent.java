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

  /** One message of the current chat. */
  record MessageRead(Chat chat, Message message) implements ExportEvent {
    public MessageRead {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The current chat ends: every one of its messages has been yielded. */
  record ChatEnded(Chat chat) implements ExportEvent {
    public ChatEnded {
      Objects.requireNonNull(chat, "chat");
    }
  }
}
