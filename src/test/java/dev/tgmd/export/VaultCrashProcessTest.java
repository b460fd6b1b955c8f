package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.generate.ExportGenerator;
import dev.tgmd.generate.GenerateOptions;
import dev.tgmd.testing.ChildJvm;
import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at several moments of an export into a vault, then the same command again: the vault is
 * what an uninterrupted run makes, byte for byte, and the killed run's leftovers are gone.
 */
@EnabledOnOs(OS.LINUX)
class VaultCrashProcessTest {

  @TempDir static Path shared;
  static Path export;

  /** What one uninterrupted export of the whole export makes. */
  static Map<String, String> expected;

  @TempDir Path tmp;

  @BeforeAll
  static void generate() throws Exception {
    export = shared.resolve("export");
    ExportGenerator.generate(new GenerateOptions(40_000, export, 11, true));
    Path fresh = shared.resolve("fresh");
    assertThat(run(fresh, "--no-metrics").waitFor()).isZero();
    expected = Tgmd.exported(fresh);
    assertThat(expected).isNotEmpty();
  }

  private static Process run(Path out, String... more) throws IOException {
    List<String> command =
        ChildJvm.tgmd("export", export.toString(), "--out", out.toString(), "--quiet");
    command.add("--timezone");
    command.add("UTC");
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile())
        .start();
  }

  /** Waits until the run has begun writing into OUT's archive, then {@code delayMs} more. */
  private static void killWhileWriting(Process p, Path out, long delayMs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive()
        && System.nanoTime() < deadline
        && !Files.exists(out.resolve(".tgmd/archive.sqlite"))) {
      Thread.sleep(5);
    }
    Thread.sleep(delayMs);
    p.destroyForcibly(); // SIGKILL: nothing of the run's own cleanup runs
    p.waitFor();
  }

  @Test
  void aFreshVaultKilledAtSeveralMomentsThenRunAgainIsWhatOneRunMakes() throws Exception {
    List<Long> delays = List.of(0L, 400L, 1200L);
    for (long delay : delays) {
      Path out = tmp.resolve("fresh-" + delay);
      killWhileWriting(run(out, "--no-metrics"), out, delay);
      assertThat(run(out, "--no-metrics").waitFor()).as("the rerun after %d ms", delay).isZero();
      assertThat(Tgmd.exported(out)).as("killed after %d ms", delay).isEqualTo(expected);
      assertNoLeftovers(out);
    }
  }

  @Test
  void aMergeKilledMidwayThenRunAgainGivesTheUnion() throws Exception {
    // the first export: the messages up to a day; the second: from an earlier day on (overlapping)
    Path template = tmp.resolve("template");
    assertThat(run(template, "--no-metrics", "--until", "2021-06-30").waitFor()).isZero();
    for (long delay : List.of(100L, 700L)) {
      Path out = tmp.resolve("merge-" + delay);
      copyTree(template, out);
      killWhileWriting(run(out, "--no-metrics", "--since", "2021-01-01"), out, delay);
      assertThat(run(out, "--no-metrics", "--since", "2021-01-01").waitFor()).isZero();
      assertThat(Tgmd.exported(out)).as("killed after %d ms", delay).isEqualTo(expected);
      assertNoLeftovers(out);
    }
  }

  private static void assertNoLeftovers(Path out) throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      assertThat(walk.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".tgmd-") || n.endsWith(" (tgmd).md"));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
