package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --chat}: what a value selects, and what it says when it selects none or several.
 */
class ChatOptionTest {

  @TempDir Path tmp;
  private Path input;

  @BeforeEach
  void export() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("export"));
    input = dir;
    Files.writeString(
        dir.resolve("result.json"),
        """
        {"chats": {"list": [
          %s,
          %s,
          %s,
          %s,
          %s]}}
        """
            .formatted(
                chat("Family", "private_group", 4001),
                chat("Alex Quill", "personal_chat", 17),
                chat("Alex", "personal_chat", 18),
                chat("Hiking Club", "private_supergroup", 1900000101L),
                chat("Straße Crew", "public_channel", 77)),
        StandardCharsets.UTF_8);
  }

  private static String chat(String name, String type, long id) {
    return """
        {"name": "%s", "type": "%s", "id": %d, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "hi"}]}"""
        .formatted(name, type, id);
  }

  private Tgmd.Run export(String out, String... chats) {
    String[] args = new String[5 + 2 * chats.length];
    args[0] = "export";
    args[1] = input.toString();
    args[2] = "--out";
    args[3] = tmp.resolve(out).toString();
    args[4] = "--no-metrics";
    for (int i = 0; i < chats.length; i++) {
      args[5 + 2 * i] = "--chat";
      args[6 + 2 * i] = chats[i];
    }
    return Tgmd.run(args);
  }

  private java.util.List<String> chatsIn(String out) {
    return Tgmd.notes(tmp.resolve(out)).stream()
        .filter(n -> n.contains("/")) // not the note at the top that lists every chat
        .map(n -> n.substring(0, n.indexOf('/')))
        .distinct()
        .toList();
  }

  @Test
  void aPartOfANameMatchesIgnoringCase() {
    assertThat(export("part", "hik").exitCode()).isZero();
    assertThat(chatsIn("part")).containsExactly("Hiking Club");
    assertThat(export("fold", "STRASSE").exitCode()).isZero();
    assertThat(chatsIn("fold")).containsExactly("Straße Crew");
  }

  @Test
  void aWholeNameWinsOverTheNamesItIsAPartOf() {
    assertThat(export("whole", "alex").exitCode()).isZero();
    assertThat(chatsIn("whole")).containsExactly("Alex");
  }

  @Test
  void idsAndBotApiIdsNameTheSameChat() {
    assertThat(export("bare", "1900000101").exitCode()).isZero();
    assertThat(export("super", "-1001900000101").exitCode()).isZero();
    assertThat(export("basic", "-4001").exitCode()).isZero();
    assertThat(chatsIn("bare")).containsExactly("Hiking Club");
    assertThat(chatsIn("super")).containsExactly("Hiking Club");
    assertThat(chatsIn("basic")).containsExactly("Family");
  }

  @Test
  void severalMatchesStopTheRunAndListTheCandidatesWithTheirIds() {
    Tgmd.Run run = export("several", "al");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            tgmd: --chat 'al' matches 2 chats; name one by its id:
              Alex Quill  (id 17, personal_chat)
              Alex  (id 18, personal_chat)
            """);
    assertThat(run.out()).isEmpty();
    assertThat(tmp.resolve("several")).as("nothing written").doesNotExist();
  }

  @Test
  void noMatchStopsTheRunAndListsTheExportsChats() {
    Tgmd.Run run = export("none", "zed");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "tgmd: --chat 'zed' matches no chat of the export; its chats:",
            "  Family  (id 4001, private_group)",
            "  Alex Quill  (id 17, personal_chat)",
            "  Alex  (id 18, personal_chat)",
            "  Hiking Club  (id 1900000101, private_supergroup)",
            "  Straße Crew  (id 77, public_channel)");
    assertThat(tmp.resolve("none")).doesNotExist();
  }

  @Test
  void anUnmatchedChatBesideAMatchedOneStopsTheRunToo() {
    Tgmd.Run run = export("mixed", "family", "nobody");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "tgmd: --chat 'nobody' matches no chat of the export (the other --chat values are"
                + " fine); its chats:");
    assertThat(tmp.resolve("mixed")).as("not half the filter").doesNotExist();
  }

  @Test
  void twoValuesCanNameTwoChats() {
    assertThat(export("two", "family", "17").exitCode()).isZero();
    assertThat(chatsIn("two")).containsExactlyInAnyOrder("Family", "Alex Quill");
  }

  @Test
  void aChatsHtmlExportIsMatchedByAPartOfItsNameToo() {
    Path html = Path.of("src/test/resources/html/fixture-chat");
    Tgmd.Run part =
        Tgmd.run(
            "export", html.toString(), "--out", tmp.resolve("h").toString(), "--chat", "test grou");
    assertThat(part.exitCode()).as(part.err()).isZero();
    assertThat(Tgmd.notes(tmp.resolve("h"))).isNotEmpty();
    Tgmd.Run none =
        Tgmd.run(
            "export", html.toString(), "--out", tmp.resolve("n").toString(), "--chat", "kayak");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .startsWith("tgmd: --chat 'kayak' matches no chat of the export; its chats:\n")
        .contains("  Lantern Test Group  (id ");
  }
}
