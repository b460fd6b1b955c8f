package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code tgmd generate ARGS} with a clock that advances 1.5 s between readings. */
  private int run(String... args) {
    AtomicLong now = new AtomicLong();
    CommandLine cl = new CommandLine(new GenerateCommand(() -> now.getAndAdd(1_500_000_000L)));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void isRegisteredAsTgmdGenerate(@TempDir Path dir) {
    CommandLine tgmd =
        TgmdCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    int code = tgmd.execute("generate", "--messages", "20", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("generated 20 messages in 3 chats");
    assertThat(dir.resolve("result.json")).isRegularFile();
  }

  @Test
  void writesAnExportAndPrintsOneLine(@TempDir Path dir) {
    Path target = dir.resolve("a/b/export");
    int code = run("--messages", "500", "--out", target.toString(), "--seed", "9");
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(target.resolve("result.json")).isRegularFile();
    assertThat(out.toString().lines()).hasSize(1);
    assertThat(out.toString())
        .startsWith("generated 500 messages in 3 chats: result.json ")
        .contains(" MB, ")
        .contains("in 1.50 s")
        .contains(target.toString());
  }

  @Test
  void defaultSeedIsFixed(@TempDir Path dir) throws IOException {
    assertThat(run("--messages", "50", "--out", dir.resolve("x").toString())).isZero();
    assertThat(run("--messages", "50", "--out", dir.resolve("y").toString(), "--seed", "42"))
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("x/result.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("y/result.json")));
  }

  @Test
  void fewerThanOneMessageIsAUsageError(@TempDir Path dir) {
    assertThat(run("--messages", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("tgmd: ").contains("--messages must be at least 1");
    assertThat(dir.resolve("result.json")).doesNotExist();
  }

  @Test
  void anOutFolderThatCannotBeCreatedIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(run("--messages", "10", "--out", file.resolve("sub").toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("tgmd: cannot write to ");
  }

  @Test
  void anOutThatIsAFileIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(run("--messages", "10", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("tgmd: cannot write to ").contains("not a folder");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void missingOrMalformedOptionsAreUsageErrors(@TempDir Path dir) {
    assertThat(run("--out", dir.toString())).isEqualTo(2);
    assertThat(run("--messages", "10")).isEqualTo(2);
    assertThat(run("--messages", "ten", "--out", dir.toString())).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpDescribesTheCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--messages=N").contains("--out=DIR").contains("--seed=S");
  }
}
