package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import org.junit.jupiter.api.Test;

class TypoSuggestionTest {

  @Test
  void aMisspelledOptionIsAnsweredWithTheOptionMeant() {
    Tgmd.Run run = Tgmd.run("export", "in", "--out", "o", "--spilt", "day");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .isEqualTo("tgmd: unknown option '--spilt'; did you mean --split?");
    assertThat(run.err()).contains("Try 'tgmd export --help'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMisspelledCommandIsAnsweredWithTheCommandMeant() {
    Tgmd.Run run = Tgmd.run("expotr", "examples/demo-export", "--out", "o");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("tgmd: unknown command 'expotr' (the commands: export, chats,")
        .endsWith("; did you mean export?");
    assertThat(Tgmd.run("metrics", "shwo", "x.json").err()).contains("did you mean show?");
  }

  @Test
  void somethingFarFromAnyOptionGetsNoGuess() {
    Tgmd.Run run = Tgmd.run("export", "in", "--out", "o", "--zzzzqqq");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("did you mean");
  }

  @Test
  void noArgumentsAtAllPrintTheUsageAndExitWithTwo() {
    Tgmd.Run run = Tgmd.run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: tgmd", "export", "chats", "Exit codes:");
    assertThat(run.out()).isEmpty();
    assertThat(Tgmd.run("--help").exitCode()).isZero();
  }
}
