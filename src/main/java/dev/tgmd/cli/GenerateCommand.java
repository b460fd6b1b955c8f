package dev.tgmd.cli;

import dev.tgmd.generate.ExportGenerator;
import dev.tgmd.generate.GenerateOptions;
import dev.tgmd.generate.GenerateSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tgmd generate}: writes a synthetic export for benchmarks and tests. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    description = {
      "Writes a synthetic Telegram Desktop export (whole-account result.json plus media files)"
          + " with a realistic mix of text, entities, replies, forwards, edits, service messages"
          + " and media. The same N and seed always give the same bytes.",
      "About 650 bytes of JSON per message: 200000 messages make about 130 MB."
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--messages",
      required = true,
      paramLabel = "N",
      description = "Number of message entries to write (service messages included), at least 1.")
  long messages;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Export folder to write; created when missing. Existing files are overwritten.")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GenerateOptions.DEFAULT_SEED,
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-links",
      description =
          "Write every media file as a full copy. By default a file whose content was already"
              + " written in the same chat is a hard link to it: the same bytes, far faster.")
  boolean noLinks;

  @Option(
      names = "--format",
      paramLabel = "json|html",
      defaultValue = "json",
      description =
          "json (default): result.json and media. html: the same, and every chat's pages as"
              + " Telegram Desktop's HTML export of that chat holds them"
              + " (chats/chat_NNN/messages.html, messages2.html, ... of 1000 messages each), so"
              + " that the same chat can be read from either form.")
  String format;

  @Option(
      names = "--chats",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "At most N chats (default: messages / 40000 + 3); --chats 1 puts every message in one"
              + " chat.")
  int chats;

  /** Nanoseconds on a monotonic clock, for the time the generation took. */
  private final LongSupplier nanoTime;

  GenerateCommand() {
    this(System::nanoTime);
  }

  GenerateCommand(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GenerateOptions options;
    try {
      if (!format.equals("json") && !format.equals("html")) {
        throw new IllegalArgumentException(
            "invalid --format '" + format + "': expected json or html");
      }
      options =
          new GenerateOptions(messages, this.out, seed, !noLinks, chats, format.equals("html"));
    } catch (IllegalArgumentException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCode.BAD_INPUT.code();
    }
    String problem = prepare(this.out);
    if (problem != null) {
      err.println("tgmd: cannot write to " + this.out + ": " + problem);
      return ExitCode.BAD_INPUT.code();
    }
    long start = nanoTime.getAsLong();
    GenerateSummary summary;
    try {
      summary = ExportGenerator.generate(options);
    } catch (IOException | RuntimeException e) {
      err.println("tgmd: generating into " + this.out + " failed: " + describe(e));
      return ExitCode.FAILURE.code();
    }
    double seconds = (nanoTime.getAsLong() - start) / 1e9;
    out.println(line(summary, seconds, this.out));
    return ExitCode.OK.code();
  }

  /** The one line printed after a successful run. */
  static String line(GenerateSummary s, double seconds, Path out) {
    double mb = s.resultJsonBytes() / 1e6;
    return String.format(
        Locale.ROOT,
        "generated %d messages in %d chats: result.json %.1f MB%s, %d media files %.1f MB"
            + " (%d hard links), in %.2f s (%.0f MB/s) -> %s",
        s.messages(),
        s.chats().size(),
        mb,
        s.htmlBytes() > 0
            ? String.format(Locale.ROOT, ", HTML pages %.1f MB", s.htmlBytes() / 1e6)
            : "",
        s.mediaFiles(),
        s.mediaBytes() / 1e6,
        s.linkedFiles(),
        seconds,
        seconds > 0 ? mb / seconds : 0.0,
        out);
  }

  /** Creates the folder when missing; returns why it cannot be written, or null when it can. */
  private static String prepare(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      return "it exists and is not a folder";
    } catch (IOException | SecurityException e) {
      return describe(e);
    }
    if (!Files.isDirectory(dir)) {
      return "it is not a folder";
    }
    if (!Files.isWritable(dir)) {
      return "the folder is not writable";
    }
    return null;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }
}
