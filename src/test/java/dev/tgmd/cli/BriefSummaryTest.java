package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import dev.tgmd.units.DisplayWidth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary {@code tgmd export} prints by default: a screen, 80 columns, media listed. */
class BriefSummaryTest {

  @TempDir Path tmp;

  private static void fitsAScreen(String summary) {
    List<String> lines = summary.lines().toList();
    assertThat(lines).as(summary).hasSizeLessThanOrEqualTo(20);
    assertThat(lines)
        .as(summary)
        .allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(80));
  }

  @Test
  void theDemoExportsSummaryFitsAScreenAndListsItsMissingFile() {
    Path out = tmp.resolve("demo");
    Tgmd.Run run = Tgmd.run("export", "examples/demo-export", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    fitsAScreen(run.out());
    assertThat(run.out())
        .startsWith("Exported 6 chats, 104 messages into 29 notes in")
        .contains(
            "  missing chats/chat_005/photos/photo_1@08-03-2024_17-30-00.jpg",
            "Bottleneck: ",
            "Metrics: " + out.resolve("export_metrics.json"))
        .doesNotContain("Stages", "Caches");
    assertThat(run.out())
        .containsPattern(
            "Media: [^\\n]*\\n  missing chats/chat_005/photos/photo_1@08-03-2024_17-30-00.jpg \\(message 3 in\\s+chat Lantern Trail Notes\\)\\n");
    // the list is beside the metrics too
    assertThat(Tgmd.read(out.resolve("export_missing_media.txt")))
        .isEqualTo(
            "missing chats/chat_005/photos/photo_1@08-03-2024_17-30-00.jpg (message 3 in chat"
                + " Lantern Trail Notes)\n");
  }

  @Test
  void aLargerExportsSummaryFitsAScreenAndPointsToTheListOfMissingMedia() throws Exception {
    Path export = tmp.resolve("export");
    assertThat(Tgmd.run("generate", "--messages", "3000", "--out", export.toString()).exitCode())
        .isZero();
    // files gone from the export, as when a download was cut short
    List<Path> media;
    try (var files = Files.walk(export.resolve("chats"))) {
      media = files.filter(Files::isRegularFile).sorted().limit(12).toList();
    }
    for (Path f : media) {
      Files.delete(f);
    }
    Path out = tmp.resolve("out");
    Tgmd.Run run = Tgmd.run("export", export.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
    fitsAScreen(run.out());
    Matcher m = Pattern.compile("(\\d[\\d,]*) missing, (\\d[\\d,]*) refused").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    long problems =
        Long.parseLong(m.group(1).replace(",", "")) + Long.parseLong(m.group(2).replace(",", ""));
    assertThat(problems).as("the generator leaves files out").isGreaterThan(5);
    Path list = out.resolve("export_missing_media.txt");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains(
            "the "
                + String.format(java.util.Locale.ROOT, "%,d", problems)
                + " missing or refused files are listed in "
                + list);
    assertThat(Tgmd.read(list).lines()).hasSize((int) problems);
    // every table is one option away
    Tgmd.Run full =
        Tgmd.run(
            "export",
            export.toString(),
            "--out",
            tmp.resolve("full").toString(),
            "--summary",
            "full");
    assertThat(full.out()).contains("Stages", "Caches", "Resources");
  }

  @Test
  void aRunThatFindsEveryFileRemovesTheListAndARerunWithNothingNewLeavesIt() throws Exception {
    Path out = tmp.resolve("o");
    assertThat(Tgmd.run("export", "examples/demo-export", "--out", out.toString()).exitCode())
        .isZero();
    Path list = out.resolve("export_missing_media.txt");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(list, old);
    // a rerun into the vault with nothing new renders nothing: the list stays as it was
    Tgmd.Run rerun = Tgmd.run("export", "examples/demo-export", "--out", out.toString());
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(Files.getLastModifiedTime(list)).isEqualTo(old);
    // the same export with the missing file there, rendered again: no list any more
    Path export = tmp.resolve("export");
    copy(Path.of("examples/demo-export"), export);
    Path photo = export.resolve("chats/chat_005/photos/photo_1@08-03-2024_17-30-00.jpg");
    Files.createDirectories(photo.getParent());
    Files.write(photo, new byte[] {1, 2, 3});
    Tgmd.Run fixed = Tgmd.run("export", export.toString(), "--out", out.toString(), "--no-archive");
    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    assertThat(fixed.out()).contains(" 0 missing, 0 refused").doesNotContain("  missing ");
    assertThat(list).doesNotExist();
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
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
