package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one message as {@link MessageParser} reads them, in named slots, and how they are
 * assembled into a {@link Message}: its kind, its attachments and, for a service message, its
 * {@link ServiceAction}. One per message; not thread-safe.
 */
final class MessageFields {

  /** Where the message's object begins. */
  JsonLocation start;

  long id;
  boolean hasId;
  String type;
  MessageDate date;
  Long dateUnix;
  MessageDate edited;
  Long editedUnix;
  String sender;
  String senderId;
  String author;
  boolean forwarded;
  String forwardedFrom;
  String savedFrom;
  Long replyTo;
  Long replyToPeer;
  String viaBot;
  List<TextPart> text;
  List<TextPart> entities;

  /**
   * Where a {@code text} array that was skipped begins (its {@code [}), and the byte offset just
   * past its {@code ]}; null and -1 when none was (see {@link MessageParser#skippedText}).
   */
  JsonLocation skippedTextAt;

  long skippedTextEnd = -1;
  String photo;
  Long photoSize;
  String file;
  String fileName;
  Long fileSize;
  String mimeType;
  String mediaType;
  Integer duration;
  Integer width;
  Integer height;
  String performer;
  String title;
  String stickerEmoji;
  boolean spoiler;
  boolean hasContact;
  String firstName;
  String lastName;
  String phone;
  String vcard;
  boolean hasLocation;
  Double latitude;
  Double longitude;
  Integer livePeriod;
  String placeName;
  String address;
  Attachment.Poll poll;
  boolean hasGame;
  String gameTitle;
  String gameDescription;
  String gameLink;
  Attachment.Invoice invoice;
  Attachment.TodoList todo;
  final List<Attachment> others = new ArrayList<>(0);
  List<Reaction> reactions = List.of();
  List<List<Button>> buttons = List.of();
  String action;
  List<String> members;
  String inviter;
  Long messageId;
  String discardReason;
  String newTitle;
  String newIconEmojiId;
  String informationText;
  final List<ExtraField> extras = new ArrayList<>(0);

  /**
   * The message these fields make.
   *
   * @param start where the message object starts, for errors
   * @throws ExportFormatException when it has no {@code id}, or no {@code date} though it is
   *     supported
   */
  Message build(JsonLocation start, JsonValues values) throws ExportFormatException {
    if (!hasId) {
      throw values.error(start, "a message has no \"id\"", null);
    }
    Message.Type kind = kind();
    MessageDate when = JsonValues.withUnixTime(date, dateUnix);
    if (when == null && kind != Message.Type.UNSUPPORTED) {
      throw values.error(start, "message " + id + " has no \"date\"", null);
    }
    MessageDate editedAt = JsonValues.withUnixTime(edited, editedUnix);
    if (editedAt != null
        && editedAt.wall().getYear() <= 1970
        && (editedAt.instant() == null || editedAt.instant().getEpochSecond() <= 86_400)) {
      editedAt = null; // very old exports wrote "edited" always, with the epoch
    }
    List<TextPart> parts = entities != null ? entities : text != null ? text : List.of();
    ServiceAction serviceAction = kind == Message.Type.SERVICE ? serviceAction() : null;
    List<ExtraField> extraFields =
        serviceAction instanceof ServiceAction.Other ? List.of() : extras;
    return new Message(
        id,
        kind,
        when,
        editedAt,
        sender,
        senderId,
        author,
        forwarded ? new Message.Forward(forwardedFrom) : null,
        savedFrom,
        replyTo,
        replyToPeer,
        viaBot,
        parts,
        attachments(kind),
        serviceAction,
        reactions,
        buttons,
        extraFields);
  }

  private Message.Type kind() {
    if (type == null) {
      return action != null ? Message.Type.SERVICE : Message.Type.MESSAGE;
    }
    switch (type) {
      case "service":
        return Message.Type.SERVICE;
      case "unsupported":
        return Message.Type.UNSUPPORTED;
      default:
        return Message.Type.MESSAGE;
    }
  }

