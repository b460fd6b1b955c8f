package dev.tgmd.testing;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.ExtraField;
import dev.tgmd.source.FileRef;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One example of every kind of content the message model has (each permitted subclass of {@link
 * Attachment}, {@link TextPart} and {@link ServiceAction}), for tests that check each kind is
 * handled. A kind added to the model without an example here fails {@link #ofEveryKind}.
 */
public final class ContentExamples {

  private ContentExamples() {}

  /** One attachment of each kind, by its class. */
  public static Map<Class<?>, Attachment> attachments() {
    List<TextPart> words = List.of(new TextPart.Plain("Where?"));
    return ofEveryKind(
        Attachment.class,
        List.of(
            new Attachment.Photo(FileRef.of("photos/a.jpg", 10L), 1, 1, false),
            document(Attachment.DocumentKind.FILE, "files/r.pdf"),
            new Attachment.Contact("Zoe", "Young", "+1 555", FileRef.of("contacts/zoe.vcard", 5L)),
            new Attachment.Location(51.5007, -0.1246, 900),
            new Attachment.Venue(1.0, 2.0, "Café", "Main St 1"),
            new Attachment.Poll(
                words, false, 1, List.of(new Attachment.PollAnswer(words, 1, true))),
            new Attachment.Game("Lumberjack", "Chop", "https://t.me/game"),
            new Attachment.Invoice("Tickets", "Two seats", 1250L, "EUR"),
            new Attachment.TodoList(words, List.of(new Attachment.TodoItem(words, true))),
            new Attachment.Other(
                "giveaway_information", List.of(new ExtraField("quantity", "3")))));
  }

  /** A document of the given kind at {@code path} in the export. */
  public static Attachment.Document document(Attachment.DocumentKind kind, String path) {
    return new Attachment.Document(
        FileRef.of(path, 10L),
        kind,
        "name.bin",
        null,
        5,
        null,
        null,
        "Performer",
        "Title",
        "🙂",
        false);
  }

  /** One text part of each kind, by its class. */
  public static Map<Class<?>, TextPart> textParts() {
    return ofEveryKind(
        TextPart.class,
        List.of(
            new TextPart.Plain("plain"),
            new TextPart.Styled(TextPart.Style.BOLD, "bold"),
            new TextPart.Code("code"),
            new TextPart.Pre("pre", "java"),
            new TextPart.TextLink("link", "https://example.com"),
            new TextPart.Entity(TextPart.EntityType.HASHTAG, "#tag"),
            new TextPart.MentionName("Bob", 7),
            new TextPart.Blockquote("quote", false),
            new TextPart.CustomEmoji("🙂", "123"),
            new TextPart.Unknown("newer_entity", "new")));
  }

  /** One service action of each kind, by its class. */
  public static Map<Class<?>, ServiceAction> serviceActions() {
    return ofEveryKind(
        ServiceAction.class,
        List.of(
            new ServiceAction.Created("create_group", "Hiking", List.of("Bob")),
            new ServiceAction.Members("invite_members", List.of("Bob")),
            new ServiceAction.JoinedByLink("join_group_by_link", "Carol"),
            new ServiceAction.TitleChanged("edit_group_title", "Trail"),
            new ServiceAction.Pinned("pin_message", 3),
            new ServiceAction.PhoneCall("phone_call", 65, "hangup"),
            new ServiceAction.Migrated("migrate_to_supergroup", null),
            new ServiceAction.TopicCreated("topic_created", "Gear"),
            new ServiceAction.TopicEdited("topic_edit", "Gear 2", null),
            new ServiceAction.Info("Messages are end-to-end encrypted"),
            new ServiceAction.Other("teleport", List.of(new ExtraField("destination", "Mars")))));
  }

  /**
   * The examples by their class, checked to be exactly one of each permitted subclass of the sealed
   * type {@code sealed}.
   *
   * @throws AssertionError when a permitted subclass has no example, or has two
   */
  public static <T> Map<Class<?>, T> ofEveryKind(Class<T> sealed, List<? extends T> examples) {
    Map<Class<?>, T> byClass = new LinkedHashMap<>();
    for (T e : examples) {
      if (byClass.put(e.getClass(), e) != null) {
        throw new AssertionError("two examples of " + e.getClass());
      }
    }
    Set<Class<?>> permitted =
        Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
    if (!permitted.equals(byClass.keySet())) {
      throw new AssertionError(
          "examples of "
              + sealed.getSimpleName()
              + " should be one of each of "
              + permitted
              + ", but are of "
              + byClass.keySet());
    }
    return byClass;
  }
}
