package dev.tgmd.cli;

import dev.tgmd.export.ChatCatalog;
import dev.tgmd.export.InputException;
import dev.tgmd.units.Counts;
import dev.tgmd.units.DisplayWidth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tgmd chats}: lists an export's chats (name, id, type, messages, first and last day), so
 * that {@code export --chat} can be written without guessing. One streaming pass over the export;
 * the table fits 80 columns (long names are cut, and a part of a name is what {@code --chat} takes
 * anyway).
 */
@Command(
    name = "chats",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    sortOptions = false,
    description = {
      "Lists the chats of a Telegram Desktop export, grouped by type (as --type takes it): name,"
          + " id, messages (service messages included), and the days of the first and last"
          + " message. The table fits 80 columns: a longer name is cut with '…'.",
      "",
      "INPUT is what 'tgmd export' takes: the export folder holding result.json, or result.json"
          + " itself; or a chat's HTML export folder, or one of its pages. 'tgmd export --chat'"
          + " takes a name, a part of one (ignoring case) or an id from this list.",
    })
public final class ChatsCommand implements Callable<Integer> {

  /** The widest the table gets, in terminal columns. */
  static final int COLUMNS = 80;

  /** The fewest columns a name is cut to when the other columns are wide. */
  static final int MIN_NAME = 20;

  private static final String GAP = "  ";

  /** Chats are indented below their type's line. */
  private static final String INDENT = "  ";

  /** The width of a day, {@code 2024-01-31}. */
  private static final int DAY_WIDTH = 10;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = ExportCommand.INPUT_DESCRIPTION)
  Path input;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description =
          "The time zone of the days shown, e.g. Europe/Berlin or UTC. Default: the system's.")
  ZoneId timezone;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ChatCatalog.Entry> chats;
    try {
      chats = ChatCatalog.read(input, timezone == null ? ZoneId.systemDefault() : timezone);
    } catch (InputException e) {
      err.println("tgmd: " + e.getMessage());
      return ExitCode.BAD_INPUT.code();
    } catch (IOException e) {
      err.println("tgmd: could not read " + input + ": " + e);
      return ExitCode.FAILURE.code();
    }
    out.print(table(chats));
    out.flush();
    return ExitCode.OK.code();
  }

  /**
   * The table: a header, then the chats grouped by type (each type on a line of its own, as {@code
   * --type} takes it; types in the order the export first has them, chats in export order), then a
   * total. Every line at most {@value #COLUMNS} columns: a name too long is cut.
   */
  static String table(List<ChatCatalog.Entry> chats) {
    int idWidth = "ID".length();
    int countWidth = "MESSAGES".length();
    int nameWidth = "NAME".length();
    long messages = 0;
    Map<String, List<ChatCatalog.Entry>> byType = new LinkedHashMap<>();
    for (ChatCatalog.Entry c : chats) {
      idWidth = Math.max(idWidth, Long.toString(c.id()).length());
      countWidth = Math.max(countWidth, count(c.messages()).length());
      nameWidth = Math.max(nameWidth, DisplayWidth.of(name(c)));
      messages += c.messages();
      byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
    }
    int rest = INDENT.length() + idWidth + countWidth + 2 * DAY_WIDTH + 4 * GAP.length();
    nameWidth = Math.min(nameWidth, Math.max(MIN_NAME, COLUMNS - rest));
    StringBuilder b = new StringBuilder();
    line(b, nameWidth, "NAME", idWidth, "ID", countWidth, "MESSAGES", "FIRST", "LAST");
    for (Map.Entry<String, List<ChatCatalog.Entry>> type : byType.entrySet()) {
      b.append(type.getKey()).append('\n');
      for (ChatCatalog.Entry c : type.getValue()) {
        line(
            b,
            nameWidth,
            DisplayWidth.fit(name(c), nameWidth),
            idWidth,
            Long.toString(c.id()),
            countWidth,
            count(c.messages()),
            day(c.first()),
            day(c.last()));
      }
    }
    b.append(Counts.of(chats.size(), "chat", "chats"))
        .append(", ")
        .append(Counts.of(messages, "message", "messages"))
        .append(".\n")
        .append("Export one: tgmd export INPUT --out OUT --chat NAME_OR_ID (a part of a name\n")
        .append("will do, ignoring case; Bot API ids such as -100... are taken too).\n");
    return b.toString();
  }

  private static void line(
      StringBuilder b,
      int nameWidth,
      String name,
      int idWidth,
      String id,
      int countWidth,
      String count,
      String first,
      String last) {
    String l =
        INDENT
            + DisplayWidth.pad(name, nameWidth)
            + GAP
            + " ".repeat(idWidth - id.length())
            + id
            + GAP
            + " ".repeat(countWidth - count.length())
            + count
            + GAP
            + DisplayWidth.pad(first, DAY_WIDTH)
            + GAP
            + last;
    b.append(l.stripTrailing()).append('\n');
  }

  /** The name shown: the chat's, marked when the chat was left. */
  private static String name(ChatCatalog.Entry c) {
    return c.left() ? c.name() + " (left)" : c.name();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String day(LocalDate d) {
    return d == null ? "-" : d.toString();
  }
}
