package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.render.MessageView;
import dev.tgmd.source.Chat;
import java.time.LocalDate;

/** What the fetch stage hands on: a chat begins, one of its messages, the chat ends. */
sealed interface Work {

  /** The chat this belongs to. */
  ChatInfo chat();

  /**
   * A chat as the stages after fetch see it.
   *
   * @param folder its folder name inside OUT
   */
  record ChatInfo(Chat chat, String folder, String name) {}

  record ChatBegin(ChatInfo chat) implements Work {}

  /**
   * One message, placed: its note, its day and (for forum topics) its topic's title.
   *
   * @param topicTitle the forum topic's title; null at the chat level
   */
  record MessageWork(ChatInfo chat, MessageView view, NoteRef note, LocalDate day, String topicTitle)
      implements Work {}

  record ChatEnd(ChatInfo chat) implements Work {}
}
