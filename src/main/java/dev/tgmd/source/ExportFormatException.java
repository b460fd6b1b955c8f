package dev.tgmd.source;

import java.nio.file.Path;

/**
 * The input is not a readable Telegram Desktop export: not JSON, truncated, a value of the wrong
 * type, or neither layout. Its message is one line naming the file and, where it applies, the line
 * and column: {@code result.json:12:7: expected a number for "id", found a string}.
 */
public final class ExportFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file; // a Path is not serializable; nor is this ever serialized
  private final int line;
  private final int column;
  private final String reason;

  /**
   * @param line 1-based, or 0 when no position applies
   * @param column 1-based, or 0 when no position applies
   */
  public ExportFormatException(Path file, int line, int column, String reason, Throwable cause) {
    super(format(file, line, column, reason), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public ExportFormatException(Path file, String reason) {
    this(file, 0, 0, reason, null);
  }

  private static String format(Path file, int line, int column, String reason) {
    StringBuilder sb = new StringBuilder().append(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(reason).toString();
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The 1-based line, or 0 when no position applies. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when no position applies. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
