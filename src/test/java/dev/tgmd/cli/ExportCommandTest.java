package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.FailureReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.Total;
import dev.tgmd.testing.CommonMark;
import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCommandTest {

  @TempDir Path tmp;

  private static final String FORUM =
      """
      {"name": "Hikers", "type": "public_supergroup", "id": 500, "messages": [
        {"id": 1, "type": "message", "date": "2024-02-28T10:00:00", "from": "Ann", "from_id": "user1", "text": "General hello"},
        {"id": 2, "type": "service", "date": "2024-03-01T09:00:00", "actor": "Ann", "actor_id": "user1",
         "action": "topic_created", "title": "Routes", "text": ""},
        {"id": 3, "type": "message", "date": "2024-03-01T09:05:00", "from": "Bob", "from_id": "user2",
         "reply_to_message_id": 2, "text": "Alps or Tatras?"},
        {"id": 4, "type": "message", "date": "2024-03-01T09:10:00", "from": "Ann", "from_id": "user1",
         "reply_to_message_id": 3, "text": "Tatras"},
        {"id": 5, "type": "message", "date": "2024-03-02T08:00:00", "from": "Cy", "from_id": "user3",
         "reply_to_message_id": 1, "text": "Back in general, answering February"},
        {"id": 6, "type": "message", "date": "2024-03-02T08:30:00", "from": "Cy", "from_id": "user3",
         "reply_to_message_id": 999, "text": "reply to a deleted message"}
      ]}
      """;

  private Path export(String json) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("export"));
    Files.writeString(dir.resolve("result.json"), json, StandardCharsets.UTF_8);
    return dir;
  }

  private Tgmd.Run export(Path input, Path out, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "export";
    args[1] = input.toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return Tgmd.run(args);
  }

  @Test
  void forumTopicsGetTheirOwnNotesAndRepliesLinkAcrossNotes() throws Exception {
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(export(FORUM), out, "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Tgmd.notes(out))
        .containsExactly(
            "Hikers/Hikers 2024-02.md",
            "Hikers/Hikers 2024-03.md",
            "Hikers/Hikers.md",
            "Hikers/Routes/Hikers - Routes 2024-03.md",
            "Telegram chats.md");
    String routes = Tgmd.read(out.resolve("Hikers/Routes/Hikers - Routes 2024-03.md"));
    assertThat(routes)
        .contains("topic: \"Routes\"")
        .contains("messages: 3")
        .contains("> ↩️ Reply to [[#^m3|Bob: Alps or Tatras?]]\n");
    String march = Tgmd.read(out.resolve("Hikers/Hikers 2024-03.md"));
    assertThat(march)
        .contains("> ↩️ Reply to [[./Hikers 2024-02#^m1|Ann: General hello]]\n")
        .contains("> ↩️ Reply to message 999 (not in this export)\n");
    String index = Tgmd.read(out.resolve("Hikers/Hikers.md"));
    assertThat(index)
        .contains("- [[./Hikers 2024-02|2024-02]] · 1 message")
        .contains("### Routes\n\n- [[./Routes/Hikers - Routes 2024-03|2024-03]] · 3 messages");
    assertThat(run.out()).contains("Exported 1 chat, 6 messages into 4 notes");
  }

  @Test
  void topicsTitledLikeTheChatsNotesOrItsMediaFolderGetFoldersOfTheirOwn() throws Exception {
    StringBuilder json =
        new StringBuilder(
            "{\"name\": \"Forum\", \"type\": \"public_supergroup\", \"id\": 5, \"messages\": [\n"
                + "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-03-01T08:00:00\", \"text\": \"general\"}");
    List<String> titles = List.of("Forum 2024-03.md", "Forum.md", "FORUM.MD", "media", "Media");
    for (int i = 0; i < titles.size(); i++) {
      int id = 10 + 2 * i;
      json.append(",\n{\"id\": ")
          .append(id)
          .append(
              ", \"type\": \"service\", \"date\": \"2024-03-02T08:00:00\", "
                  + "\"action\": \"topic_created\", \"title\": \"")
          .append(titles.get(i))
          .append("\", \"text\": \"\"}");
      json.append(",\n{\"id\": ")
          .append(id + 1)
          .append(
              ", \"type\": \"message\", \"date\": \"2024-03-02T09:00:00\", "
                  + "\"reply_to_message_id\": ")
          .append(id)
          .append(", \"text\": \"in ")
          .append(titles.get(i))
          .append("\"}");
    }
    json.append("]}");
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(export(json.toString()), out, "--timezone", "UTC", "--media", "none");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Tgmd.notes(out))
        .containsExactly(
            "Forum/FORUM_MD (14)/Forum - FORUM_MD (14) 2024-03.md",
            "Forum/Forum 2024-03.md",
            "Forum/Forum 2024-03_md/Forum - Forum 2024-03_md 2024-03.md",
            "Forum/Forum.md",
            "Forum/Forum_md/Forum - Forum_md 2024-03.md",
            "Forum/Media (18)/Forum - Media (18) 2024-03.md",
            "Forum/media (16)/Forum - media (16) 2024-03.md",
            "Telegram chats.md");
    assertThat(Tgmd.read(out.resolve("Forum/Forum_md/Forum - Forum_md 2024-03.md")))
        .contains("in Forum.md");
  }

  @Test
  void theCommonMarkFlavorUsesRelativeMarkdownLinksAndHtmlAnchors() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(export(export(FORUM), out, "--timezone", "UTC", "--flavor", "commonmark").exitCode())
        .isZero();
    String march = Tgmd.read(out.resolve("Hikers/Hikers 2024-03.md"));
    assertThat(march)
        .contains(
            "> <a id=\"m5\"></a>**Cy** · 08:00  \n> ↩️ Reply to [Ann: General hello](<./Hikers 2024-02.md#m1>)");
    assertThat(march).doesNotContain("[[").doesNotContain(" ^m");
  }

  @Test
  void twoRunsGiveByteIdenticalNotes() throws Exception {
    Path input = export(FORUM);
    export(input, tmp.resolve("a"), "--timezone", "Asia/Tokyo");
    export(input, tmp.resolve("b"), "--timezone", "Asia/Tokyo");
    Map<String, String> a = Tgmd.exported(tmp.resolve("a"));
    assertThat(a).isNotEmpty().isEqualTo(Tgmd.exported(tmp.resolve("b")));
  }

  @Test
  void splitsByYearDayOrNotAtAll() throws Exception {
    Path input = export(FORUM);
    export(input, tmp.resolve("year"), "--timezone", "UTC", "--split", "year");
    export(input, tmp.resolve("day"), "--timezone", "UTC", "--split", "day");
    export(input, tmp.resolve("none"), "--timezone", "UTC", "--split", "none");
    assertThat(Tgmd.notes(tmp.resolve("year"))).contains("Hikers/Hikers 2024.md");
    assertThat(Tgmd.notes(tmp.resolve("day")))
        .contains("Hikers/Hikers 2024-02-28.md", "Hikers/Hikers 2024-03-02.md");
    assertThat(Tgmd.notes(tmp.resolve("none")))
        .contains("Hikers/Hikers all.md", "Hikers/Routes/Hikers - Routes all.md");
  }

  @Test
  void filtersSelectChatsTypesAndDays() throws Exception {
    Path input =
        export(
            """
        {"chats": {"list": [
          {"name": "Alpha", "type": "private_group", "id": 1, "messages": [
            {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "old"},
            {"id": 2, "type": "message", "date": "2024-06-01T10:00:00", "text": "new"}]},
          {"name": "Beta", "type": "personal_chat", "id": 2, "messages": [
            {"id": 1, "type": "message", "date": "2024-06-01T10:00:00", "text": "b"}]}]}}
        """);
    export(input, tmp.resolve("chat"), "--chat", "alpha", "--since", "2024-03-01");
    assertThat(Tgmd.notes(tmp.resolve("chat")))
        .containsExactly("Alpha/Alpha 2024-06.md", "Alpha/Alpha.md", "Telegram chats.md");
    export(input, tmp.resolve("type"), "--type", "personal_chat");
    assertThat(Tgmd.notes(tmp.resolve("type")))
        .containsExactly("Beta/Beta 2024-06.md", "Beta/Beta.md", "Telegram chats.md");
    export(input, tmp.resolve("id"), "--chat", "2", "--until", "2024-05-31");
    Tgmd.Run none = export(input, tmp.resolve("id"), "--chat", "2", "--until", "2024-05-31");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no message matched the filters");
    Tgmd.Run badType = export(input, tmp.resolve("x"), "--type", "group");
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.err()).startsWith("tgmd: unknown chat type 'group' for --type");
  }

  @Test
  void identicalMediaAreStoredOnceAndLinksLeadingOutAreRefused() throws Exception {
    Path input =
        export(
            """
        {"name": "Pics", "type": "private_group", "id": 9, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "photo": "photos/a.jpg", "text": ""},
          {"id": 2, "type": "message", "date": "2024-01-01T10:01:00", "photo": "photos/b.jpg", "text": "same picture"},
          {"id": 3, "type": "message", "date": "2024-01-01T10:02:00", "file": "files/out.txt", "text": ""},
          {"id": 4, "type": "message", "date": "2024-01-01T10:03:00", "file": "../secret.txt", "text": ""},
          {"id": 5, "type": "message", "date": "2024-01-01T10:04:00", "file": "files/gone.pdf", "text": ""},
          {"id": 6, "type": "message", "date": "2024-01-01T10:05:00",
           "photo": "(Photo not included. Change data exporting settings to download.)", "text": ""}
        ]}
        """);
    Files.createDirectories(input.resolve("photos"));
    Files.createDirectories(input.resolve("files"));
    Files.writeString(input.resolve("photos/a.jpg"), "JPEG");
    Files.writeString(input.resolve("photos/b.jpg"), "JPEG");
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    Files.createSymbolicLink(input.resolve("files/out.txt"), secret);
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(input, out, "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Tgmd.exported(out).keySet())
        .containsExactly(
            "Pics/Pics 2024-01.md", "Pics/Pics.md", "Pics/media/photos/a.jpg", "Telegram chats.md");
    assertThat(Tgmd.files(out).values())
        .noneMatch(content -> content.contains("TOP-SECRET-CONTENT"));
    String note = Tgmd.read(out.resolve("Pics/Pics 2024-01.md"));
    assertThat(note).contains("\n>\n> ![[./media/photos/a.jpg|400]]\n>\n> same picture\n\n^m2");
    assertThat(note)
        .contains(
            "⚠️ File not copied: it is a symbolic link, which tgmd does not follow (files/out.txt)");
    assertThat(note)
        .contains(
            "⚠️ File not copied: its path is absolute or leads outside the export folder (../secret.txt)");
    assertThat(note).contains("⚠️ File missing from the export: files/gone.pdf");
    assertThat(note).contains("🖼️ Photo not included in the export");
    assertThat(run.out())
        .contains("Media: 1 copied (4 B), 1 duplicate avoided, 1 missing, 2 refused");
  }

  /**
   * A file missing from the export or refused is found whether files are copied or only named: the
   * note says so, and the summary, the totals, the media stage's errors and the failures count it
   * once each.
   */
  @ParameterizedTest(name = "--media {0}")
  @ValueSource(strings = {"copy", "none"})
  void missingAndRefusedFilesAreFoundAndCountedAlikeInEveryMediaMode(String mode) throws Exception {
    Path input =
        export(
            """
        {"name": "Pics", "type": "private_group", "id": 9, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "photo": "photos/a.jpg", "text": ""},
          {"id": 3, "type": "message", "date": "2024-01-01T10:02:00", "file": "files/out.txt", "text": ""},
          {"id": 4, "type": "message", "date": "2024-01-01T10:03:00", "file": "../secret.txt", "text": ""},
          {"id": 5, "type": "message", "date": "2024-01-01T10:04:00", "file": "files/gone.pdf", "text": ""}
        ]}
        """);
    Files.createDirectories(input.resolve("photos"));
    Files.createDirectories(input.resolve("files"));
    Files.writeString(input.resolve("photos/a.jpg"), "JPEG");
    Files.createSymbolicLink(
        input.resolve("files/out.txt"), Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET"));
    Path out = tmp.resolve("out");

    Tgmd.Run run = export(input, out, "--timezone", "UTC", "--media", mode);

    assertThat(run.exitCode()).as(run.err()).isZero();
    String note = Tgmd.read(out.resolve("Pics/Pics 2024-01.md"));
    assertThat(note).contains("⚠️ File missing from the export: files/gone.pdf");
    assertThat(note)
        .contains(
            "⚠️ File not copied: it is a symbolic link, which tgmd does not follow (files/out.txt)");
    assertThat(note)
        .contains(
            "⚠️ File not copied: its path is absolute or leads outside the export folder (../secret.txt)");
    assertThat(note)
        .contains(
            mode.equals("copy")
                ? "![[./media/photos/a.jpg|400]]"
                : "🖼️ Photo: a.jpg (not copied)");
    assertThat(run.out()).contains("1 missing, 2 refused");
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.totals().get(Total.MEDIA_MISSING)).isEqualTo(1);
    assertThat(report.totals().get(Total.MEDIA_REFUSED)).isEqualTo(2);
    assertThat(report.stages().get("media").count()).as("every file named").isEqualTo(4);
    assertThat(report.stages().get("media").errors()).isEqualTo(3);
    assertThat(report.failures().count()).isEqualTo(3);
    assertThat(report.failures().first()).extracting(FailureReport::stage).containsOnly("media");
    assertThat(report.failures().first())
        .extracting(FailureReport::item)
        .containsExactly(
            "file files/out.txt of message 3 in chat Pics",
            "file ../secret.txt of message 4 in chat Pics",
            "file files/gone.pdf of message 5 in chat Pics");
    assertThat(report.failures().first().get(2).error())
        .isEqualTo("NoSuchFileException: files/gone.pdf: missing from the export");
  }

  @Test
  void mediaNoneNamesFilesWithoutCopying() throws Exception {
    Path input =
        export(
            """
        {"name": "Pics", "type": "private_group", "id": 9, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "photo": "photos/a.jpg", "text": ""}]}
        """);
    Files.createDirectories(input.resolve("photos"));
    Files.writeString(input.resolve("photos/a.jpg"), "JPEG");
    Path out = tmp.resolve("out");
    assertThat(export(input, out, "--media", "none").exitCode()).isZero();
    assertThat(Tgmd.exported(out).keySet())
        .containsExactly("Pics/Pics 2024-01.md", "Pics/Pics.md", "Telegram chats.md");
    assertThat(Tgmd.read(out.resolve("Pics/Pics 2024-01.md")))
        .contains("🖼️ Photo: a.jpg (not copied)");
  }

  // --- bad input -------------------------------------------------------------------------------

  private void assertRejected(String json, String message) throws Exception {
    Path input = export(json);
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(input, out);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("tgmd: " + input.resolve("result.json")).contains(message);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(Tgmd.notes(out)).as("no partial note").isEmpty();
    assertThat(Tgmd.exported(out)).as("no temporary file left").isEmpty();
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.run().error()).contains(message);
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .as("nothing outside OUT")
          .isSubsetOf("export", "out");
    }
  }

  /** An error found before the run starts: one line, exit 2, and OUT is not even created. */
  private void assertRejectedBeforeStart(Path input, String message, String... more) {
    Path out = tmp.resolve("out");
    String[] args = new String[more.length];
    System.arraycopy(more, 0, args, 0, more.length);
    Tgmd.Run run = export(input, out, args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("tgmd: ").contains(message);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
    assertThat(out).as("OUT untouched").doesNotExist();
  }

  @Test
  void notJsonIsRejectedBeforeAnythingIsWritten() throws Exception {
    Path input = export("<html>not json</html>");
    assertRejectedBeforeStart(input, input.resolve("result.json") + ":1:1: not a JSON file");
  }

  @Test
  void aMissingInputTouchesNothing() {
    assertRejectedBeforeStart(
        tmp.resolve("nope"), tmp.resolve("nope") + ": no such file or folder");
  }

  @Test
  void aFolderWithoutAnExportSaysWhatToGive() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertRejectedBeforeStart(
        empty,
        "no result.json or messages.html in this folder: give the folder Telegram Desktop exported to");
  }

  @Test
  void aZipArchiveIsToBeUnpackedFirst() throws Exception {
    Path zip = tmp.resolve("export.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("result.json"));
      z.write(FORUM.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertRejectedBeforeStart(zip, zip + ": a zip archive, not an export: unpack it first");
  }

  @Test
  void anHtmlFileThatIsNoExportPageIsRejectedBeforeTheRunStarts() throws Exception {
    Path html = Files.createDirectories(tmp.resolve("ChatExport_2024-05-01"));
    Files.writeString(html.resolve("messages.html"), "<!DOCTYPE html><html></html>");
    Files.createDirectories(html.resolve("css"));
    assertRejectedBeforeStart(html, "not a page of Telegram Desktop's HTML export");
    assertRejectedBeforeStart(
        html.resolve("messages.html"), "not a page of Telegram Desktop's HTML export");
  }

  @Test
  void aWholeAccountHtmlExportAsksForOneChatsFolder() throws Exception {
    Path html = Files.createDirectories(tmp.resolve("DataExport_2024-05-01"));
    Files.writeString(html.resolve("export_results.html"), "<!DOCTYPE html><html></html>");
    assertRejectedBeforeStart(html, "give one chat's folder");
  }

  @Test
  void aFolderAboveExportsListsThemAndAsksToNameOne() throws Exception {
    Path downloads = Files.createDirectories(tmp.resolve("Telegram Desktop"));
    Files.writeString(
        Files.createDirectories(downloads.resolve("DataExport_2024-05-01")).resolve("result.json"),
        FORUM);
    Files.writeString(
        Files.createDirectories(downloads.resolve("old/ChatExport_2023")).resolve("result.json"),
        FORUM);
    Files.createDirectories(downloads.resolve("unrelated"));
    assertRejectedBeforeStart(
        downloads,
        "no result.json in this folder, but these folders in it hold exports: "
            + "DataExport_2024-05-01, old/ChatExport_2023; name one of them as INPUT");
  }

  @Test
  void anOutThatCannotBeAFolderIsAUsageError() throws Exception {
    Path input = export(FORUM);
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Tgmd.Run below = Tgmd.run("export", input.toString(), "--out", file.resolve("sub").toString());
    assertThat(below.exitCode()).isEqualTo(2);
    assertThat(below.err().strip())
        .isEqualTo("tgmd: --out " + file.resolve("sub") + ": " + file + " is a file, not a folder");
    Tgmd.Run itself = Tgmd.run("export", input.toString(), "--out", file.toString());
    assertThat(itself.exitCode()).isEqualTo(2);
    assertThat(itself.err()).contains("it is a file, not a folder");
    Tgmd.Run empty = Tgmd.run("export", input.toString(), "--out", "");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err().strip())
        .isEqualTo("tgmd: --out is empty: name the folder to write the notes into");
    assertThat(Tgmd.read(file)).isEqualTo("mine");
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("export", "notes.txt");
    }
  }

  @Test
  void aTruncatedExportIsRejectedWithoutAPartialNote() throws Exception {
    String full = FORUM;
    assertRejected(full.substring(0, full.indexOf("\"id\": 5")), "truncated");
  }

  @Test
  void aWrongTypeIsRejected() throws Exception {
    assertRejected(
        "{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": [{\"id\": 1, \"type\": \"message\", \"date\": 5}]}",
        ":1:99: expected a string for \"date\", found a number");
  }

  @Test
  void aDateUnixtimeOutsideTheYearsOneTo9999IsRejectedWithItsPosition() throws Exception {
    String json =
        "{\"name\": \"C\", \"type\": \"private_group\", \"id\": 1, \"messages\": [{\"id\": 1, "
            + "\"type\": \"message\", \"date\": \"2024-01-01T00:00:00\", \"date_unixtime\": \"99999999999999999\", \"text\": \"\"}]}";
    assertRejected(
        json,
        ":1:"
            + (json.indexOf("\"9999") + 1)
            + ": \"date_unixtime\" 99999999999999999 is not a date tgmd can show: it lies outside the years 1 to 9999");
  }

  @Test
  void aLoneSurrogateInAMediaPathIsRefusedNotAFailure() throws Exception {
    Path input =
        export(
            """
        {"name": "Pics", "type": "private_group", "id": 9, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "photo": "photos/a\\ud800b.jpg", "text": "x"}]}
        """);
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(input, out, "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(Tgmd.read(out.resolve("Pics/Pics 2024-01.md")))
        .contains(
            "⚠️ Photo not copied: its name is not valid Unicode, so no file can have it (photos/a?b.jpg)");
  }

  /** Two chats: the first whole, the second with {@code value} as a message's "text" on line 5. */
  private String withSecondChatText(String value) {
    return "{\"chats\": {\"list\": [\n"
        + "{\"name\": \"Done\", \"type\": \"private_group\", \"id\": 1, \"messages\": [\n"
        + "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-01-01T10:00:00\", \"text\": \"complete\"}]},\n"
        + "{\"name\": \"Huge\", \"type\": \"private_group\", \"id\": 2, \"messages\": [{\"id\": 1, \"type\": \"message\", \"date\": \"2024-01-01T10:00:00\", \"text\": \"fine\"},\n"
        + "{\"id\": 2, \"type\": \"message\", \"date\": \"2024-01-02T10:00:00\", \"text\": "
        + value
        + "}]}]}}";
  }

  private void assertTooLarge(String json, String position, String message) throws Exception {
    Path input = export(json);
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(input, out);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValue("tgmd: " + input.resolve("result.json") + position + message);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Tgmd.notes(out))
        .as("the chat before stays, the broken one leaves nothing")
        .containsExactly("Done/Done 2024-01.md", "Done/Done.md");
    assertThat(Tgmd.files(out).keySet()).noneMatch(f -> f.contains(".tgmd-"));
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
  }

  /** A plain text, and one in an array read from the message's bytes (it has no text_entities). */
  @ParameterizedTest
  @ValueSource(strings = {"%s", "[\"a\", %s]"})
  void aTextLongerThanAnyTelegramAllowsIsBadInputAtItsPosition(String text) throws Exception {
    String json =
        withSecondChatText(
            text.formatted(
                "\"" + "x".repeat(dev.tgmd.source.ExportReader.MAX_STRING_CHARS + 1) + "\""));
    String line = json.substring(json.lastIndexOf('\n') + 1);
    assertTooLarge(
        json,
        ":5:" + (line.indexOf("\"xxx") + 1),
        ": a text of more than 1,048,576 characters: "
            + "Telegram's own limit is 4,096; the export is damaged or was not written by Telegram");
  }

  @Test
  void aMessageLargerThanAnyTelegramWritesIsBadInputAtItsStart() throws Exception {
    String part = "\"" + "z".repeat(100_000) + "\"";
    String json =
        withSecondChatText("[" + String.join(",", java.util.Collections.nCopies(50, part)) + "]");
    assertTooLarge(
        json,
        ":5:1",
        ": a message of more than 4,194,304 bytes (Telegram's largest take under 100 KB): "
            + "the export is damaged or was not written by Telegram");
  }

  @Test
  void aMessageOfMoreValuesThanAnyTelegramWritesIsBadInputAtItsStart() throws Exception {
    String json =
        withSecondChatText(
            "[" + String.join(",", java.util.Collections.nCopies(300_000, "\"a\"")) + "]");
    assertTooLarge(
        json,
        ":5:1",
        ": a message of more than 262,144 JSON values (Telegram's largest take under 100 KB): "
            + "the export is damaged or was not written by Telegram");
  }

  @Test
  void neitherLayoutIsRejected() throws Exception {
    assertRejected("{\"about\": \"nothing here\"}", "neither a single-chat export");
  }

  @Test
  void aFailureInALaterChatKeepsTheChatsFinishedBeforeIt() throws Exception {
    Path input =
        export(
            """
        {"chats": {"list": [
          {"name": "Done", "type": "private_group", "id": 1, "messages": [
            {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "complete"}]},
          {"name": "Broken", "type": "private_group", "id": 2, "messages": [
            {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "fine"},
            {"id": 2, "type": "message", "date": "not a date", "text": "x"}]}]}}
        """);
    Path out = tmp.resolve("out");
    Tgmd.Run run = export(input, out);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("invalid date \"not a date\" for \"date\"");
    assertThat(Tgmd.notes(out)).containsExactly("Done/Done 2024-01.md", "Done/Done.md");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Tgmd.Run run = Tgmd.run("export", "x");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out");
    assertThat(Tgmd.run("export", "x", "--out", "y", "--split", "week").err())
        .contains("invalid --split 'week': one of month, year, day, none");
  }

  @Test
  void helpAndVersionWork() {
    Tgmd.Run help = Tgmd.run("export", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--split", "--flavor", "--timezone", "--media", "Exit codes:");
    assertThat(Tgmd.run("--version").out()).startsWith("tgmd ");
  }

  @Test
  void everyMessageTextReadsBackFromTheNote() throws Exception {
    Path out = tmp.resolve("out");
    export(export(FORUM), out, "--timezone", "UTC");
    String note = Tgmd.read(out.resolve("Hikers/Routes/Hikers - Routes 2024-03.md"));
    for (String text : List.of("Alps or Tatras?", "Tatras")) {
      assertThat(CommonMark.foldedText(note)).contains(text);
    }
  }
}
