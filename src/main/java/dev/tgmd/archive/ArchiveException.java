package dev.tgmd.archive;

/**
 * The archive cannot be used: not a SQLite database or damaged, written by a newer tgmd, or a
 * database error. The message is one line naming the file; the cause, when there is one, is the
 * driver's exception (for the log, not for the user).
 */
public final class ArchiveException extends Exception {
  private static final long serialVersionUID = 1L;

  ArchiveException(String message) {
    super(message);
  }

  ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
