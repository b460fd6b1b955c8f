package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.report.ChatReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.Total;
import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that fails midway (the export is cut off) reports exactly what it left on disk: the notes
 * of the chats finished before, and the notes the failed chat had finished, with their messages and
 * bytes, in the totals, in {@code chats[]} and in the summary line.
 */
class FailedRunTotalsTest {

  private static final Path DEMO = Path.of("examples", "demo-export");
  private static final Pattern MESSAGES = Pattern.compile("(?m)^messages: (\\d+)$");

  @TempDir Path tmp;

  @ParameterizedTest(name = "cut at {0}%")
  @ValueSource(ints = {35, 60, 85})
  void theTotalsOfAFailedRunAreWhatIsOnDisk(int percent) throws Exception {
    Path export = copyOfTheDemo(tmp.resolve("export"));
    byte[] json = Files.readAllBytes(export.resolve("result.json"));
    Files.write(
        export.resolve("result.json"), java.util.Arrays.copyOf(json, json.length * percent / 100));
    Path out = tmp.resolve("out");

    Tgmd.Run run =
        Tgmd.run(
            "export", export.toString(), "--out", out.toString(), "--timezone", "UTC", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertTotalsAreOnDisk(out, run);
  }

  @org.junit.jupiter.api.Test
  void theTotalsOfARunWhoseWritesFailAreWhatIsOnDisk() throws Exception {
    Path out = tmp.resolve("out");
    // a folder (not empty) where a note of the third month of a chat must go: its write fails
    Files.createDirectories(out.resolve("Lantern Hikers/Lantern Hikers 2024-05.md/in the way"));

    Tgmd.Run run =
        Tgmd.run(
            "export", DEMO.toString(), "--out", out.toString(), "--timezone", "UTC", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isNotZero();
    assertTotalsAreOnDisk(out, run);
  }

  private static void assertTotalsAreOnDisk(Path out, Tgmd.Run run) throws IOException {
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    // its page too, saying so
    assertThat(Files.readString(out.resolve("export_metrics.html")))
        .contains("<p class=\"status failed\">failed</p>");

    long notes = 0;
    long messages = 0;
    long bytes = 0;
    for (Map.Entry<String, String> file : Tgmd.exported(out).entrySet()) {
      if (file.getKey().contains("in the way")) {
        continue;
      }
      bytes += file.getValue().length(); // read as ISO-8859-1: one char a byte
      if (file.getKey().endsWith(".md")) {
        notes++;
        String text =
            new String(
                file.getValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (text.contains("\nperiod: ") || text.contains("\ntopic: ")) {
          Matcher m = MESSAGES.matcher(text);
          assertThat(m.find()).isTrue();
          messages += Long.parseLong(m.group(1));
        }
      }
    }
    assertThat(notes).as("notes are left on disk").isPositive();
    assertThat(report.totals().get(Total.NOTES)).isEqualTo(notes);
    assertThat(report.totals().get(Total.MESSAGES)).isEqualTo(messages);
    assertThat(report.totals().get(Total.BYTES_WRITTEN)).isEqualTo(bytes);
    assertThat(report.chats().stream().mapToLong(ChatReport::notes).sum()).isEqualTo(notes);
    assertThat(report.chats().stream().mapToLong(ChatReport::messages).sum()).isEqualTo(messages);
    assertThat(report.chats().get(report.chats().size() - 1).status()).isEqualTo("failed");
    assertThat(run.out())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "%,d %s into %,d %s",
                messages,
                messages == 1 ? "message" : "messages",
                notes,
                notes == 1 ? "note" : "notes"));
  }

  private static Path copyOfTheDemo(Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(DEMO)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(DEMO.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
