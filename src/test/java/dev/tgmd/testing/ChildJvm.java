package dev.tgmd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs one of the project's classes: this JVM's {@code java},
 * its class path, and SQLite's native library unpacked under {@code target/} rather than into
 * {@code /tmp}: a child the test kills cannot remove its 1 MB copy, and over many test runs those
 * copies filled {@code /tmp}.
 */
public final class ChildJvm {

  /** Where the children unpack SQLite's library; removed with the rest of {@code target/}. */
  private static final Path NATIVE_TMP = Path.of("target", "sqlite-tmp").toAbsolutePath();

  private ChildJvm() {}

  /**
   * {@code java [jvmOptions] -cp CLASSPATH mainClass args...}, as a mutable list to add to.
   *
   * @param jvmOptions options before the class path, e.g. {@code -Xmx64m}
   */
  public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
    try {
      Files.createDirectories(NATIVE_TMP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // sqlite-jdbc loads its native library: Java 22 and later warn about it on stderr unless told
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dorg.sqlite.tmpdir=" + NATIVE_TMP);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /** {@code tgmd args...} in a child JVM. */
  public static List<String> tgmd(String... args) {
    return command(List.of(), "dev.tgmd.cli.Main", args);
  }
}
