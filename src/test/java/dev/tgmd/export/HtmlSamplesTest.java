package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.HtmlExportReader;
import dev.tgmd.testing.NoteRoundTrip;
import dev.tgmd.testing.Tgmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports every real HTML sample under ../shared/samples/telegram-desktop-html (real people's
 * exports, read in place, never copied into the project): every message is counted (as many as the
 * samples' README says), every message's text reads back from its note, and every stored source
 * parses back to the same message. Reported as skipped where the samples are not present ({@code
 * -Dtgmd.samples} names another samples folder).
 */
class HtmlSamplesTest {

  private static final Path SAMPLES =
      Path.of(System.getProperty("tgmd.samples", "../shared/samples"), "telegram-desktop-html");

  /** The messages each sample holds (service messages included), from the samples' README. */
  private static final Map<String, Integer> MESSAGES =
      Map.of(
          "datasci-mt-2019", 1080,
          "piankov-bot-2025", 22,
          "furbo-signals-bot-2026", 75,
          "emerickgrimm-sample", 21);

  static boolean samplesPresent() {
    return Files.isDirectory(SAMPLES);
  }

  @TempDir Path out;

  @TestFactory
  @EnabledIf(
      value = "samplesPresent",
      disabledReason = "no HTML samples folder (../shared/samples or -Dtgmd.samples)")
  Stream<DynamicTest> everyHtmlSampleExportsWholly() throws Exception {
    List<Path> samples;
    try (Stream<Path> list = Files.list(SAMPLES)) {
      samples = list.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
    assertThat(samples).isNotEmpty();
    return samples.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.getFileName().toString(),
                    () -> {
                      Path input =
                          Files.isRegularFile(sample.resolve("messages.html"))
                              ? sample
                              : sample.resolve("sample.html");
                      int count = checkStoredSources(input);
                      Integer expected = MESSAGES.get(sample.getFileName().toString());
                      if (expected != null) {
                        assertThat(count).as("messages read").isEqualTo(expected);
                      }
                      Path target = out.resolve(sample.getFileName().toString());
                      Tgmd.Run run =
                          Tgmd.run(
                              "export",
                              input.toString(),
                              "--out",
                              target.toString(),
                              "--media",
                              "none",
                              "--timezone",
                              "UTC");
                      assertThat(run.exitCode()).as(run.err()).isZero();
                      assertThat(run.out())
                          .contains(
                              String.format(
                                  java.util.Locale.ROOT, "Exported 1 chat, %,d messages", count));
                      List<Path> chats;
                      try (Stream<Path> list = Files.list(target)) {
                        chats =
                            list.filter(Files::isDirectory)
                                .filter(p -> !p.getFileName().toString().startsWith("."))
                                .collect(Collectors.toList());
                      }
                      assertThat(chats).hasSize(1);
                      assertThat(NoteRoundTrip.check(input, chats.get(0))).isPositive();
                    }));
  }

  /** Reads the export, checks each stored source against its message; returns the messages. */
  private static int checkStoredSources(Path input) throws Exception {
    int n = 0;
    try (ExportReader r = ExportReader.open(input)) {
      ExportEvent e;
      while ((e = r.next()) != null) {
        if (e instanceof ExportEvent.MessageRead read) {
          assertThat(HtmlExportReader.parseStored(read.source().bytes()))
              .as("message %d parsed back from its stored source", read.message().id())
              .isEqualTo(read.message());
          n++;
        }
      }
    }
    return n;
  }
}
