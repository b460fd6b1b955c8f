package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.generate.ExportGenerator;
import dev.tgmd.generate.GenerateOptions;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunStatus;
import dev.tgmd.testing.ChildJvm;
import dev.tgmd.testing.CommonMark;
import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * tgmd as a user runs it, in a process of its own, on a large generated export: interrupted with
 * signals, and measured from outside to check that its report tells the truth.
 */
@EnabledOnOs(OS.LINUX)
class ExportProcessTest {

  private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  @TempDir static Path shared;
  static Path export;

  @TempDir Path tmp;

  @BeforeAll
  static void generate() throws IOException {
    export = shared.resolve("export");
    ExportGenerator.generate(new GenerateOptions(150_000, export, 7));
  }

  private static Process tgmd(Path log, String... args) throws IOException {
    return new ProcessBuilder(ChildJvm.tgmd(args))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void signal(Process p, String name) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor())
        .isZero();
  }

  /** Waits until the export has begun writing notes (a note's period is over and it is written). */
  private static void awaitWriting(Path out, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.isDirectory(out)) {
        try (Stream<Path> files = Files.walk(out)) {
          if (files.anyMatch(f -> f.toString().endsWith(".md"))) {
            return;
          }
        } catch (IOException | java.io.UncheckedIOException e) {
          // files come and go while we look
        }
      }
      Thread.sleep(20);
    }
  }

  @Test
  @Timeout(120)
  void ctrlCStopsGracefullyAndEveryNoteStaysWhole() throws Exception {
    assertInterrupted("INT", 130, "SIGINT");
  }

  @Test
  @Timeout(120)
  void sigtermStopsGracefullyToo() throws Exception {
    assertInterrupted("TERM", 143, "SIGTERM");
  }

  private void assertInterrupted(String signal, int code, String named) throws Exception {
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("log.txt");
    Process p =
        tgmd(
            log,
            "export",
            export.toString(),
            "--out",
            out.toString(),
            "--timezone",
            "UTC",
            "--metrics-interval",
            "100ms");
    awaitWriting(out, p);
    assertThat(p.isAlive()).as("still exporting when signalled").isTrue();
    signal(p, signal);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isEqualTo(code);
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.run().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(report.run().error()).contains(named);
    assertThat(report.chats()).anySatisfy(c -> assertThat(c.status()).isEqualTo("interrupted"));
    long fetched = report.stages().get("fetch").count();
    assertThat(report.stages().get("process").count())
        .as("process, against fetch")
        .isEqualTo(fetched);
    assertThat(report.stages().get("write").count()).as("write, against fetch").isEqualTo(fetched);
    assertThat(output).contains("Interrupted after exporting").contains("Bottleneck: ");
    assertNotesAreWhole(out);
  }

  /** Every note parses, ends with a line break, and holds exactly the messages it says. */
  static void assertNotesAreWhole(Path out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertThat(files).noneMatch(f -> f.getFileName().toString().startsWith(".tgmd-"));
    List<Path> notes =
        files.stream().filter(f -> f.toString().endsWith(".md")).collect(Collectors.toList());
    assertThat(notes).isNotEmpty();
    Pattern count = Pattern.compile("(?m)^messages: (\\d+)$");
    Pattern anchor = Pattern.compile("(?m)(^| )\\^m-?\\d+(-\\d+)?$");
    // a run of joins is one line, with one anchor: "A, B and 26 others joined the group"
    Pattern folded =
        Pattern.compile("(?m)^\\*[^*\\n]* · (.*) joined the group\\* \\^m-?\\d+(-\\d+)?$");
    for (Path note : notes) {
      String text = Files.readString(note, StandardCharsets.UTF_8);
      assertThat(text).as(note.toString()).startsWith("---\n").endsWith("\n");
      CommonMark.parse(text);
      if (note.getFileName().toString().matches(".* \\d{4}-\\d{2}\\.md")) {
        Matcher m = count.matcher(text);
        assertThat(m.find()).as(note.toString()).isTrue();
        long anchors = anchor.matcher(text).results().count();
        Matcher f = folded.matcher(text);
        while (f.find()) {
          String who = f.group(1);
          Matcher others = Pattern.compile(" and (\\d+) others$").matcher(who);
          anchors +=
              others.find()
                  ? Long.parseLong(others.group(1)) + 1
                  : who.contains(" and ") ? who.split(", | and ").length - 1 : 0;
        }
        assertThat(anchors)
            .as("%s holds the messages it says, each whole", note)
            .isEqualTo(Long.parseLong(m.group(1)));
      }
    }
  }

  @Test
  @Timeout(120)
  void aSecondCtrlCExitsAtOnce() throws Exception {
    Path out = tmp.resolve("out");
    Process p = tgmd(tmp.resolve("log.txt"), "export", export.toString(), "--out", out.toString());
    awaitWriting(out, p);
    signal(p, "INT");
    signal(p, "INT");
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
  }

  @Test
  @Timeout(180)
  void theReportTellsTheTruthMeasuredFromOutside() throws Exception {
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("log.txt");
    long start = System.nanoTime();
    Process p =
        tgmd(
            log,
            "export",
            export.toString(),
            "--out",
            out.toString(),
            "--metrics-interval",
            "200ms");
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peakKb = 0;
    while (p.isAlive()) {
      try {
        Matcher m = VM_HWM.matcher(Files.readString(status));
        if (m.find()) {
          peakKb = Math.max(peakKb, Long.parseLong(m.group(1)));
        }
      } catch (IOException e) {
        // the process has just ended
      }
      Thread.sleep(5);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    MetricsReport report = MetricsReportJson.read(out.resolve("export_metrics.json"));
    assertThat(report.run().durationS())
        .as("run.duration_s against %.3f s measured outside", wall)
        .isCloseTo(wall, org.assertj.core.data.Percentage.withPercentage(10));
    double peakMb = peakKb / 1024.0;
    assertThat(report.resources().rssMbPeak())
        .as("resources.rss_mb_peak against VmHWM %.1f MiB read outside", peakMb)
        .isCloseTo(peakMb, org.assertj.core.data.Percentage.withPercentage(10));
  }

  @Test
  @Timeout(120)
  void withoutMetricsNoMonitorRunsAndNoReportIsWritten() throws Exception {
    assertThat(monitorSeenDuring("--metrics-interval", "100ms"))
        .as("the check can see the monitor")
        .isTrue();
    assertThat(Files.exists(tmp.resolve("out/export_metrics.json"))).isTrue();
    assertThat(monitorSeenDuring("--no-metrics")).isFalse();
    assertThat(Files.exists(tmp.resolve("out/export_metrics.json"))).isFalse();
  }

  /** Runs an export in this process and says whether a monitor thread was ever alive meanwhile. */
  private boolean monitorSeenDuring(String... options) throws Exception {
    Path out = tmp.resolve("out");
    if (Files.exists(out)) {
      try (Stream<Path> walk = Files.walk(out)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "export", export.toString(), "--out", out.toString(), "--chat", "Hikers' Forum"));
    args.addAll(List.of(options));
    Thread run = new Thread(() -> Tgmd.run(args.toArray(new String[0])));
    run.start();
    boolean seen = false;
    while (run.isAlive()) {
      seen |=
          Thread.getAllStackTraces().keySet().stream()
              .anyMatch(t -> t.getName().equals("tgmd-resource-monitor"));
      Thread.sleep(2);
    }
    return seen;
  }
}
