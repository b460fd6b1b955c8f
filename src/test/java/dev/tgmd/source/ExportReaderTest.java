package dev.tgmd.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportReaderTest {

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("result.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static List<ExportEvent> readAll(Path input) throws Exception {
    List<ExportEvent> events = new ArrayList<>();
    try (ExportReader r = ExportReader.open(input)) {
      ExportEvent e;
      while ((e = r.next()) != null) {
        events.add(e);
      }
    }
    return events;
  }

  private static List<Message> messages(List<ExportEvent> events) {
    List<Message> out = new ArrayList<>();
    for (ExportEvent e : events) {
      if (e instanceof ExportEvent.MessageRead) {
        out.add(((ExportEvent.MessageRead) e).message());
      }
    }
    return out;
  }

  @Test
  void readsASingleChatExportFromItsFolder() throws Exception {
    write(
        """
        {
         "name": "Alice",
         "type": "personal_chat",
         "id": 4242,
         "messages": [
          {
           "id": 1,
           "type": "message",
           "date": "2024-03-16T19:23:47",
           "date_unixtime": "1710613427",
           "from": "Alice",
           "from_id": "user4242",
           "text": "Hello",
           "text_entities": [{"type": "plain", "text": "Hello"}]
          }
         ]
        }
        """);
    List<ExportEvent> events = readAll(dir);
    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .isEqualTo(new ExportEvent.ChatStarted(new Chat(4242, "Alice", "personal_chat", false)));
    Message m = messages(events).get(0);
    assertThat(m.id()).isEqualTo(1);
    assertThat(m.sender()).isEqualTo("Alice");
    assertThat(m.senderId()).isEqualTo("user4242");
    assertThat(m.date().wall()).isEqualTo(LocalDateTime.of(2024, 3, 16, 19, 23, 47));
    assertThat(m.date().instant()).isEqualTo(Instant.ofEpochSecond(1710613427));
    assertThat(m.text()).containsExactly(new TextPart.Plain("Hello"));
    assertThat(events.get(2)).isInstanceOf(ExportEvent.ChatEnded.class);
  }

  @Test
  void readsAWholeAccountExportWithChatsAndLeftChats() throws Exception {
    write(
        """
        {"about": "x", "personal_information": {"first_name": "Me"},
         "contacts": {"about": "", "list": [{"first_name": "A"}]},
         "chats": {"about": "", "list": [
           {"type": "saved_messages", "id": 1, "messages": [
             {"id": 10, "type": "message", "date": "2024-01-01T00:00:00", "from": "Me", "from_id": "user1",
              "text": "note to self", "saved_from": "Bob"}]},
           {"name": "Group", "type": "private_group", "id": 2, "messages": []}
         ]},
         "left_chats": {"about": "", "list": [
           {"name": "Old", "type": "public_channel", "id": 3, "messages": [
             {"id": 5, "type": "message", "date": "2020-01-01T00:00:00", "from": "Old", "from_id": "channel3", "text": "bye"}]}
         ]}}
        """);
    List<ExportEvent> events = readAll(dir.resolve("result.json"));
    List<Chat> chats = new ArrayList<>();
    for (ExportEvent e : events) {
      if (e instanceof ExportEvent.ChatStarted) {
        chats.add(e.chat());
      }
    }
    assertThat(chats)
        .containsExactly(
            new Chat(1, null, "saved_messages", false),
            new Chat(2, "Group", "private_group", false),
            new Chat(3, "Old", "public_channel", true));
    assertThat(chats.get(0).displayName()).isEqualTo("Saved Messages");
    assertThat(messages(events)).extracting(Message::savedFrom).containsExactly("Bob", null);
  }

  @Test
  void readsTheOldestFormatGeneration() throws Exception {
    // no date_unixtime, no text_entities, integer from_id, negative migrated ids, null names
    write(
        """
        {"name": "Old group", "type": "private_supergroup", "id": 77, "messages": [
          {"id": -999999990, "type": "service", "date": "2019-05-01T10:00:00", "actor": null,
           "actor_id": 123, "action": "migrate_to_supergroup", "text": ""},
          {"id": 5, "type": "message", "date": "2019-05-02T11:00:00", "edited": "1970-01-01T03:00:00",
           "from": null, "from_id": 456, "reply_to_message_id": -999999990,
           "text": ["Hi ", {"type": "bold", "text": "there"}, "!"]},
          {"id": 6, "type": "message", "date": "2019-05-02T11:05:00", "from": "Bo", "from_id": 457,
           "poll": {"question": "Where?", "closed": true, "total_voters": 3,
                    "answers": [{"text": "Here", "voters": 2, "chosen": false},
                                {"text": ["There ", {"type": "italic", "text": "now"}], "voters": 1, "chosen": true}]},
           "text": ""}
        ]}
        """);
    List<Message> ms = messages(readAll(dir));
    assertThat(ms.get(0).id()).isEqualTo(-999999990L);
    assertThat(ms.get(0).action())
        .isEqualTo(new ServiceAction.Migrated("migrate_to_supergroup", null));
    assertThat(ms.get(0).senderId()).isEqualTo("123");
    assertThat(ms.get(1).sender()).isNull();
    assertThat(ms.get(1).edited()).as("the epoch means never edited in old exports").isNull();
    assertThat(ms.get(1).date().instant()).isNull();
    assertThat(ms.get(1).replyToMessageId()).isEqualTo(-999999990L);
    assertThat(ms.get(1).text())
        .containsExactly(
            new TextPart.Plain("Hi "),
            new TextPart.Styled(TextPart.Style.BOLD, "there"),
            new TextPart.Plain("!"));
    Attachment.Poll poll = (Attachment.Poll) ms.get(2).attachments().get(0);
    assertThat(TextPart.plainText(poll.question())).isEqualTo("Where?");
    assertThat(poll.closed()).isTrue();
    assertThat(poll.answers().get(1).text())
        .containsExactly(
            new TextPart.Plain("There "), new TextPart.Styled(TextPart.Style.ITALIC, "now"));
    assertThat(poll.answers().get(1).chosen()).isTrue();
  }

  @Test
  void prefersTextEntitiesOverText() throws Exception {
    write(
        """
        {"name": "C", "type": "private_group", "id": 1, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "text": ["x ", {"type": "text_link", "text": "here", "href": "https://e.com/a b"}],
           "text_entities": [{"type": "plain", "text": "x "}, {"type": "text_link", "text": "here", "href": "https://e.com/a b"},
                             {"type": "pre", "text": "code", "language": "java"},
                             {"type": "mention_name", "text": "Bob", "user_id": 99},
                             {"type": "custom_emoji", "text": "🙂", "document_id": "5368324170671202286"},
                             {"type": "blockquote", "text": "q", "collapsed": true},
                             {"type": "sparkles", "text": "future"}]}
        ]}
        """);
    Message m = messages(readAll(dir)).get(0);
    assertThat(m.text())
        .containsExactly(
            new TextPart.Plain("x "),
            new TextPart.TextLink("here", "https://e.com/a b"),
            new TextPart.Pre("code", "java"),
            new TextPart.MentionName("Bob", 99),
            new TextPart.CustomEmoji("🙂", "5368324170671202286"),
            new TextPart.Blockquote("q", true),
            new TextPart.Unknown("sparkles", "future"));
  }

  @Test
  void aTextArrayWithoutEntitiesIsReadFromTheMessagesBytes() throws Exception {
    write(
        """
        {"name": "C", "type": "private_group", "id": 1, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "text": ["x ", {"type": "bold", "text": "b"}, " y"]},
          {"id": 2, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "text": ["z", {"type": "italic", "text": "i"}], "text_entities": [{"type": "plain", "text": "z"}]}
        ]}
        """);
    List<Message> m = messages(readAll(dir));
    assertThat(m.get(0).text())
        .containsExactly(
            new TextPart.Plain("x "),
            new TextPart.Styled(TextPart.Style.BOLD, "b"),
            new TextPart.Plain(" y"));
    assertThat(m.get(1).text()).as("text_entities wins").containsExactly(new TextPart.Plain("z"));
  }

  @Test
  void anErrorInATextArrayReadFromBytesNamesItsPlaceInTheFile() throws IOException {
    assertFailsAt(
        "{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": [\n"
            + "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-01-01T00:00:00\", \"from\": \"A\\x01\","
            + " \"text\": [\"a\", 5]}]}",
        "expected a string or an object in \"text\", found a number",
        2,
        92); // counted in the file, where \x01 is 4 bytes
    assertFailsAt(
        "{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": [\n"
            + "{\"id\": 2, \"type\": \"message\", \"date\": \"2024-01-01T00:00:00\", \"text\": [\"a\",\n"
            + "  \"b\", {\"type\": 7}]}]}",
        "expected a string for \"type\", found a number",
        3,
        17); // a later line of the array
  }

  private void assertFailsAt(String json, String reason, int line, int column) throws IOException {
    ExportFormatException e = failure(json);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  @Test
  void readsTdesktopHexEscapesAsTheCharacter() throws Exception {
    Path file = dir.resolve("result.json");
    Files.write(
        file,
        ("{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": [\n"
                + "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-01-01T00:00:00\", \"from\": \"A\\x07\","
                + " \"text\": \"bell\\x07 and \\\\x41 stays\"}]}")
            .getBytes(StandardCharsets.UTF_8));
    Message m = messages(readAll(file)).get(0);
    assertThat(m.plainText()).isEqualTo("bell\u0007 and \\x41 stays");
    assertThat(m.sender()).isEqualTo("A\u0007");
  }

  @Test
  void keepsUnknownFieldsAndActionsAsReadableText() throws Exception {
    write(
        """
        {"name": "C", "type": "private_supergroup", "id": 1, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "text": "hi", "story_link": {"peer": "x", "id": 9}, "gift_id": 12345678901234567890123},
          {"id": 2, "type": "service", "date": "2024-01-01T00:00:00", "actor": "A", "actor_id": "user1",
           "action": "teleport", "destination": "Mars", "gift_id": 9007199254740993, "text": ""},
          {"id": 3, "type": "service", "date": "2024-01-01T00:00:00", "actor": "A", "actor_id": "user1",
           "information_text": "Custom info", "text": ""},
          {"id": 4, "type": "unsupported"}
        ]}
        """);
    List<Message> ms = messages(readAll(dir));
    assertThat(ms.get(0).extras())
        .containsExactly(
            new ExtraField("story_link", "{\"peer\":\"x\",\"id\":9}"),
            new ExtraField("gift_id", "12345678901234567890123"));
    assertThat(ms.get(1).action())
        .isEqualTo(
            new ServiceAction.Other(
                "teleport",
                List.of(
                    new ExtraField("destination", "Mars"),
                    new ExtraField("gift_id", "9007199254740993"))));
    assertThat(ms.get(2).action()).isEqualTo(new ServiceAction.Info("Custom info"));
    assertThat(ms.get(3).kind()).isEqualTo(Message.Type.UNSUPPORTED);
    assertThat(ms.get(3).date()).isNull();
  }

  @Test
  void readsMediaAndPlaceholders() throws Exception {
    write(
        """
        {"name": "C", "type": "private_group", "id": 1, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "photo": "photos/photo_1.jpg", "photo_file_size": 1234, "width": 10, "height": 20, "text": ""},
          {"id": 2, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "file": "(File not included. Change data exporting settings to download.)", "file_size": 99,
           "media_type": "voice_message", "mime_type": "audio/ogg", "duration_seconds": 3, "text": ""},
          {"id": 3, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "file": "stickers/s.webp", "media_type": "sticker", "sticker_emoji": "😀", "text": "",
           "location_information": {"latitude": 1.5, "longitude": -2.25}, "live_location_period_seconds": 900},
          {"id": 4, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1",
           "place_name": "Cafe", "address": "Main St 1", "location_information": {"latitude": 1, "longitude": 2},
           "contact_information": {"first_name": "Z", "last_name": "Y", "phone_number": "+1"},
           "reactions": [{"type": "emoji", "count": 2, "emoji": "👍", "recent": [{"from": "A"}]},
                         {"type": "paid", "count": 5}], "text": ""}
        ]}
        """);
    List<Message> ms = messages(readAll(dir));
    assertThat(ms.get(0).attachments())
        .containsExactly(
            new Attachment.Photo(new FileRef("photos/photo_1.jpg", null, 1234L), 10, 20, false));
    Attachment.Document voice = (Attachment.Document) ms.get(1).attachments().get(0);
    assertThat(voice.file().isPlaceholder()).isTrue();
    assertThat(voice.kind()).isEqualTo(Attachment.DocumentKind.VOICE_MESSAGE);
    assertThat(voice.durationSeconds()).isEqualTo(3);
    assertThat(ms.get(2).attachments()).contains(new Attachment.Location(1.5, -2.25, 900));
    assertThat(((Attachment.Document) ms.get(2).attachments().get(0)).stickerEmoji())
        .isEqualTo("😀");
    assertThat(ms.get(3).attachments())
        .contains(
            new Attachment.Venue(1.0, 2.0, "Cafe", "Main St 1"),
            new Attachment.Contact("Z", "Y", "+1", null));
    assertThat(ms.get(3).reactions())
        .containsExactly(new Reaction("emoji", 2, "👍"), new Reaction("paid", 5, null));
  }

  @Test
  void readsAChatHeaderThatComesAfterItsMessages() throws Exception {
    write(
        """
        {"messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "x"}],
         "id": 9, "type": "private_group", "name": "Late"}
        """);
    assertThat(readAll(dir).get(0).chat()).isEqualTo(new Chat(9, "Late", "private_group", false));
  }

  @Test
  void skipsChatsTheFilterRejects() throws Exception {
    write(
        """
        {"chats": {"list": [
          {"name": "A", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "a"}]},
          {"name": "B", "type": "private_group", "id": 2, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "b"}]}
        ]}}
        """);
    List<ExportEvent> events = new ArrayList<>();
    try (ExportReader r = ExportReader.open(dir, c -> c.id() == 2)) {
      ExportEvent e;
      while ((e = r.next()) != null) {
        events.add(e);
      }
    }
    assertThat(events).hasSize(3);
    assertThat(messages(events).get(0).plainText()).isEqualTo("b");
  }

  // --- bad input
  // -----------------------------------------------------------------------------------

  private ExportFormatException failure(String json) throws IOException {
    Path file = write(json);
    try {
      readAll(file);
    } catch (ExportFormatException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an ExportFormatException, got " + e, e);
    }
    throw new AssertionError("expected an ExportFormatException");
  }

  @Test
  void notJsonIsAOneLineErrorWithItsPosition() throws IOException {
    ExportFormatException e = failure("hello, I am not JSON");
    assertThat(e.getMessage())
        .startsWith(dir.resolve("result.json") + ":1:")
        .contains("not a JSON file")
        .doesNotContain("\n");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void truncatedFileSaysSoWithLineAndColumn() throws IOException {
    ExportFormatException e =
        failure(
            """
        {"name": "C", "type": "private_group", "id": 1, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "a"},
          {"id": 2, "type": "message", "date": "2024-01-01T00:00:00", "te""");
    assertThat(e.reason()).contains("truncated");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void aWrongTypeNamesTheFieldAndWhereItIs() throws IOException {
    ExportFormatException e =
        failure(
            """
        {"name": "C", "type": "private_group", "id": 1, "messages": [
          {"id": "one", "type": "message"}
        ]}""");
    assertThat(e.reason()).isEqualTo("expected a whole number for \"id\", found a string");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(10);
  }

  @Test
  void columnsAreCountedInTheOriginalFileDespiteRewrittenEscapes() throws IOException {
    ExportFormatException e =
        failure(
            "{\"name\": \"C\\x01\\x02\", \"type\": \"private_group\", \"id\": \"x\", \"messages\": []}");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).as("58 in the rewritten stream, 54 in the file").isEqualTo(54);
  }

  @Test
  void neitherLayoutIsRejected() throws IOException {
    ExportFormatException e = failure("{\"about\": \"x\", \"contacts\": {\"list\": []}}");
    assertThat(e.reason()).startsWith("neither a single-chat export");
  }

  @Test
  void anArrayAtTheRootIsRejected() throws IOException {
    ExportFormatException e = failure("[1, 2]");
    assertThat(e.reason()).contains("starts with an array");
  }

  @Test
  void anEmptyFileIsRejected() throws IOException {
    assertThat(failure("").reason()).contains("empty");
  }

  @Test
  void aFolderWithoutResultJsonIsRejected() {
    assertThatThrownBy(() -> ExportReader.open(dir))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining("no result.json");
  }

  @Test
  void messagesMustBeAnArray() throws IOException {
    ExportFormatException e =
        failure("{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": {}}");
    assertThat(e.reason()).isEqualTo("expected an array for \"messages\", found an object");
  }
}
