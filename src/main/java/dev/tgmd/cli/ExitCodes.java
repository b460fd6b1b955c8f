package dev.tgmd.cli;

/** The exit codes tgmd documents (README, --help). */
final class ExitCodes {
  /** The command completed. */
  static final int OK = 0;
  /** An unexpected failure: a bug, or the machine failed us (disk full). */
  static final int FAILURE = 1;
  /** Bad usage: an unknown option, a bad value. */
  static final int USAGE = 2;
  /** Bad input: not a readable export or metrics file. */
  static final int BAD_INPUT = 2;
  /** The folder named by --out cannot be used: a symbolic link in it or in its place, another run's. */
  static final int REFUSED_OUTPUT = 2;

  private ExitCodes() {}
}
