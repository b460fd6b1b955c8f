package dev.tgmd.cli;

import dev.tgmd.export.ExportOptions;
import dev.tgmd.export.ExportResult;
import dev.tgmd.export.Exporter;
import dev.tgmd.layout.Split;
import dev.tgmd.metrics.MetricsCollector;
import dev.tgmd.render.Flavor;
import dev.tgmd.render.Sizes;
import dev.tgmd.source.ExportFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tgmd export}: turns an export into notes. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    description = {
      "Turns a Telegram Desktop export (JSON) into Markdown notes.",
      "",
      "INPUT is the export folder holding result.json, or result.json itself. Notes go to",
      "OUT/<chat>/<chat> <period>.md, one note per period, with an index note per chat and",
      "the chat's files under OUT/<chat>/media/.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the export completed",
      "  1  an unexpected failure (a bug, or the disk is full)",
      "  2  bad input or usage: not a readable export, a bad option",
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The export folder, or its result.json.")
  Path input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
      description = "The folder to write notes into (created when missing).")
  Path out;

  @Option(names = "--chat", paramLabel = "NAME_OR_ID",
      description = "Export only this chat (its name or id); repeat for more. Default: every chat.")
  List<String> chats = new ArrayList<>();

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Export only chats of this type; repeat for more. One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ChatTypes.class)
  List<String> types = new ArrayList<>();

  @Option(names = "--since", paramLabel = "DATE", description = "Skip messages before this day (YYYY-MM-DD, inclusive).")
  LocalDate since;

  @Option(names = "--until", paramLabel = "DATE", description = "Skip messages after this day (YYYY-MM-DD, inclusive).")
  LocalDate until;

  @Option(names = "--split", paramLabel = "PERIOD", defaultValue = "month",
      description = "One note per: month (default), year, day, or none (one note per chat).")
  String split;

  @Option(names = "--flavor", paramLabel = "FLAVOR", defaultValue = "obsidian",
      description = "obsidian (default: [[wikilinks]], ![[embeds]], ^block-ids) or commonmark "
          + "(relative Markdown links, standard images, HTML anchors).")
  String flavor;

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "The time zone of dates and times in notes, e.g. Europe/Berlin or UTC. Default: the system's.")
  ZoneId timezone;

  @Option(names = "--media", paramLabel = "MODE", defaultValue = "copy",
      description = "copy (default): copy files into OUT/<chat>/media/; none: only name them.")
  String media;

  @Option(names = "--reply-index-size", paramLabel = "N", defaultValue = "100000",
      description = "How many recent messages per chat replies can link to with a snippet (default: ${DEFAULT-VALUE}).")
  int replyIndexSize;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExportOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Exporter exporter = new Exporter(options, MetricsCollector.noop(), System::nanoTime);
    ExportResult result;
    try {
      result = exporter.run();
    } catch (ExportFormatException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (IOException e) {
      err.println("tgmd: " + describe(e));
      return ExitCodes.FAILURE;
    }
    if (result.chatCount() == 0 && (!options.chats().isEmpty() || !options.types().isEmpty()
        || options.since() != null || options.until() != null)) {
      err.println("tgmd: no message matched the filters (--chat, --type, --since, --until): nothing was written");
      return ExitCodes.USAGE;
    }
    printSummary(out, result, options);
    return ExitCodes.OK;
  }

  ExportOptions options() {
    for (String t : types) {
      if (!ExportOptions.CHAT_TYPES.contains(t)) {
        throw new IllegalArgumentException("unknown chat type '" + t + "' for --type; one of: "
            + String.join(", ", ExportOptions.CHAT_TYPES));
      }
    }
    return new ExportOptions(input, out, chats, types, since, until,
        choice(Split.class, split, "--split"), choice(Flavor.class, flavor, "--flavor"),
        timezone == null ? ZoneId.systemDefault() : timezone, copyMedia(),
        1, replyIndexSize);
  }

  private boolean copyMedia() {
    switch (media.toLowerCase(Locale.ROOT)) {
      case "copy":
        return true;
      case "none":
        return false;
      default:
        throw new IllegalArgumentException("unknown value '" + media + "' for --media; one of: copy, none");
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException("unknown value '" + value + "' for " + option + "; one of: " + String.join(", ", names));
  }

  static void printSummary(PrintWriter out, ExportResult r, ExportOptions options) {
    out.printf(Locale.ROOT, "Exported %,d %s, %,d %s into %,d %s in %s (%.2f s)%n",
        r.chatCount(), r.chatCount() == 1 ? "chat" : "chats",
        r.messages(), r.messages() == 1 ? "message" : "messages",
        r.notes(), r.notes() == 1 ? "note" : "notes",
        options.out(), r.durationNanos() / 1e9);
    if (r.failedMessages() > 0) {
      out.printf(Locale.ROOT, "%,d messages could not be rendered; their notes say so%n", r.failedMessages());
    }
    out.printf(Locale.ROOT, "Media: %,d copied (%s), %,d duplicates avoided, %,d missing, %,d refused%n",
        r.mediaFiles(), Sizes.human(r.mediaBytes()), r.duplicates(), r.missing(), r.refused());
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder: " + m;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + m;
    }
    if (e instanceof java.nio.file.FileSystemException && m != null) {
      return m;
    }
    return m == null ? kind : kind + ": " + m;
  }

  /** The values of {@code --type}. */
  static final class ChatTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ExportOptions.CHAT_TYPES.iterator();
    }
  }
}
