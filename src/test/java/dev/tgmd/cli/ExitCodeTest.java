package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

  /** The "Exit codes:" section of a help text, its lines joined by single spaces. */
  private static String exitCodesOf(String help) {
    assertThat(help).contains("Exit codes:");
    return help.substring(help.indexOf("Exit codes:")).replaceAll("\\s+", " ").strip();
  }

  @Test
  void theExportHelpListsEveryCodeWithItsMeaning() {
    Tgmd.Run help = Tgmd.run("export", "--help");
    assertThat(help.exitCode()).isZero();
    StringBuilder expected = new StringBuilder("Exit codes:");
    for (ExitCode c : ExitCode.values()) {
      expected.append(' ').append(c.code()).append(' ').append(c.meaning());
    }
    assertThat(exitCodesOf(help.out())).isEqualTo(expected.toString());
  }

  @Test
  void theOtherCommandsListTheCodesTheyReturn() {
    assertThat(exitCodesOf(Tgmd.run("generate", "--help").out()))
        .isEqualTo(
            "Exit codes: 0 "
                + ExitCode.OK.meaning()
                + " 1 "
                + ExitCode.FAILURE.meaning()
                + " 2 "
                + ExitCode.BAD_INPUT.meaning());
    for (String command : new String[] {"show", "compare"}) {
      assertThat(exitCodesOf(Tgmd.run("metrics", command, "--help").out()))
          .isEqualTo(
              "Exit codes: 0 " + ExitCode.OK.meaning() + " 2 " + ExitCode.BAD_INPUT.meaning());
    }
  }

  @Test
  void theReadmeTableSaysWhatTheEnumSays() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("### Exit codes");
    assertThat(section).as("README.md has an Exit codes section").isNotNegative();
    Map<String, String> table = new LinkedHashMap<>();
    for (String line :
        readme
            .substring(section)
            .lines()
            .skip(1)
            .dropWhile(String::isBlank)
            .takeWhile(l -> l.startsWith("|"))
            .toList()) {
      String[] cells = line.split("\\|");
      String code = cells[1].strip();
      if (!code.equals("code") && !code.startsWith("---")) {
        table.put(code, cells[2].strip());
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      expected.put(Integer.toString(c.code()), c.meaning());
    }
    assertThat(table).containsExactlyEntriesOf(expected);
  }

  @Test
  void picocliUsageErrorsExitWithTwo() {
    assertThat(Tgmd.run("export").exitCode())
        .isEqualTo(ExitCode.BAD_INPUT.code()); // INPUT and --out missing
    assertThat(Tgmd.run("export", "x", "--out", "y", "--no-such-option").exitCode()).isEqualTo(2);
    assertThat(Tgmd.run("export", "x", "y", "--out", "z").exitCode())
        .isEqualTo(2); // one INPUT too many
    assertThat(Tgmd.run("no-such-command").exitCode()).isEqualTo(2);
    assertThat(Tgmd.run("metrics", "show").exitCode()).isEqualTo(2);
    assertThat(Tgmd.run("generate", "--messages").exitCode()).isEqualTo(2);
  }

  @Test
  void aStopSignalGivesItsShellCode() {
    assertThat(ExitCode.stoppedBy(2)).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(ExitCode.stoppedBy(2).code()).isEqualTo(128 + 2);
    assertThat(ExitCode.stoppedBy(15)).isEqualTo(ExitCode.TERMINATED);
    assertThat(ExitCode.stoppedBy(15).code()).isEqualTo(128 + 15);
  }

  @Test
  void everyCodeHasItsOwnNumber() {
    assertThat(java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct())
        .hasSize(ExitCode.values().length);
  }
}