  private List<Attachment> attachments(Message.Type kind) {
    List<Attachment> out = new ArrayList<>(2);
    if (photo != null) {
      out.add(new Attachment.Photo(FileRef.of(photo, photoSize), width, height, spoiler));
    }
    if (file != null) {
      out.add(
          new Attachment.Document(
              FileRef.of(file, fileSize),
              Attachment.DocumentKind.of(mediaType),
              fileName,
              mimeType,
              kind == Message.Type.SERVICE ? null : duration,
              photo == null ? width : null,
              photo == null ? height : null,
              performer,
              kind == Message.Type.SERVICE ? null : title,
              stickerEmoji,
              spoiler));
    }
    if (hasContact || (vcard != null && kind != Message.Type.SERVICE)) {
      out.add(
          new Attachment.Contact(
              firstName, lastName, phone, vcard == null ? null : FileRef.of(vcard, null)));
    }
    if (placeName != null || address != null) {
      out.add(new Attachment.Venue(latitude, longitude, placeName, address));
    } else if (hasLocation) {
      out.add(new Attachment.Location(latitude, longitude, livePeriod));
    }
    if (poll != null) {
      out.add(poll);
    }
    if (hasGame) {
      out.add(new Attachment.Game(gameTitle, gameDescription, gameLink));
    }
    if (invoice != null) {
      out.add(invoice);
    }
    if (todo != null) {
      out.add(todo);
    }
    out.addAll(others);
    return out;
  }

  private ServiceAction serviceAction() {
    if (action == null) {
      if (informationText != null) {
        return new ServiceAction.Info(informationText);
      }
      return new ServiceAction.Other("", genericFields());
    }
    switch (action) {
      case "create_group":
      case "create_channel":
        return new ServiceAction.Created(action, title, members);
      case "invite_members":
      case "remove_members":
        return new ServiceAction.Members(action, members);
      case "join_group_by_link":
        return new ServiceAction.JoinedByLink(action, inviter);
      case "edit_group_title":
        return new ServiceAction.TitleChanged(action, title);
      case "pin_message":
        if (messageId != null) {
          return new ServiceAction.Pinned(action, messageId);
        }
        break;
      case "phone_call":
        return new ServiceAction.PhoneCall(action, duration, discardReason);
      case "migrate_to_supergroup":
      case "migrate_from_group":
        return new ServiceAction.Migrated(action, title);
      case "topic_created":
        return new ServiceAction.TopicCreated(action, title);
      case "topic_edit":
        return new ServiceAction.TopicEdited(action, newTitle, newIconEmojiId);
      default:
        break;
    }
    return new ServiceAction.Other(action, genericFields());
  }

  /** The action-specific fields read into named slots, plus unknown ones, as text. */
  private List<ExtraField> genericFields() {
    List<ExtraField> out = new ArrayList<>();
    if (title != null) {
      out.add(new ExtraField("title", title));
    }
    if (members != null) {
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < members.size(); i++) {
        String m = members.get(i);
        names.append(i == 0 ? "" : ", ").append(m == null ? "Deleted Account" : m);
      }
      out.add(new ExtraField("members", names.toString()));
    }
    if (inviter != null) {
      out.add(new ExtraField("inviter", inviter));
    }
    if (messageId != null) {
      out.add(new ExtraField("message_id", Long.toString(messageId)));
    }
    if (duration != null) {
      out.add(new ExtraField("duration_seconds", Integer.toString(duration)));
    }
    if (discardReason != null) {
      out.add(new ExtraField("discard_reason", discardReason));
    }
    if (newTitle != null) {
      out.add(new ExtraField("new_title", newTitle));
    }
    if (newIconEmojiId != null) {
      out.add(new ExtraField("new_icon_emoji_id", newIconEmojiId));
    }
    if (informationText != null) {
      out.add(new ExtraField("information_text", informationText));
    }
    out.addAll(extras);
    return out;
  }
}
