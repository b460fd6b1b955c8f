package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's times, measured from outside: tgmd exports the demo in a process of its own, and the
 * start it reports is not before the moment this test launched it, nor its duration longer than the
 * wall time this test saw around it. These bounds are about correctness, not speed: a slow machine
 * only makes the process take longer, which they allow.
 */
@EnabledOnOs(OS.LINUX)
class RunTimeProcessTest {

  private static final Path DEMO = Path.of("examples", "demo-export");

  /** What the reported start may lie before the launch: the clocks' millisecond rounding. */
  private static final Duration SLACK = Duration.ofMillis(50);

  private static final Pattern SECONDS = Pattern.compile("notes in .* \\((\\d+\\.\\d\\d) s\\)");

  @TempDir Path tmp;

  /** A run of tgmd and when this test saw it begin and end. */
  private record Run(Instant launched, double wallSeconds, String output, Path out) {}

  private Run tgmd(String handedOver, String... options) throws Exception {
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("log.txt");
    List<String> command =
        ChildJvm.tgmd("export", DEMO.toString(), "--out", out.toString(), "--quiet");
    command.addAll(List.of(options));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("TGMD_STARTED_AT_MS");
    if (handedOver != null) {
      pb.environment().put("TGMD_STARTED_AT_MS", handedOver);
    }
    Instant launched = Instant.now();
    long before = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    double wall = (System.nanoTime() - before) / 1e9;
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isZero();
    return new Run(launched, wall, output, out);
  }

  private static MetricsReport report(Run run) throws IOException {
    return MetricsReportJson.read(run.out().resolve("export_metrics.json"));
  }

  private static void assertWithin(Run run, MetricsReport report) {
    assertThat(report.run().startedAt())
        .as("run.started_at against the launch at %s", run.launched())
        .isAfterOrEqualTo(run.launched().minus(SLACK));
    assertThat(report.run().durationS())
        .as("run.duration_s against %.3f s around the process", run.wallSeconds())
        .isLessThanOrEqualTo(run.wallSeconds());
    assertThat(
            Duration.between(report.run().startedAt(), report.run().finishedAt()).toMillis()
                / 1000.0)
        .as("finished_at - started_at: one clock")
        .isCloseTo(report.run().durationS(), org.assertj.core.data.Offset.offset(0.0015));
    assertThat(report.resources().startedAt())
        .as("the monitor's start, on the run's timeline")
        .isAfterOrEqualTo(report.run().startedAt())
        .isBeforeOrEqualTo(report.run().finishedAt());
    assertThat(summarySeconds(run))
        .as("the summary's (X s)")
        .isCloseTo(report.run().durationS(), org.assertj.core.data.Offset.offset(0.006));
  }

  private static double summarySeconds(Run run) {
    // the summary is wrapped between words at 80 columns: read it as one line
    Matcher m = SECONDS.matcher(run.output().replaceAll("\\s+", " "));
    assertThat(m.find()).as(run.output()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  @Timeout(180)
  void theReportedStartAndDurationLieWithinTheProcessSeenFromOutside() throws Exception {
    Run run = tgmd(null);
    assertWithin(run, report(run));
  }

  @Test
  @Timeout(180)
  void aStaleInheritedStartIsNotBelieved() throws Exception {
    Run run = tgmd(Long.toString(Instant.now().minusSeconds(3600).toEpochMilli()));
    assertWithin(run, report(run));
  }

  @Test
  @Timeout(180)
  void theLaunchersHandOverIsTheStart() throws Exception {
    // what bin/tgmd does: it reads the time first thing, then starts Java
    Instant handedOver = Instant.ofEpochMilli(Instant.now().toEpochMilli());
    Run run = tgmd(Long.toString(handedOver.toEpochMilli()));
    assertThat(report(run).run().startedAt()).isEqualTo(handedOver);
    assertThat(report(run).run().durationS())
        .isLessThanOrEqualTo(
            run.wallSeconds() + Duration.between(handedOver, run.launched()).toNanos() / 1e9);
  }

  @Test
  @Timeout(180)
  void withoutMetricsTheSummaryTimesTheRunAlike() throws Exception {
    Run run = tgmd(null, "--no-metrics");
    assertThat(summarySeconds(run))
        .as("(X s) against %.3f s around the process", run.wallSeconds())
        .isLessThanOrEqualTo(run.wallSeconds() + 0.005);
  }
}
