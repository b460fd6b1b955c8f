package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.Tgmd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command line that names its command gets only that command's model (picocli's models cost
 * startup time): it must answer exactly as the command line holding every command.
 */
class CommandModelTest {

  /** What the command line holding every command prints and returns for {@code args}. */
  private static Tgmd.Run whole(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TgmdCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Tgmd.Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "export --help",
        "chats --help",
        "generate --help",
        "metrics --help",
        "metrics show --help",
        "metrics compare --help",
        "export --spilt day in --out o",
        "export",
        "metrics shwo x.json",
        "chats --type nonsense in"
      })
  void aCommandAloneAnswersAsAmongAllTheOthers(String line) {
    String[] args = line.split(" ");
    Tgmd.Run alone = Tgmd.run(args);
    assertThat(alone).isEqualTo(whole(args));
    assertThat(alone.out() + alone.err()).isNotBlank();
  }

  @Test
  void aLineNamingNoCommandGetsThemAll() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    for (List<String> args :
        List.<List<String>>of(
            List.of(), List.of("--help"), List.of("help", "export"), List.of("expotr"))) {
      assertThat(TgmdCommand.commandLine(o, e, args).getSubcommands().keySet())
          .as("for %s", args)
          .containsExactly("export", "chats", "generate", "metrics", "help");
    }
    assertThat(TgmdCommand.commandLine(o, e, List.of("export", "--help")).getSubcommands())
        .containsOnlyKeys("export");
  }
}
