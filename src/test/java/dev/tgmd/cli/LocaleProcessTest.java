package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tgmd.testing.ChildJvm;
import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * tgmd started as a user starts the jar, in a process of its own, under locales that are not UTF-8.
 */
@EnabledOnOs(OS.LINUX)
class LocaleProcessTest {

  @TempDir Path tmp;
  Path input;

  @BeforeEach
  void export() throws IOException {
    assumeTrue(
        "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "the test itself needs UTF-8 file names");
    input = Files.createDirectories(tmp.resolve("Экспорт 2024"));
    Files.writeString(
        input.resolve("result.json"),
        """
        {"chats": {"list": [
          {"name": "Семья 🏔", "type": "public_supergroup", "id": 7, "messages": [
            {"id": 1, "type": "message", "date": "2024-03-01T10:00:00", "date_unixtime": "1709287200",
             "from": "Ольга", "from_id": "user1", "text": "Привет", "photo": "photos/фото №1.jpg"},
            {"id": 2, "type": "service", "date": "2024-03-02T10:00:00", "date_unixtime": "1709373600",
             "actor": "Ольга", "actor_id": "user1", "action": "topic_created", "title": "Маршруты", "text": ""},
            {"id": 3, "type": "message", "date": "2024-03-02T11:00:00", "date_unixtime": "1709377200",
             "from": "Jürgen", "from_id": "user2", "reply_to_message_id": 2, "text": "Über die Alpen",
             "file": "files/план.pdf", "file_name": "план.pdf"}]},
          {"name": "東京", "type": "personal_chat", "id": 8, "messages": [
            {"id": 1, "type": "message", "date": "2024-04-01T10:00:00", "date_unixtime": "1711965600",
             "from": "Ken", "from_id": "user3", "text": "こんにちは"}]}]}}
        """,
        StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("photos"));
    Files.writeString(input.resolve("photos/фото №1.jpg"), "JPEG");
    Files.createDirectories(input.resolve("files"));
    Files.writeString(input.resolve("files/план.pdf"), "PDF");
  }

  private record Child(int exitCode, String output) {}

  private Child tgmd(String locale, String... args) throws Exception {
    return tgmd(Map.of("LC_ALL", locale), args);
  }

  /** tgmd run with these locale variables only (LANG, LC_...). */
  private Child tgmd(Map<String, String> locale, String... args) throws Exception {
    List<String> command = ChildJvm.command(List.of("-Xmx176m"), "dev.tgmd.cli.Main", args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals(Utf8Locale.RELAUNCHED));
    env.putAll(locale);
    Path log = Files.createTempFile(tmp, "log", ".txt");
    Process p = pb.redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tgmd ended").isTrue();
    return new Child(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void underLocalesNotUtf8OrNotInstalledNotesAreByteIdenticalToAUtf8Run() throws Exception {
    Child utf8 =
        tgmd(
            "C.UTF-8",
            "export",
            input.toString(),
            "--out",
            tmp.resolve("utf8").toString(),
            "--timezone",
            "UTC",
            "--no-metrics",
            "--chat",
            "Семья 🏔",
            "--chat",
            "東京");
    assertThat(utf8.exitCode()).as(utf8.output()).isZero();
    Map<String, String> expected = Tgmd.exported(tmp.resolve("utf8"));
    assertThat(expected)
        .containsKeys(
            "Семья 🏔/Маршруты/Семья 🏔 - Маршруты 2024-03.md",
            "Семья 🏔/media/photos/фото №1.jpg",
            "Семья 🏔/media/files/план.pdf",
            "東京/東京 2024-04.md");

    // and a locale named UTF-8 that is not installed, as in a container without it: glibc then
    // gives Java the C locale for every category
    for (Map<String, String> locale :
        List.of(
            Map.of("LC_ALL", "C"),
            Map.of("LC_ALL", "POSIX"),
            Map.of("LANG", "xx_XX.UTF-8"),
            Map.of("LC_ALL", "xx_XX.UTF-8"))) {
      Path out = tmp.resolve("out-" + locale.hashCode());
      Child run =
          tgmd(
              locale,
              "export",
              input.toString(),
              "--out",
              out.toString(),
              "--timezone",
              "UTC",
              "--no-metrics",
              "--chat",
              "Семья 🏔",
              "--chat",
              "東京");
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(run.output().replaceAll("\\s+", " "))
          .as("the summary, wrapped at 80 columns, read as one line")
          .contains("Exported 2 chats, 4 messages into 5 notes in " + out);
      assertThat(Tgmd.exported(out)).as("under " + locale).isEqualTo(expected);
    }
  }

  @Test
  void argumentsWithQuotesBackslashesAndEmptyOnesReachTheChildAsTheyWere() {
    byte[] cmdline = "java\0-Xmx1m\0a \"q\" \\b\0\0x\ny\0".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(Utf8Locale.argumentFile(cmdline), StandardCharsets.UTF_8))
        .isEqualTo("\"-Xmx1m\"\n\"a \\\"q\\\" \\\\b\"\n\"\"\n\"x\\ny\"\n");
  }

  @Test
  void theChildDropsACategoryNamingALocaleThatIsNotInstalled() {
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of("LANG", "xx_XX.UTF-8", "LC_MESSAGES", "de_DE.utf8", "LC_TIME", "zz_ZZ"));
    Utf8Locale.environment(env, name -> Utf8Locale.localeKey(name).equals("de_de.utf8"));
    assertThat(env)
        .doesNotContainKeys("LANG", "LC_TIME")
        .containsEntry("LC_MESSAGES", "de_DE.utf8")
        .containsEntry("LC_CTYPE", "C.UTF-8");
    assertThat(Utf8Locale.localeKey("de_DE.UTF-8")).isEqualTo(Utf8Locale.localeKey("de_DE.utf8"));
  }

  @Test
  void theChildKeepsWhatLcAllSaidForEverythingButTheCharacterSet() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("LC_ALL", "de_DE", "PATH", "/bin"));
    Utf8Locale.environment(env, name -> true);
    assertThat(env)
        .doesNotContainKey("LC_ALL")
        .containsEntry("LC_CTYPE", "C.UTF-8")
        .containsEntry("LC_MESSAGES", "de_DE")
        .containsEntry("LC_TIME", "de_DE")
        .containsEntry("PATH", "/bin");
  }
}
