package dev.tgmd.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A metrics report file that cannot be read: missing, unreadable, not JSON, of another schema
 * version, or with a missing or invalid key. Its message is one line, {@code <file>: <reason>}.
 */
public final class MetricsReportException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String reason;

  /**
   * @param file the file that could not be read
   * @param reason why, on one line, e.g. "schema_version 2 is not supported (this tgmd reads 1)"
   * @param cause the underlying error, or null
   */
  public MetricsReportException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** Why, on one line, without the file name. */
  public String reason() {
    return reason;
  }
}
