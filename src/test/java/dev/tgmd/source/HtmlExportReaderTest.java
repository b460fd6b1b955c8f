package dev.tgmd.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the hand-written HTML export in src/test/resources/html/fixture-chat and broken pages. */
class HtmlExportReaderTest {

  static final Path FIXTURE = Path.of("src/test/resources/html/fixture-chat");

  @TempDir Path tmp;

  /** Every event of an export, and checks bytesRead() == size() at its end. */
  static List<ExportEvent> events(Path input) throws Exception {
    List<ExportEvent> out = new ArrayList<>();
    try (ExportReader r = ExportReader.open(input)) {
      assertThat(r).isInstanceOf(HtmlExportReader.class);
      ExportEvent e;
      while ((e = r.next()) != null) {
        out.add(e);
      }
      assertThat(r.bytesRead()).isEqualTo(r.size());
    }
    return out;
  }

  static Map<Long, Message> messages(Path input) throws Exception {
    Map<Long, Message> out = new LinkedHashMap<>();
    for (ExportEvent e : events(input)) {
      if (e instanceof ExportEvent.MessageRead m) {
        out.put(m.message().id(), m.message());
      }
    }
    return out;
  }

  @Test
  void theChatIsNamedByThePageHeaderWithAnIdDerivedFromTheName() throws Exception {
    List<ExportEvent> events = events(FIXTURE);
    Chat chat = events.get(0).chat();
    assertThat(events.get(0)).isInstanceOf(ExportEvent.ChatStarted.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(ExportEvent.ChatEnded.class);
    assertThat(chat.name()).isEqualTo("Lantern Test Group");
    assertThat(chat.type()).isEqualTo("unknown");
    assertThat(chat.id())
        .isEqualTo(HtmlExportReader.chatId("Lantern Test Group"))
        .isGreaterThanOrEqualTo(1L << 52)
        .isLessThan(1L << 53);
    assertThat(HtmlExportReader.chatId("Another")).isNotEqualTo(chat.id());
  }

  @Test
  void everyMessageOfBothPagesIsReadInOrderAndDateSeparatorsAreNoMessages() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= 23; i++) {
      expected.add(i);
    }
    assertThat(m.keySet()).containsExactlyElementsOf(expected);
  }

  @Test
  void datesKeepTheWallTimeAndTakeTheInstantFromTheOffsetWhenThereIsOne() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    assertThat(m.get(2L).date())
        .isEqualTo(
            new MessageDate(
                LocalDateTime.parse("2024-03-02T07:15:00"), Instant.parse("2024-03-02T06:15:00Z")));
    assertThat(m.get(23L).date())
        .isEqualTo(new MessageDate(LocalDateTime.parse("2024-03-03T06:12:00"), null));
    assertThat(HtmlDates.parse("16.03.2026 01:26:58 GMT+00:00").instant())
        .isEqualTo(Instant.parse("2026-03-16T01:26:58Z"));
    assertThat(HtmlDates.parse("16.03.2026 01:26:58 UTC-05:30").instant())
        .isEqualTo(Instant.parse("2026-03-16T06:56:58Z"));
    assertThat(HtmlDates.parse("31.02.2026 01:26:58")).isNull();
    assertThat(HtmlDates.parse("16.03.2026 01:26:58 CET")).isNull();
    assertThat(m.get(1L).date())
        .as("a service message has no time in HTML, only the day of the separator above it")
        .isEqualTo(MessageDate.day(java.time.LocalDate.parse("2024-03-02")));
    assertThat(m.get(19L).date().dayOnly()).isTrue();
    assertThat(m.get(2L).date().dayOnly()).isFalse();
  }

  @Test
  void joinedMessagesContinueThePreviousSenderAcrossPages() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    assertThat(m.get(3L).sender()).isEqualTo("Mara Quill");
    assertThat(m.get(5L).sender()).isEqualTo("Jonas Berg");
    assertThat(m.get(18L).sender())
        .as("a call continues the sender too")
        .isEqualTo("Robin Fernwood");
    assertThat(m.get(22L).sender()).as("first message of page 2").isEqualTo("Lantern News");
    assertThat(m.get(2L).senderId()).isNull();
  }

  @Test
  void textFormattingBecomesTheSameRunsAsInJson() throws Exception {
    List<TextPart> t = messages(FIXTURE).get(2L).text();
    assertThat(t)
        .contains(
            new TextPart.Styled(TextPart.Style.BOLD, "bold"),
            new TextPart.Styled(TextPart.Style.ITALIC, "italic"),
            new TextPart.Styled(TextPart.Style.UNDERLINE, "underline"),
            new TextPart.Styled(TextPart.Style.STRIKETHROUGH, "struck"),
            new TextPart.Styled(TextPart.Style.SPOILER, "hidden"),
            new TextPart.Code("x = 1"),
            new TextPart.TextLink("gear sheet", "https://example.org/gear?v=2&lang=en"),
            new TextPart.Entity(TextPart.EntityType.MENTION, "@lantern_bot"),
            new TextPart.MentionName("Robin", 0),
            new TextPart.Entity(TextPart.EntityType.HASHTAG, "#spring"),
            new TextPart.Entity(TextPart.EntityType.CASHTAG, "$USD"),
            new TextPart.Entity(TextPart.EntityType.BOT_COMMAND, "/start"),
            new TextPart.Entity(TextPart.EntityType.EMAIL, "mara@example.org"),
            new TextPart.Entity(TextPart.EntityType.PHONE, "+4915550100"),
            new TextPart.Entity(TextPart.EntityType.LINK, "example.net"),
            new TextPart.Pre("line one\nline two", ""),
            new TextPart.Blockquote("Quoted\ntwice", false));
    assertThat(t.get(0)).isEqualTo(new TextPart.Plain("Plain, "));
    assertThat(TextPart.plainText(t)).contains(" & <tags>\n").contains(".\nMention ");
  }

  @Test
  void repliesForwardsSignaturesAndBotsAreRead() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    assertThat(m.get(4L).replyToMessageId()).isEqualTo(2L);
    assertThat(m.get(4L).viaBot()).isEqualTo("@gif");
    assertThat(m.get(4L).sender()).isEqualTo("Jonas Berg");
    assertThat(m.get(5L).replyToMessageId()).isNull();
    assertThat(m.get(5L).extras())
        .containsExactly(new ExtraField("reply_to", "In reply to a message in another chat"));
    assertThat(m.get(6L).forward()).isEqualTo(new Message.Forward("Trail News"));
    assertThat(m.get(6L).plainText()).isEqualTo("The pass is open again.");
    assertThat(m.get(6L).extras())
        .containsExactly(new ExtraField("forwarded_date", "01.03.2024 18:30:00 UTC+01:00"));
    assertThat(m.get(21L).author()).isEqualTo("Alex Quill");
    assertThat(m.get(20L).buttons())
        .containsExactly(
            List.of(
                new Button("callback", "Yes", "vote:1"),
                new Button("url", "Help", "https://example.org/help")));
    assertThat(m.get(3L).reactions())
        .containsExactly(
            new Reaction("emoji", 4, "👍"),
            new Reaction("emoji", 2, "❤"),
            new Reaction("paid", 2, null));
  }

  @Test
  void everyKindOfMediaIsRead() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    assertThat(m.get(7L).attachments())
        .containsExactly(
            new Attachment.Photo(
                FileRef.of("photos/photo_1@02-03-2024_09-05-00.jpg", null), null, null, false));
    assertThat(kind(m.get(8L))).isEqualTo(Attachment.DocumentKind.VIDEO_FILE);
    assertThat(((Attachment.Document) m.get(8L).attachments().get(0)).durationSeconds())
        .isEqualTo(65);
    assertThat(kind(m.get(9L))).isEqualTo(Attachment.DocumentKind.VOICE_MESSAGE);
    assertThat(kind(m.get(10L))).isEqualTo(Attachment.DocumentKind.VIDEO_MESSAGE);
    assertThat(kind(m.get(11L))).isEqualTo(Attachment.DocumentKind.STICKER);
    assertThat(kind(m.get(12L))).isEqualTo(Attachment.DocumentKind.ANIMATION);
    Attachment.Document file = (Attachment.Document) m.get(13L).attachments().get(0);
    assertThat(file.kind()).isEqualTo(Attachment.DocumentKind.FILE);
    assertThat(file.fileName()).isEqualTo("Route (v2).pdf");
    assertThat(file.file().path()).isEqualTo("files/Route (v2).pdf");
    assertThat(m.get(14L).attachments())
        .containsExactly(
            new Attachment.Photo(
                new FileRef(
                    null,
                    "(Photo not included. Change data exporting settings to download.)",
                    null),
                365,
                499,
                false));
    assertThat(m.get(15L).attachments())
        .containsExactly(new Attachment.Contact("Alex Quill", null, "+49 155 50100", null));
    assertThat(m.get(16L).attachments())
        .containsExactly(new Attachment.Location(47.5, 11.25, null));
    Attachment.Poll poll = (Attachment.Poll) m.get(17L).attachments().get(0);
    assertThat(poll.closed()).isTrue();
    assertThat(poll.totalVoters()).isEqualTo(4);
    assertThat(poll.answers())
        .extracting(Attachment.PollAnswer::voters, Attachment.PollAnswer::chosen)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, true),
            org.assertj.core.groups.Tuple.tuple(1L, false),
            org.assertj.core.groups.Tuple.tuple(0L, false));
    assertThat(m.get(18L).isService()).isTrue();
    assertThat(m.get(18L).action())
        .isEqualTo(
            new ServiceAction.Other("phone_call", List.of(new ExtraField("status", "Declined"))));
  }

  @Test
  void serviceMessagesKeepTheirSentenceAndAPinItsTarget() throws Exception {
    Map<Long, Message> m = messages(FIXTURE);
    assertThat(m.get(1L).action())
        .isEqualTo(new ServiceAction.Info("Mara Quill created group «Lantern Test Group»"));
    assertThat(m.get(19L).action()).isEqualTo(new ServiceAction.Pinned("pin_message", 2));
    assertThat(m.get(19L).sender()).isEqualTo("Mara Quill");
  }

  @Test
  void everyStoredSourceParsesBackToTheSameMessage() throws Exception {
    int n = 0;
    for (ExportEvent e : events(FIXTURE)) {
      if (e instanceof ExportEvent.MessageRead read) {
        assertThat(read.source().format()).isEqualTo(SourceFormat.HTML);
        assertThat(read.weight()).isPositive();
        assertThat(HtmlExportReader.parseStored(read.source().bytes()))
            .as("message %d", read.message().id())
            .isEqualTo(read.message());
        n++;
      }
    }
    assertThat(n).isEqualTo(23);
  }

  @Test
  void aStoredJoinedMessageNamesItsSenderItself() throws Exception {
    for (ExportEvent e : events(FIXTURE)) {
      if (e instanceof ExportEvent.MessageRead read && read.message().id() == 22) {
        assertThat(read.source().text())
            .contains("data-tgmd-from=\"Lantern News\"")
            .contains("data-tgmd-page=\"messages2.html\"");
      }
    }
    assertThatThrownBy(
            () -> HtmlExportReader.parseStored("<p>nothing</p>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining("no div.message");
  }

  @Test
  void aStoredSourceIsTheElementAsThePageWritesIt() throws Exception {
    for (ExportEvent e : events(FIXTURE)) {
      if (e instanceof ExportEvent.MessageRead read && read.message().id() == 1) {
        assertThat(read.source().text())
            .startsWith(
                "<div data-tgmd-page=\"messages.html\" data-tgmd-day=\"2024-03-02\""
                    + " class=\"message service\" id=\"message1\">\n")
            .contains("created group &laquo;Lantern Test Group&raquo;")
            .endsWith("</div>\n     </div>");
      }
    }
  }

  @Test
  void anElementThePageLeavesUnclosedIsStoredAsJsoupWritesIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("unclosed"));
    Files.writeString(
        dir.resolve("messages.html"),
        page(
            "Open",
            message(1, "closed")
                + message(2, "open & \"quoted\"").replace("</div></div></div>", "")));
    List<ExportEvent.MessageRead> reads = new ArrayList<>();
    for (ExportEvent e : events(dir)) {
      if (e instanceof ExportEvent.MessageRead read) {
        reads.add(read);
      }
    }
    assertThat(reads).hasSize(2);
    for (ExportEvent.MessageRead read : reads) {
      assertThat(HtmlExportReader.parseStored(read.source().bytes())).isEqualTo(read.message());
    }
    assertThat(reads.get(1).message().plainText()).isEqualTo("open & \"quoted\"");
  }

  @Test
  void pagesAreReadInNumericOrderFromTheFolderOrAnyOfItsPages() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    for (int page = 1; page <= 11; page++) {
      String name = page == 1 ? "messages.html" : "messages" + page + ".html";
      Files.writeString(dir.resolve(name), page("Pages", message(page, "page " + page)));
    }
    Files.writeString(dir.resolve("messages_old.html"), "not a page");
    List<Long> ids = new ArrayList<>(messages(dir).keySet());
    assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(messages(dir.resolve("messages10.html")).keySet()).containsExactlyElementsOf(ids);
    assertThat(ExportInput.pageNumber("messages.html")).isEqualTo(1);
    assertThat(ExportInput.pageNumber("messages12.html")).isEqualTo(12);
    assertThat(ExportInput.pageNumber("messages1.html")).isEqualTo(-1);
    assertThat(ExportInput.pageNumber("messages02.html")).isEqualTo(-1);
  }

  @Test
  void aFolderWithResultJsonIsStillReadAsJson() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("both"));
    Files.writeString(dir.resolve("messages.html"), page("X", message(1, "x")));
    Files.writeString(
        dir.resolve("result.json"),
        "{\"name\":\"X\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[]}");
    try (ExportReader r = ExportReader.open(dir)) {
      assertThat(r).isNotInstanceOf(HtmlExportReader.class);
    }
  }

  @Test
  void badHtmlIsOneLineNamingThePageAndTheElement() throws Exception {
    assertBad(
        "<div class=\"message default clearfix\" id=\"message7\"><div class=\"body\">"
            + "<div class=\"from_name\">A</div><div class=\"text\">no date</div></div></div>",
        "messages.html:1: message 7 (div#message7): no date (div.date with a title)");
    assertBad(
        "<div class=\"message default clearfix\" id=\"message8\"><div class=\"body\">"
            + "<div class=\"pull_right date details\" title=\"yesterday\">?</div></div></div>",
        "messages.html:1: message 8 (div#message8): a date that is not DD.MM.YYYY HH:MM:SS");
    assertBad(
        "<div class=\"message default clearfix\" id=\"msg9\"><div class=\"body\"></div></div>",
        "messages.html:1: div#msg9: not a message id");
    assertBad(
        "<div class=\"message default clearfix joined\" id=\"message10\"><div class=\"body\">"
            + "<div class=\"pull_right date details\" title=\"02.03.2024 07:15:00\">07:15</div>"
            + "</div></div>",
        "messages.html:1: message 10 (div#message10): a \"joined\" message with no message before it");
    assertBad(
        message(11, "x")
            .replace(
                "<div class=\"text\">",
                "<div class=\"media_wrap clearfix\">"
                    + "<div class=\"mystery\"></div></div><div class=\"text\">"),
        "messages.html:1: message 11 (div#message11): a media block this reader does not know");
    Path dir = Files.createDirectories(tmp.resolve("noheader"));
    Files.writeString(dir.resolve("messages.html"), "<html><body><p>hello</p></body></html>");
    assertThatThrownBy(() -> events(dir))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining("messages.html: not a page of Telegram Desktop's HTML export");
  }

  private void assertBad(String body, String expected) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "bad");
    Files.writeString(dir.resolve("messages.html"), page("Bad", body));
    assertThatThrownBy(() -> events(dir))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static Attachment.DocumentKind kind(Message m) {
    return ((Attachment.Document) m.attachments().get(0)).kind();
  }

  static String page(String chat, String history) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body><div class=\"page_wrap\">"
        + "<div class=\"page_header\"><div class=\"content\"><div class=\"text bold\">"
        + chat
        + "</div></div></div><div class=\"page_body chat_page\"><div class=\"history\">"
        + history
        + "</div></div></div></body></html>";
  }

  static String message(long id, String text) {
    return "<div class=\"message default clearfix\" id=\"message"
        + id
        + "\"><div class=\"body\"><div class=\"pull_right date details\" title=\"02.03.2024"
        + " 07:15:00 UTC+00:00\">07:15</div><div class=\"from_name\">Someone</div>"
        + "<div class=\"text\">"
        + text
        + "</div></div></div>";
  }
}
