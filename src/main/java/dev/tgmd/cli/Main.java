package dev.tgmd.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The tgmd command-line entry point; the only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = TgmdCommand.commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
