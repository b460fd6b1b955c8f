package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.generate.ExportGenerator;
import dev.tgmd.generate.GenerateOptions;
import dev.tgmd.source.Attachment;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.HtmlExportReader;
import dev.tgmd.source.Message;
import dev.tgmd.testing.NoteRoundTrip;
import dev.tgmd.testing.Tgmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated chat in both forms (result.json and its HTML pages): either gives the same message
 * ids and texts, in the reader and in the notes.
 */
class BothExportFormsTest {

  @TempDir static Path tmp;

  static Path export;
  static Path pages;

  @BeforeAll
  static void generate() throws Exception {
    export = tmp.resolve("export");
    ExportGenerator.generate(new GenerateOptions(3_500, export, 5, true, 1, true));
    pages = export.resolve("chats/chat_001");
  }

  private static Map<Long, Message> read(Path input) throws Exception {
    Map<Long, Message> out = new LinkedHashMap<>();
    try (ExportReader r = ExportReader.open(input)) {
      ExportEvent e;
      while ((e = r.next()) != null) {
        if (e instanceof ExportEvent.MessageRead m) {
          out.put(m.message().id(), m.message());
        }
      }
    }
    return out;
  }

  @Test
  void theHtmlPagesAreTelegramDesktopsPagesOfAThousandMessages() throws Exception {
    assertThat(pages.resolve("messages.html")).isRegularFile();
    assertThat(pages.resolve("messages4.html")).isRegularFile();
    assertThat(pages.resolve("messages5.html")).doesNotExist();
    try (ExportReader r = ExportReader.open(pages.resolve("messages3.html"))) {
      assertThat(((HtmlExportReader) r).pageCount()).isEqualTo(4);
    }
  }

  @Test
  void bothFormsGiveTheSameMessageIdsAndTexts() throws Exception {
    Map<Long, Message> json = read(export);
    Map<Long, Message> html = read(pages);
    assertThat(html.keySet()).containsExactlyElementsOf(json.keySet());
    assertThat(json).hasSize(3_500);
    for (Map.Entry<Long, Message> e : json.entrySet()) {
      Message j = e.getValue();
      Message h = html.get(e.getKey());
      // HTML cannot tell a text's edge whitespace from the page's layout (Telegram trims texts)
      assertThat(h.plainText().strip())
          .as("text of message %d", j.id())
          .isEqualTo(j.plainText().strip());
      if (!j.isService()) {
        // the page names a deleted account by these words, the JSON by null
        assertThat(h.sender())
            .as("sender of message %d", j.id())
            .isEqualTo(j.sender() == null ? "Deleted Account" : j.sender());
        assertThat(h.date()).as("date of message %d", j.id()).isEqualTo(j.date());
        assertThat(h.replyToMessageId()).isEqualTo(j.replyToMessageId());
        if (j.attachments().stream().noneMatch(a -> a instanceof Attachment.TodoList)) {
          // Telegram Desktop's HTML shows no checklist
          assertThat(h.attachments())
              .as("media of message %d", j.id())
              .hasSameSizeAs(j.attachments());
        }
      }
    }
  }

  @Test
  void bothFormsGiveNotesWithTheSameMessages() throws Exception {
    Path fromJson = tmp.resolve("notes-json");
    Path fromHtml = tmp.resolve("notes-html");
    for (Object[] run :
        new Object[][] {{export.toString(), fromJson}, {pages.toString(), fromHtml}}) {
      Tgmd.Run r =
          Tgmd.run(
              "export",
              (String) run[0],
              "--out",
              run[1].toString(),
              "--media",
              "none",
              "--timezone",
              "UTC",
              "--no-metrics");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("3,500 messages");
    }
    assertThat(anchors(fromHtml)).isEqualTo(anchors(fromJson)).hasSize(3_500);
    Path chat = onlyChatFolder(fromHtml);
    assertThat(NoteRoundTrip.check(pages, chat)).isGreaterThan(2_000);
  }

  private static TreeSet<String> anchors(Path out) throws Exception {
    TreeSet<String> found = new TreeSet<>();
    Pattern anchor = Pattern.compile("(?:^| )\\^(m-?\\d+(?:-\\d+)?)$", Pattern.MULTILINE);
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".md")).collect(Collectors.toList())) {
        Matcher m = anchor.matcher(Files.readString(p));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  private static Path onlyChatFolder(Path out) throws Exception {
    try (Stream<Path> list = Files.list(out)) {
      return list.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .findFirst()
          .orElseThrow();
    }
  }
}
