package dev.tgmd.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every exit code tgmd documents, with its number and its meaning: the one place they are written.
 * Each command's {@code --help} lists the codes it can return from here ({@link #listIn}), and
 * README.md's table says the same (a test compares them). Commands return {@link #code()}.
 */
enum ExitCode {
  OK(0, "the command completed (for export: every chat exported)"),
  FAILURE(1, "an unexpected failure (a bug, or the machine failed us: disk full, an I/O error)"),
  /**
   * Usage errors, bad input and a refused OUT share it: the run did not start or stopped at once.
   */
  BAD_INPUT(
      2,
      "bad input or usage: not a readable export (the message names the file, line and column), a bad "
          + "option, a --chat that names no chat or several, filters that matched nothing, an unreadable metrics file; or OUT refused: a symbolic link (OUT "
          + "itself, or a folder inside it), or another tgmd run using OUT (when OUT itself is a link or in use, "
          + "nothing is written, not even the metrics file)"),
  SOME_MESSAGES_FAILED(
      3,
      "the export completed, but some messages could not be rendered (their notes say so, "
          + "the summary and the metrics count them)"),
  /** 128 + 2, the shells' convention for a process ended by SIGINT. */
  INTERRUPTED(130, "interrupted by SIGINT (Ctrl-C)"),
  /** 128 + 15, the shells' convention for a process ended by SIGTERM. */
  TERMINATED(143, "interrupted by SIGTERM");

  private static final int SIGTERM = 15;

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The number the process exits with. */
  int code() {
    return code;
  }

  /** What it means, in one line (as the help and README.md say it). */
  String meaning() {
    return meaning;
  }

  /** The code of a run stopped by {@code signal}: 143 for SIGTERM (15), 130 for SIGINT (2). */
  static ExitCode stoppedBy(int signal) {
    return signal == SIGTERM ? TERMINATED : INTERRUPTED;
  }

  /** Makes {@code command}'s help end with an "Exit codes:" list of {@code codes}. */
  static void listIn(CommandLine command, ExitCode... codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode c : codes) {
      list.put(Integer.toString(c.code), c.meaning);
    }
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    usage.exitCodeListHeading("%nExit codes:%n");
    usage.exitCodeList(list);
  }
}
