package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.export.ExportOptions;
import dev.tgmd.export.Exporter;
import dev.tgmd.export.MediaMode;
import dev.tgmd.layout.Split;
import dev.tgmd.render.Flavor;
import dev.tgmd.testing.Tgmd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportOptionsCliTest {

  @TempDir Path tmp;

  @Test
  void anyNumberOfWorkersWritesTheSameNotes() {
    Path demo = Path.of("examples", "demo-export");
    for (String workers : new String[] {"1", "2", "5"}) {
      Tgmd.Run run =
          Tgmd.run(
              "export",
              demo.toString(),
              "--out",
              tmp.resolve(workers).toString(),
              "--timezone",
              "UTC",
              "--workers",
              workers,
              "--no-metrics");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    assertThat(Tgmd.exported(tmp.resolve("1")))
        .isNotEmpty()
        .isEqualTo(Tgmd.exported(tmp.resolve("2")))
        .isEqualTo(Tgmd.exported(tmp.resolve("5")));
  }

  @Test
  void noMetricsMeansNoReportAndNoTable() {
    Tgmd.Run run =
        Tgmd.run(
            "export", "examples/demo-export", "--out", tmp.resolve("o").toString(), "--no-metrics");
    assertThat(run.exitCode()).isZero();
    assertThat(tmp.resolve("o/export_metrics.json")).doesNotExist();
    assertThat(run.out()).startsWith("Exported 6 chats").doesNotContain("Stages");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(Tgmd.run("export", "x", "--out", "y", "--workers", "0").exitCode()).isEqualTo(2);
    Tgmd.Run interval = Tgmd.run("export", "x", "--out", "y", "--metrics-interval", "10ms");
    assertThat(interval.exitCode()).isEqualTo(2);
    assertThat(interval.err()).contains("--metrics-interval must be at least 100ms");
    Tgmd.Run typo = Tgmd.run("export", "x", "--out", "y", "--metrics-interval", "soon");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err())
        .startsWith("tgmd: ")
        .isEqualTo(
            "tgmd: invalid --metrics-interval 'soon': expected a duration like 5s, 250ms or 2m\n"
                + "Try 'tgmd export --help' for more information.\n");
    assertThat(typo.err().lines().count()).isEqualTo(2);
  }

  @Test
  void badValuesAreNamedInWordsWithoutJavaClassNames() {
    assertThat(
            Tgmd.run("export", "x", "--out", "y", "--since", "2024/03/01")
                .err()
                .lines()
                .findFirst())
        .hasValue("tgmd: invalid --since '2024/03/01': expected a date like 2024-03-01");
    assertThat(
            Tgmd.run("export", "x", "--out", "y", "--until", "yesterday").err().lines().findFirst())
        .hasValue("tgmd: invalid --until 'yesterday': expected a date like 2024-03-01");
    assertThat(
            Tgmd.run("export", "x", "--out", "y", "--timezone", "Berlin").err().lines().findFirst())
        .hasValue(
            "tgmd: invalid --timezone 'Berlin': not a time zone: write a region name, did you mean Europe/Berlin?");
    assertThat(
            Tgmd.run("export", "x", "--out", "y", "--timezone", "Mars/Olympus")
                .err()
                .lines()
                .findFirst())
        .hasValue(
            "tgmd: invalid --timezone 'Mars/Olympus': not a time zone: write a region name, "
                + "e.g. Europe/Berlin, America/New_York, UTC or +02:00");
    assertThat(Tgmd.run("export", "x", "--out", "y", "--workers", "two").err().lines().findFirst())
        .hasValue(
            "tgmd: invalid --workers 'two': expected a whole number like 200000 (no units or suffixes)");
    Tgmd.Run generate = Tgmd.run("generate", "--messages", "10k", "--out", "y");
    assertThat(generate.exitCode()).isEqualTo(2);
    assertThat(generate.err().lines().findFirst())
        .hasValue(
            "tgmd: invalid --messages '10k': expected a whole number like 200000 (no units or suffixes)");
    for (String[] args :
        List.of(
            new String[] {"export", "x", "--out", "y", "--since", "2024/03/01"},
            new String[] {"export", "x", "--out", "y", "--timezone", "Berlin"},
            new String[] {"generate", "--messages", "10k", "--out", "y"},
            new String[] {"export", "x", "--out", "y", "--workers", "99999999999"})) {
      Tgmd.Run run = Tgmd.run(args);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .doesNotContain("java.")
          .doesNotContain("Exception")
          .doesNotContain("LocalDate")
          .doesNotContain("ZoneId")
          .doesNotContain("interface");
    }
  }

  /** The options {@code tgmd export x --out y ARGS} would run with. */
  private static ExportOptions parsed(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("export", "x", "--out", "y"));
    all.addAll(List.of(args));
    CommandLine cl =
        TgmdCommand.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    CommandLine.ParseResult parsed = cl.parseArgs(all.toArray(String[]::new));
    return ((ExportCommand) parsed.subcommand().commandSpec().userObject()).options();
  }

  @Test
  void enumOptionsDefaultToMonthObsidianAndCopy() {
    ExportOptions o = parsed();
    assertThat(o.split()).isEqualTo(Split.MONTH);
    assertThat(o.flavor()).isEqualTo(Flavor.OBSIDIAN);
    assertThat(o.media()).isEqualTo(MediaMode.COPY);
    assertThat(o.copyMedia()).isTrue();
  }

  @Test
  void enumOptionsAreReadInAnyCase() {
    assertThat(parsed("--split", "year").split()).isEqualTo(Split.YEAR);
    assertThat(parsed("--split", "DAY").split()).isEqualTo(Split.DAY);
    assertThat(parsed("--split", "None").split()).isEqualTo(Split.NONE);
    assertThat(parsed("--flavor", "CommonMark").flavor()).isEqualTo(Flavor.COMMONMARK);
    assertThat(parsed("--flavor", "obsidian").flavor()).isEqualTo(Flavor.OBSIDIAN);
    ExportOptions none = parsed("--media", "NONE");
    assertThat(none.media()).isEqualTo(MediaMode.NONE);
    assertThat(none.copyMedia()).isFalse();
    assertThat(parsed("--media", "Copy").media()).isEqualTo(MediaMode.COPY);
  }

  @Test
  void aBadEnumValueListsTheAllowedValuesInWords() {
    for (String[] bad :
        List.of(
            new String[] {
              "--split", "week", "tgmd: invalid --split 'week': one of month, year, day, none"
            },
            new String[] {
              "--flavor", "gfm", "tgmd: invalid --flavor 'gfm': one of obsidian, commonmark"
            },
            new String[] {"--media", "link", "tgmd: invalid --media 'link': one of copy, none"})) {
      Tgmd.Run run = Tgmd.run("export", "x", "--out", "y", bad[0], bad[1]);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(bad[2] + "\nTry 'tgmd export --help' for more information.\n");
    }
    assertThat(Tgmd.run("metrics", "show", "--color", "sometimes", "x").err().lines().findFirst())
        .hasValue("tgmd: invalid --color 'sometimes': one of auto, always, never");
  }

  @Test
  void theHelpListsTheValuesOfEachEnumOption() {
    String help = Tgmd.run("export", "--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains(
            "month, year, day, none",
            "(none: one note per chat; default: month)",
            "One of obsidian, commonmark",
            "One of copy, none");
  }

  @Test
  void everyCommandPrintsTheVersion() {
    for (String[] args :
        List.of(
            new String[] {"--version"},
            new String[] {"export", "--version"},
            new String[] {"generate", "--version"},
            new String[] {"metrics", "--version"},
            new String[] {"metrics", "show", "--version"})) {
      Tgmd.Run run = Tgmd.run(args);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).startsWith("tgmd ");
    }
  }

  @Test
  void quietTurnsEveryLogLineOffWarningsIncluded() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level before = root.getLevel();
    try {
      LogSetup.level(true, false);
      org.slf4j.Logger any = org.slf4j.LoggerFactory.getLogger("dev.tgmd.pipeline.AsyncPipeline");
      assertThat(any.isWarnEnabled()).isFalse();
      assertThat(any.isErrorEnabled()).isFalse();
    } finally {
      root.setLevel(before);
    }
  }

  @Test
  void durationsAreReadAsPeopleWriteThem() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(c.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.convert("PT0.5S")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> c.convert("fast"))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }

  @Test
  void theProgressLineSaysHowFarAndHowLong() {
    String line =
        ProgressReporter.line(new Exporter.Progress(50L << 20, 100L << 20, 25_000), 2_000_000_000L);
    assertThat(line)
        .isEqualTo(
            "tgmd: 50% of 100.0 MiB read, 25,000 messages written (12,500/s), about 2 s left");
  }
}
