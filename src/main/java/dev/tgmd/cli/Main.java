package dev.tgmd.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tgmd command-line entry point; the only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    if (Utf8Locale.fileNamesBroken()) {
      // under LC_ALL=C Java would fail on the first non-ASCII file name: run again under UTF-8
      int code = Utf8Locale.relaunch(err);
      err.flush();
      System.exit(code);
    }
    // Logback takes about 0.2 s to start; do it while the command line is parsed and the export
    // opened, not when the first line is logged.
    Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "tgmd-logging-setup");
    logging.setDaemon(true);
    logging.start();
    int code = TgmdCommand.commandLine(out, err, Environment.system(), List.of(args)).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
