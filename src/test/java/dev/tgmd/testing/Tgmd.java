package dev.tgmd.testing;

import dev.tgmd.cli.TgmdCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs tgmd's command line in-process, as a user would type it, and reads what it wrote. */
public final class Tgmd {

  /** What a run printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  private Tgmd() {}

  /**
   * A run as {@code tgmd ARGS...} on a command line: built for its arguments, as Main builds it.
   */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TgmdCommand.commandLine(
                new PrintWriter(out, true), new PrintWriter(err, true), List.of(args))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * {@code tgmd export INPUT --out OUT --timezone UTC MORE...}, which must succeed (exit 0; its
   * standard error is the failure's message).
   */
  public static Run export(Path input, Path out, String... more) {
    String[] args =
        Stream.concat(
                Stream.of("export", input.toString(), "--out", out.toString(), "--timezone", "UTC"),
                Stream.of(more))
            .toArray(String[]::new);
    Run run = run(args);
    if (run.exitCode() != 0) {
      throw new AssertionError("tgmd export exited " + run.exitCode() + ": " + run.err());
    }
    return run;
  }

  /** Every regular file under {@code dir}, by relative path (with {@code /}), with its content. */
  public static Map<String, String> files(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(
            dir.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * What an export wrote: every file under {@code dir} but the run's reports beside the notes (the
   * metrics, JSON and page; the list of missing media) and tgmd's own state (the lock).
   */
  public static Map<String, String> exported(Path dir) {
    Map<String, String> files = files(dir);
    files.remove("export_metrics.json");
    files.remove("export_missing_media.txt");
    files.remove("export_metrics.html");
    files.keySet().removeIf(p -> p.startsWith(".tgmd/"));
    return files;
  }

  /** The relative paths of the notes ({@code .md}) under {@code dir}, sorted. */
  public static List<String> notes(Path dir) {
    return files(dir).keySet().stream().filter(p -> p.endsWith(".md")).collect(Collectors.toList());
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
