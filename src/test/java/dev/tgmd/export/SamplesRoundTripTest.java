package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.NoteRoundTrip;
import dev.tgmd.testing.Tgmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports every real sample under ../shared/samples (real people's exports, read in place, never
 * copied into the project) and checks that every message's text reads back from its note. Reported
 * as skipped where the samples are not present. The system property {@code tgmd.samples} names
 * another samples folder ({@code mvn verify -Dtgmd.samples=/nonexistent} shows the skip).
 */
class SamplesRoundTripTest {

  private static final Path SAMPLES =
      Path.of(System.getProperty("tgmd.samples", "../shared/samples"), "telegram-desktop");

  static boolean samplesPresent() {
    return Files.isDirectory(SAMPLES);
  }

  @TempDir Path out;

  @TestFactory
  @EnabledIf(
      value = "samplesPresent",
      disabledReason = "no samples folder (../shared/samples or -Dtgmd.samples)")
  Stream<DynamicTest> everySampleRoundTrips() throws Exception {
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
                    () -> {
                      Path target = out.resolve(sample.getFileName().toString());
                      Tgmd.Run run =
                          Tgmd.run(
                              "export",
                              sample.toString(),
                              "--out",
                              target.toString(),
                              "--timezone",
                              "UTC");
                      assertThat(run.exitCode()).as(run.err()).isZero();
                      List<Path> chats;
                      try (Stream<Path> list = Files.list(target)) {
                        // chat folders never start with a dot; .tgmd is tgmd's own
                        chats =
                            list.filter(Files::isDirectory)
                                .filter(p -> !p.getFileName().toString().startsWith("."))
                                .collect(Collectors.toList());
                      }
                      assertThat(chats).hasSize(1);
                      int checked = NoteRoundTrip.check(sample, chats.get(0));
                      assertThat(checked).isPositive();
                    }));
  }
}
