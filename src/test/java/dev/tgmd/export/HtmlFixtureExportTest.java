package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.NoteRoundTrip;
import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes of the hand-written HTML export (src/test/resources/html/fixture-chat), pinned down
 * byte for byte in src/test/resources/golden/html-fixture/ (regenerate with {@code mvn test
 * -Dtest=HtmlFixtureExportTest -Dgolden.update=true} and review the diff), and read back.
 */
class HtmlFixtureExportTest {

  private static final Path FIXTURE = Path.of("src", "test", "resources", "html", "fixture-chat");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "html-fixture");

  @TempDir Path out;

  private Tgmd.Run export() throws Exception {
    Tgmd.Run run =
        Tgmd.run(
            "export",
            FIXTURE.toString(),
            "--out",
            out.toString(),
            "--timezone",
            "UTC",
            "--no-metrics");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void theFixturesNotesAreTheGoldenOnes() throws Exception {
    assertThat(export().out()).contains("Exported 1 chat, 23 messages").contains("Media: 7 copied");
    Map<String, String> notes = new TreeMap<>();
    for (String note : Tgmd.notes(out)) {
      notes.put(note, Files.readString(out.resolve(note), StandardCharsets.UTF_8));
    }
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(GOLDEN)) {
        try (Stream<Path> old = Files.walk(GOLDEN)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (Map.Entry<String, String> e : notes.entrySet()) {
        Path file = GOLDEN.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (String note : Tgmd.notes(GOLDEN)) {
      expected.put(note, Files.readString(GOLDEN.resolve(note), StandardCharsets.UTF_8));
    }
    assertThat(notes.keySet()).isEqualTo(expected.keySet());
    for (String note : expected.keySet()) {
      assertThat(notes.get(note)).as(note).isEqualTo(expected.get(note));
    }
  }

  @Test
  void serviceMessagesGoWithTheirSeparatorsDayWithoutATime() throws Exception {
    export();
    String march =
        Files.readString(out.resolve("Lantern Test Group/Lantern Test Group 2024-03.md"));
    assertThat(march)
        .contains("## 2024-03-02 · Saturday\n\n*Mara Quill created group «Lantern Test Group»* ^m1")
        .contains("*Mara Quill pinned a message*  \n📌 Pinned: [[#^m2|Mara Quill: Plain, bold");
  }

  @Test
  void theFetchStagesMetricsNameThePagesAndTheBytesRead() throws Exception {
    Tgmd.Run run =
        Tgmd.run(
            "export", FIXTURE.toString(), "--out", out.toString(), "--timezone", "UTC", "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = Files.readString(out.resolve("export_metrics.json"));
    assertThat(dev.tgmd.testing.SchemaValidator.errors(json)).isEmpty();
    com.fasterxml.jackson.databind.JsonNode read =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(json)
            .path("stages")
            .path("fetch")
            .path("read");
    long bytes =
        Files.size(FIXTURE.resolve("messages.html"))
            + Files.size(FIXTURE.resolve("messages2.html"));
    assertThat(read.path("files").toString()).isEqualTo("[\"messages.html\",\"messages2.html\"]");
    assertThat(read.path("file_count").asLong()).isEqualTo(2);
    assertThat(read.path("bytes").asLong()).isEqualTo(bytes);
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .path("stages")
                .path("process")
                .has("read"))
        .isFalse();
  }

  @Test
  void everyMessageTextReadsBackFromItsNote() throws Exception {
    export();
    assertThat(NoteRoundTrip.check(FIXTURE, out.resolve("Lantern Test Group"))).isEqualTo(10);
  }
}
