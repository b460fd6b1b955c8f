package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import dev.tgmd.units.DisplayWidth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatsCommandTest {

  @TempDir Path tmp;

  @Test
  void listsEveryChatOfTheDemoExportWithItsIdTypeCountAndDays() {
    Tgmd.Run run = Tgmd.run("chats", "examples/demo-export", "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
              NAME                                  ID  MESSAGES  FIRST       LAST
            saved_messages
              Saved Messages                 100000001         7  2024-03-15  2024-06-01
            personal_chat
              Robin Fernwood                 100000002        17  2024-03-01  2024-05-18
            private_supergroup
              Lantern Hikers                1900000101        38  2024-03-02  2024-06-20
            public_supergroup
              Trailhead Commons             1900000202        20  2024-04-01  2024-06-15
              Riverside Kayak Swap (left)  10489934996         8  2019-08-01  2019-08-20
            public_channel
              Lantern Trail Notes           1900000303        14  2024-03-01  2024-06-11
            6 chats, 104 messages.
            Export one: tgmd export INPUT --out OUT --chat NAME_OR_ID (a part of a name
            will do, ignoring case; Bot API ids such as -100... are taken too).
            """);
    // the counts are those export finds
    Tgmd.Run export =
        Tgmd.run(
            "export", "examples/demo-export", "--out", tmp.resolve("o").toString(), "--no-metrics");
    assertThat(export.out()).startsWith("Exported 6 chats, 104 messages");
  }

  @Test
  void columnsStayAlignedAndLongOrWideNamesAreCutToEightyColumns() throws Exception {
    Path export =
        json(
            """
        {"chats": {"list": [
          {"name": "A", "type": "personal_chat", "id": 7, "messages": [
            {"id": 1, "type": "message", "date": "2023-05-01T10:00:00", "text": "x"}]},
          {"name": "%s", "type": "private_supergroup", "id": 1234567890123, "messages": [
            {"id": 1, "type": "message", "date": "2024-01-02T10:00:00", "text": "x"},
            {"id": 2, "type": "message", "date": "2024-03-04T10:00:00", "text": "y"}]},
          {"name": "%s", "type": "private_group", "id": 55, "messages": []}]},
         "left_chats": {"list": [
          {"name": "Old club", "type": "personal_chat", "id": 9, "messages": []}]}}
        """
                .formatted("Very long name ".repeat(8), "家族のグループと友達のみんな 👪 2024"));
    Tgmd.Run run = Tgmd.run("chats", export.toString(), "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(80));
    assertThat(lines.subList(0, 8))
        .extracting(ChatsCommandTest::rowStart)
        .containsExactly(
            "NAME",
            "personal_chat",
            "A",
            "Old club (left)",
            "private_supergroup",
            "Very long",
            "private_group",
            "家族のグループと友達のみんな");
    // every row ends its id, count and days in the header's columns
    String header = lines.get(0);
    for (String row : List.of(lines.get(2), lines.get(3), lines.get(5), lines.get(7))) {
      assertThat(columnOfEnd(row, " " + idOf(row) + " "))
          .as(row)
          .isEqualTo(columnOfEnd(header, " ID "));
    }
    assertThat(lines.get(5)).contains("…", "1234567890123").endsWith("2  2024-01-02  2024-03-04");
    assertThat(lines.get(7)).contains("…").endsWith("0  -           -");
    assertThat(lines.get(3)).contains(" 9 ");
  }

  private static String rowStart(String line) {
    String s = line.strip();
    return s.startsWith("Very long") ? "Very long" : s.split("  |…| 2024")[0];
  }

  private static String idOf(String row) {
    String[] cells = row.strip().split("  +");
    return cells[cells.length - 4];
  }

  /** The terminal column where {@code part} ends in {@code line}. */
  private static int columnOfEnd(String line, String part) {
    int at = line.indexOf(part);
    assertThat(at).as(line + " holds '" + part + "'").isNotNegative();
    return DisplayWidth.of(line.substring(0, at + part.length()));
  }

  @Test
  void readsAChatsHtmlExport() {
    Tgmd.Run run = Tgmd.run("chats", "src/test/resources/html/fixture-chat", "--timezone", "UTC");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().count()).as(run.out()).isEqualTo(1 + 2 + 3);
    assertThat(run.out()).contains("1 chat, ");
  }

  @Test
  void badInputGetsTheExportsOneLineErrorAndExitCode() throws Exception {
    Path notJson = json("{\"chats\": {\"list\": [{\"name\": \"A\", \"type\": \"personal_chat\"");
    Tgmd.Run chats = Tgmd.run("chats", notJson.toString());
    Tgmd.Run export =
        Tgmd.run("export", notJson.toString(), "--out", tmp.resolve("o").toString(), "-q");
    assertThat(chats.exitCode()).isEqualTo(2).isEqualTo(export.exitCode());
    assertThat(chats.err()).isEqualTo(export.err()).startsWith("tgmd: ").contains("result.json");
    assertThat(chats.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    Tgmd.Run missing = Tgmd.run("chats", tmp.resolve("nothing").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).startsWith("tgmd: ").doesNotContain("\n");
    assertThat(Tgmd.run("chats").exitCode()).isEqualTo(2);
  }

  private Path json(String text) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("export"));
    Files.writeString(dir.resolve("result.json"), text, StandardCharsets.UTF_8);
    return dir;
  }
}
