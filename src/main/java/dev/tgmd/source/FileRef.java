package dev.tgmd.source;

/**
 * A file a message refers to: either a path relative to the export folder (untrusted: it may be
 * absolute or contain {@code ..}; the media package decides what may be read), or a placeholder
 * that Telegram Desktop wrote instead of a path when the file was not downloaded.
 *
 * @param path the path as written in result.json; null for a placeholder
 * @param placeholder the placeholder text, e.g. {@code (File not included. ...)}; null for a path
 * @param size the size in bytes the export states; null when not stated
 */
public record FileRef(String path, String placeholder, Long size) {

  public FileRef {
    if ((path == null) == (placeholder == null)) {
      throw new IllegalArgumentException("exactly one of path and placeholder must be given");
    }
  }

  /** A reference read from result.json: a placeholder when it looks like one, else a path. */
  public static FileRef of(String value, Long size) {
    return isPlaceholder(value) ? new FileRef(null, value, size) : new FileRef(value, null, size);
  }

  /**
   * True for the texts Telegram Desktop writes instead of a path, e.g. "(File not included...)".
   */
  public static boolean isPlaceholder(String value) {
    return value.isEmpty()
        || (value.startsWith("(")
            && value.endsWith(")")
            && (value.startsWith("(File ")
                || value.startsWith("(Photo ")
                || value.contains("not included")
                || value.contains("exceeds maximum size")
                || value.contains("unavailable")));
  }

  /** True when this is a placeholder rather than a path. */
  public boolean isPlaceholder() {
    return placeholder != null;
  }
}
