package dev.tgmd.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.generate.ExportGenerator;
import dev.tgmd.generate.GenerateOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message a reader yields carries its source, exactly the bytes of its object, and that
 * source read back alone gives the equal message: for the demo export, a generated export of every
 * content kind, and the real samples under ../shared/samples (read in place; skipped when absent).
 */
class SourceTextRoundTripTest {

  private static final Path SAMPLES =
      Path.of(System.getProperty("tgmd.samples", "../shared/samples"), "telegram-desktop");
  private static final Path ORIGIN = Path.of("archive.sqlite");

  @TempDir Path dir;

  static boolean samplesPresent() {
    return Files.isDirectory(SAMPLES);
  }

  /** Reads the export and checks each message's source; returns how many messages it read. */
  private static long checkEveryMessage(Path input) throws Exception {
    long count = 0;
    try (ExportReader reader = ExportReader.open(input)) {
      ExportEvent e;
      while ((e = reader.next()) != null) {
        if (e instanceof ExportEvent.MessageRead) {
          ExportEvent.MessageRead read = (ExportEvent.MessageRead) e;
          assertThat(read.source()).as("source of message %d", read.message().id()).isNotNull();
          assertThat(read.source().format()).isEqualTo(SourceFormat.JSON);
          byte[] bytes = read.source().bytes();
          assertThat(bytes[0]).isEqualTo((byte) '{');
          assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '}');
          assertThat(ExportReader.parseStored(read.source(), ORIGIN))
              .as("message %d of %s read back from its source", read.message().id(), input)
              .isEqualTo(read.message());
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void theDemoExportsMessagesReadBackFromTheirSource() throws Exception {
    assertThat(checkEveryMessage(Path.of("examples", "demo-export"))).isPositive();
  }

  @Test
  void aGeneratedExportsMessagesOfEveryKindReadBackFromTheirSource() throws Exception {
    Path export = dir.resolve("generated");
    ExportGenerator.generate(new GenerateOptions(5_000, export, 3));
    assertThat(checkEveryMessage(export)).isEqualTo(5_000);
  }

  @TestFactory
  @EnabledIf(
      value = "samplesPresent",
      disabledReason = "no samples folder (../shared/samples or -Dtgmd.samples)")
  Stream<DynamicTest> theSamplesMessagesReadBackFromTheirSource() throws IOException {
    List<Path> samples;
    try (Stream<Path> list = Files.list(SAMPLES)) {
      samples =
          list.filter(p -> Files.isRegularFile(p.resolve("result.json")))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(samples).isNotEmpty();
    return samples.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.getFileName().toString(),
                    () -> assertThat(checkEveryMessage(sample)).isPositive()));
  }

  @Test
  void theSourceIsTheObjectsBytesWithTelegramsIllegalEscapesMadeLegal() throws Exception {
    String first =
        "{\n   \"id\": 1,\n   \"type\": \"message\",\n   \"date\": \"2024-03-16T19:23:47\",\n"
            + "   \"date_unixtime\": \"1710617027\",\n   \"from\": \"Ann\",\n"
            + "   \"text\": \"caf\\xe9 \\\\x41 \\u00e9\"\n  }";
    String second =
        "{\"id\": 2, \"type\": \"message\", \"date\": \"2024-03-16T19:24:00\", \"text\": \"b\"}";
    Path file = dir.resolve("result.json");
    Files.writeString(
        file,
        "{\"name\": \"A\", \"type\": \"personal_chat\", \"id\": 7, \"messages\": [\n  "
            + first
            + ",   "
            + second
            + "\n]}",
        StandardCharsets.UTF_8);
    try (ExportReader reader = ExportReader.open(file)) {
      reader.next();
      ExportEvent.MessageRead one = (ExportEvent.MessageRead) reader.next();
      ExportEvent.MessageRead two = (ExportEvent.MessageRead) reader.next();
      assertThat(new String(one.source().bytes(), StandardCharsets.UTF_8))
          .isEqualTo(first.replace("\\xe9", "\\u00e9"));
      assertThat(one.message().plainText()).isEqualTo("café \\x41 é");
      assertThat(new String(two.source().bytes(), StandardCharsets.UTF_8)).isEqualTo(second);
    }
  }

  @Test
  void aMessageLargerThanTheParsersBufferIsCapturedWhole() throws Exception {
    String text = "x".repeat(300_000);
    String message =
        "{\"id\": 5, \"type\": \"message\", \"date\": \"2024-03-16T19:24:00\", \"text\": \""
            + text
            + "\"}";
    Path file = dir.resolve("result.json");
    Files.writeString(
        file,
        "{\"name\": \"A\", \"type\": \"personal_chat\", \"id\": 7, \"messages\": ["
            + message
            + ","
            + message.replace("\"id\": 5", "\"id\": 6")
            + "]}",
        StandardCharsets.UTF_8);
    try (ExportReader reader = ExportReader.open(file)) {
      reader.next();
      ExportEvent.MessageRead one = (ExportEvent.MessageRead) reader.next();
      ExportEvent.MessageRead two = (ExportEvent.MessageRead) reader.next();
      assertThat(new String(one.source().bytes(), StandardCharsets.UTF_8)).isEqualTo(message);
      assertThat(ExportReader.parseStored(two.source(), ORIGIN)).isEqualTo(two.message());
    }
  }

  @Test
  void aStoredSourceThatIsNotOneMessageObjectIsAOneLineErrorNamingItsOrigin() {
    assertThatThrownBy(
            () ->
                ExportReader.parseStored(
                    new SourceText(SourceFormat.JSON, "[1]".getBytes(StandardCharsets.UTF_8)),
                    ORIGIN))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining("archive.sqlite")
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(
            () ->
                ExportReader.parseStored(
                    new SourceText(
                        SourceFormat.JSON,
                        "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-03-16T19:24:00\"} {}"
                            .getBytes(StandardCharsets.UTF_8)),
                    ORIGIN))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageContaining("content after");
    assertThatThrownBy(
            () ->
                ExportReader.parseStored(
                    new SourceText(SourceFormat.JSON, "{\"id\": ".getBytes(StandardCharsets.UTF_8)),
                    ORIGIN))
        .isInstanceOf(ExportFormatException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void anHtmlSourceIsReadBackByTheHtmlReader() {
    assertThatThrownBy(
            () ->
                ExportReader.parseStored(
                    new SourceText(
                        SourceFormat.HTML,
                        "<p>no message here</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    ORIGIN))
        .isInstanceOf(ExportFormatException.class);
  }

  @Test
  void aSourceTextIsEqualByContentAndDoesNotPrintItsBytes() {
    SourceText a = new SourceText(SourceFormat.JSON, new byte[] {'{', '}'});
    SourceText b = new SourceText(SourceFormat.JSON, new byte[] {'{', '}'});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new SourceText(SourceFormat.HTML, new byte[] {'{', '}'}));
    assertThat(a.toString()).isEqualTo("SourceText[json, 2 bytes]");
  }
}
