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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The note format, pinned down: the demo export's notes must equal, byte for byte, the golden files
 * under src/test/resources/golden/demo-FLAVOR/. After a deliberate change of the format, regenerate
 * them with {@code mvn test -Dtest=DemoGoldenTest -Dgolden.update=true} and review the diff.
 */
class DemoGoldenTest {

  private static final Path DEMO = Path.of("examples", "demo-export");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"obsidian", "commonmark"})
  void theDemosNotesAreTheGoldenOnes(String flavor) throws Exception {
    Tgmd.Run run =
        Tgmd.run(
            "export",
            DEMO.toString(),
            "--out",
            out.toString(),
            "--timezone",
            "UTC",
            "--flavor",
            flavor,
            "--no-metrics");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> notes = new TreeMap<>();
    for (String note : Tgmd.notes(out)) {
      notes.put(note, Files.readString(out.resolve(note), StandardCharsets.UTF_8));
    }
    Path golden = GOLDEN.resolve("demo-" + flavor);
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(golden)) {
        try (Stream<Path> old = Files.walk(golden)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (Map.Entry<String, String> e : notes.entrySet()) {
        Path file = golden.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (String note : Tgmd.notes(golden)) {
      expected.put(note, Files.readString(golden.resolve(note), StandardCharsets.UTF_8));
    }
    assertThat(notes.keySet()).isEqualTo(expected.keySet());
    for (String note : expected.keySet()) {
      assertThat(notes.get(note)).as(note).isEqualTo(expected.get(note));
    }
  }

  @org.junit.jupiter.api.Test
  void everyMessageTextOfTheDemoReadsBackFromItsNote() throws Exception {
    Tgmd.Run run =
        Tgmd.run(
            "export",
            DEMO.toString(),
            "--out",
            out.toString(),
            "--timezone",
            "UTC",
            "--no-metrics");
    assertThat(run.exitCode()).isZero();
    assertThat(NoteRoundTrip.checkAll(DEMO, out)).isGreaterThan(50);
  }
}
