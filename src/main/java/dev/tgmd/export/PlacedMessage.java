package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.Snippet;
import dev.tgmd.source.Chat;
import java.time.LocalDate;

/**
 * One message as the fetch stage hands it on: placed in its chat, note and day, and marked when it
 * is its chat's first or last exported message (so that the write stage opens and finishes chats
 * without extra items in the pipeline: the stages' counts are messages).
 *
 * @param topicTitle the forum topic's title; null at the chat level
 * @param firstOfChat the chat's first exported message: the write stage begins the chat
 * @param lastOfChat the chat's last exported message: the write stage finishes the chat
 * @param weight the heap the message takes in flight, estimated by the reader (bytes; 0: unknown)
 * @param join someone joined the group ({@link MessageRenderer#isJoin}): consecutive ones fold into
 *     one line
 * @param continuesJoins a join right after another, in the same note and day: it folds into the
 *     line of the run's first join, whose anchor links to it lead to
 * @param snippet the message's snippet as replies to it show it, made by the process stage; null
 *     when replies cannot link to it (another message of its id came first)
 */
record PlacedMessage(
    ChatInfo chat,
    MessageView view,
    NoteRef note,
    LocalDate day,
    String topicTitle,
    boolean firstOfChat,
    boolean lastOfChat,
    long weight,
    boolean join,
    boolean continuesJoins,
    Snippet snippet) {

  PlacedMessage(
      ChatInfo chat,
      MessageView view,
      NoteRef note,
      LocalDate day,
      String topicTitle,
      boolean firstOfChat,
      boolean lastOfChat,
      long weight) {
    this(chat, view, note, day, topicTitle, firstOfChat, lastOfChat, weight, false, false, null);
  }

  PlacedMessage(
      ChatInfo chat,
      MessageView view,
      NoteRef note,
      LocalDate day,
      String topicTitle,
      boolean firstOfChat,
      boolean lastOfChat) {
    this(chat, view, note, day, topicTitle, firstOfChat, lastOfChat, 0);
  }

  /**
   * A chat as the stages after fetch see it.
   *
   * @param folder its folder name inside OUT
   * @param name its name for people (a stand-in when the export has none)
   */
  record ChatInfo(Chat chat, String folder, String name) {}

  /** The same message, marked as its chat's last. */
  PlacedMessage asLast() {
    return new PlacedMessage(
        chat,
        view,
        note,
        day,
        topicTitle,
        firstOfChat,
        true,
        weight,
        join,
        continuesJoins,
        snippet);
  }
}
