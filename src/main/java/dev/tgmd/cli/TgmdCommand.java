package dev.tgmd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code tgmd} command: it only groups the subcommands. */
@Command(
    name = "tgmd",
    mixinStandardHelpOptions = true,
    versionProvider = TgmdCommand.Version.class,
    description =
        "Turns Telegram Desktop chat exports into Markdown notes, with metrics about every run.")
public final class TgmdCommand implements java.util.concurrent.Callable<Integer> {

  /**
   * The subcommands, in the order help lists them. Picocli builds a command's model from its
   * annotations by reflection; the first model of a run costs 0.2 s (its classes are compiled for
   * Java 5, which class-data sharing cannot keep), every further one tens of milliseconds more. So
   * a command line naming its command ({@code tgmd export ...}) gets only that one's model, and any
   * other (help, a typo, none) gets them all.
   */
  private static final Map<String, Subcommand> COMMANDS = commands();

  /**
   * A subcommand, and the exit codes its help lists (its own subcommands', too). A class, which
   * picocli makes an instance of, not a method reference: Java 25's AOT cache, which keeps resolved
   * lambdas, crashed while writing one to a class it cannot keep (picocli's).
   */
  private record Subcommand(Class<?> type, ExitCode... codes) {}

  private static Map<String, Subcommand> commands() {
    ExitCode[] run = {ExitCode.OK, ExitCode.FAILURE, ExitCode.BAD_INPUT};
    Map<String, Subcommand> m = new LinkedHashMap<>();
    m.put("export", new Subcommand(ExportCommand.class, ExitCode.values()));
    m.put("chats", new Subcommand(ChatsCommand.class, run));
    m.put("generate", new Subcommand(GenerateCommand.class, run));
    m.put("metrics", new Subcommand(MetricsCommand.class, ExitCode.OK, ExitCode.BAD_INPUT));
    m.put("help", new Subcommand(CommandLine.HelpCommand.class));
    return Collections.unmodifiableMap(m);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Environment environment;

  TgmdCommand(Environment environment) {
    this.environment = environment;
  }

  /** The world the commands run in. */
  Environment environment() {
    return environment;
  }

  /** {@code tgmd} alone: no command was named, which is a usage error (exit 2), usage on stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT.code();
  }

  /**
   * A configured command line printing to {@code out} and {@code err}; tests drive it with {@link
   * java.io.StringWriter}s.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Environment.detached());
  }

  /** A configured command line for these arguments, as {@link Main} builds it, detached. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, List<String> args) {
    return commandLine(out, err, Environment.detached(), args);
  }

  /** A configured command line in the given environment, for any arguments. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    return commandLine(out, err, environment, List.of());
  }

  /**
   * A configured command line in the given environment, for these arguments: when the first names a
   * command other than help, only that command is built (the line behaves the same).
   */
  public static CommandLine commandLine(
      PrintWriter out, PrintWriter err, Environment environment, List<String> args) {
    CommandLine cl = new CommandLine(new TgmdCommand(environment));
    String named = args.isEmpty() ? null : args.get(0);
    boolean one = COMMANDS.containsKey(named) && !named.equals("help");
    COMMANDS.forEach(
        (name, command) -> {
          if (!one || name.equals(named)) {
            cl.addSubcommand(name, command.type());
            if (command.codes().length > 0) {
              CommandLine added = cl.getSubcommands().get(name);
              ExitCode.listIn(added, command.codes());
              added.getSubcommands().values().forEach(c -> ExitCode.listIn(c, command.codes()));
            }
          }
        });
    // settings apply to the subcommands there when they are set: the subcommands come first
    cl.setOut(out);
    cl.setErr(err);
    Converters.register(cl);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // what picocli's own handlers would answer is ours too: a usage error is 2, anything else 1
    cl.setExitCodeExceptionMapper(
        e ->
            (e instanceof CommandLine.ParameterException ? ExitCode.BAD_INPUT : ExitCode.FAILURE)
                .code());
    ExitCode.listIn(cl, ExitCode.values());
    cl.setParameterExceptionHandler(TgmdCommand::usageError);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tgmd: unexpected error: " + e);
          org.slf4j.LoggerFactory.getLogger(TgmdCommand.class).debug("unexpected error", e);
          return ExitCode.FAILURE.code();
        });
    return cl;
  }

  /** A usage error: one line saying what is wrong, one line saying where help is; exit 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String conversion = Converters.conversionMessage(e);
    String unmatched = unmatched(e);
    err.println(
        "tgmd: "
            + (conversion != null ? conversion : unmatched != null ? unmatched : e.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.BAD_INPUT.code();
  }

  /**
   * An unknown option or command in words, with the closest known one when there is one (picocli's
   * own candidates, {@link CommandLine.UnmatchedArgumentException#getSuggestions}): "unknown option
   * '--spilt'; did you mean --split?", "unknown command 'expotr'; did you mean export?"; null for
   * other errors.
   */
  static String unmatched(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
      return null;
    }
    String first = u.getUnmatched().get(0);
    CommandLine cmd = u.getCommandLine();
    String what;
    if (first.startsWith("-")) {
      what = "unknown option '" + first + "'";
    } else if (!cmd.getSubcommands().isEmpty()
        && cmd.getCommandSpec().positionalParameters().isEmpty()) {
      what =
          "unknown command '"
              + first
              + "' (the commands: "
              + String.join(", ", cmd.getSubcommands().keySet())
              + ")";
    } else {
      return null; // a surplus argument: picocli's message names them all
    }
    List<String> candidates = u.getSuggestions();
    return candidates.isEmpty() ? what : what + "; did you mean " + candidates.get(0) + "?";
  }

  /** The tool's version, from the build. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = TgmdCommand.class.getResourceAsStream("/dev/tgmd/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tgmd " + version()};
    }
  }
}
