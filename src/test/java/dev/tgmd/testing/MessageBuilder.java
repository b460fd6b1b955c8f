package dev.tgmd.testing;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.Button;
import dev.tgmd.source.ExtraField;
import dev.tgmd.source.Message;
import dev.tgmd.source.MessageDate;
import dev.tgmd.source.Reaction;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Builds messages for tests without spelling out every field. */
public final class MessageBuilder {

  private long id = 1;
  private Message.Type kind = Message.Type.MESSAGE;
  private MessageDate date = new MessageDate(LocalDateTime.of(2024, 3, 16, 19, 23, 47), null);
  private MessageDate edited;
  private String sender = "Alice";
  private String senderId = "user1";
  private String author;
  private Message.Forward forward;
  private String savedFrom;
  private Long replyTo;
  private Long replyToPeer;
  private String viaBot;
  private List<TextPart> text = new ArrayList<>();
  private final List<Attachment> attachments = new ArrayList<>();
  private ServiceAction action;
  private final List<Reaction> reactions = new ArrayList<>();
  private final List<List<Button>> buttons = new ArrayList<>();
  private final List<ExtraField> extras = new ArrayList<>();

  public static MessageBuilder message(long id) {
    MessageBuilder b = new MessageBuilder();
    b.id = id;
    return b;
  }

  public MessageBuilder text(String plain) {
    text = new ArrayList<>(List.of(new TextPart.Plain(plain)));
    return this;
  }

  public MessageBuilder text(TextPart... parts) {
    text = new ArrayList<>(List.of(parts));
    return this;
  }

  public MessageBuilder from(String name) {
    sender = name;
    return this;
  }

  public MessageBuilder at(LocalDateTime wall) {
    date = new MessageDate(wall, null);
    return this;
  }

  public MessageBuilder edited() {
    edited = date;
    return this;
  }

  public MessageBuilder author(String a) {
    author = a;
    return this;
  }

  public MessageBuilder forwardedFrom(String from) {
    forward = new Message.Forward(from);
    return this;
  }

  public MessageBuilder savedFrom(String from) {
    savedFrom = from;
    return this;
  }

  public MessageBuilder replyTo(long target) {
    replyTo = target;
    return this;
  }

  public MessageBuilder replyToPeer(long peer) {
    replyToPeer = peer;
    return this;
  }

  public MessageBuilder viaBot(String bot) {
    viaBot = bot;
    return this;
  }

  public MessageBuilder attach(Attachment a) {
    attachments.add(a);
    return this;
  }

  public MessageBuilder service(ServiceAction a) {
    kind = Message.Type.SERVICE;
    action = a;
    return this;
  }

  public MessageBuilder reaction(Reaction r) {
    reactions.add(r);
    return this;
  }

  public MessageBuilder buttons(Button... row) {
    buttons.add(List.of(row));
    return this;
  }

  public MessageBuilder extra(String name, String value) {
    extras.add(new ExtraField(name, value));
    return this;
  }

  public Message build() {
    return new Message(
        id,
        kind,
        date,
        edited,
        sender,
        senderId,
        author,
        forward,
        savedFrom,
        replyTo,
        replyToPeer,
        viaBot,
        text,
        attachments,
        action,
        reactions,
        buttons,
        extras);
  }
}
