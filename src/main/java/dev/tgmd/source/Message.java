package dev.tgmd.source;

import java.util.List;
import java.util.Objects;

/**
 * One message of a chat, as exported. Immutable; lists are never null.
 *
 * @param id the message id; negative for messages of a basic group migrated to a supergroup
 * @param kind ordinary message, service message or unsupported entry
 * @param date when it was sent; null only for unsupported entries that carry no date
 * @param edited when it was last edited; null when never edited
 * @param sender the sender's (or, for service messages, the actor's) display name; null when
 *     unknown or deleted
 * @param senderId the sender's id as exported ({@code user123}, {@code channel123}, or a bare
 *     number in older exports); null when absent
 * @param author the post author's signature in channels; null when none
 * @param forward the forward origin; null when not forwarded
 * @param savedFrom where a saved message came from; null when none
 * @param replyToMessageId the replied message's id; null when not a reply
 * @param replyToPeerId the chat of the replied message when it is another chat; else null
 * @param viaBot the inline bot used, e.g. {@code @gif}; null when none
 * @param text the text as formatted runs; empty when there is none
 * @param attachments media and other content, in export order
 * @param action what a service message records; null for other messages
 * @param reactions the reactions, in export order
 * @param buttons rows of inline keyboard buttons
 * @param extras fields tgmd has no model for, to be shown as readable text
 */
public record Message(
    long id,
    Type kind,
    MessageDate date,
    MessageDate edited,
    String sender,
    String senderId,
    String author,
    Forward forward,
    String savedFrom,
    Long replyToMessageId,
    Long replyToPeerId,
    String viaBot,
    List<TextPart> text,
    List<Attachment> attachments,
    ServiceAction action,
    List<Reaction> reactions,
    List<List<Button>> buttons,
    List<ExtraField> extras) {

  /** What kind of entry a message is. */
  public enum Type {
    MESSAGE,
    SERVICE,
    UNSUPPORTED
  }

  /**
   * Where a forwarded message came from.
   *
   * @param from the original sender's name; null when hidden by their privacy settings
   */
  public record Forward(String from) {}

  public Message {
    Objects.requireNonNull(kind, "kind");
    text = List.copyOf(text);
    attachments = List.copyOf(attachments);
    reactions = List.copyOf(reactions);
    buttons = List.copyOf(buttons);
    extras = List.copyOf(extras);
    if (kind == Type.SERVICE && action == null) {
      throw new IllegalArgumentException("a service message needs an action");
    }
  }

  /** The message's plain text (all runs concatenated). */
  public String plainText() {
    return text.isEmpty() ? "" : TextPart.plainText(text);
  }

  /** True for service messages. */
  public boolean isService() {
    return kind == Type.SERVICE;
  }
}
