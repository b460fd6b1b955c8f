package dev.tgmd.media;

import java.nio.file.Path;
import java.util.Objects;

/** What a file reference of the export turned out to be, once checked. */
public sealed interface CheckedFile {

  /** The path as the export wrote it (or the placeholder text). */
  String declared();

  /**
   * A regular file inside the export folder.
   *
   * @param file its path: the export folder's real path and {@code relative} (no link on the way:
   *     links are refused); to name it, not to read it (reads go through the {@link MediaResolver})
   * @param relative its path relative to the export folder, with {@code /} separators
   * @param size its size in bytes
   * @param checksum the CRC-32C of its content: files with another checksum differ, files with the
   *     same may be identical (compared byte by byte to be sure)
   * @param content the file's bytes when it is small (read anyway for the checksum, so that the
   *     copy and the comparison need not open it again); null for larger files
   */
  record Available(
      String declared, Path file, String relative, long size, long checksum, byte[] content)
      implements CheckedFile {
    public Available {
      Objects.requireNonNull(declared, "declared");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(relative, "relative");
    }
  }

  /** No file at that path. */
  record Missing(String declared) implements CheckedFile {}

  /**
   * A path that may not be followed: absolute, escaping with {@code ..}, a link, not a regular
   * file.
   */
  record Refused(String declared, String reason) implements CheckedFile {}

  /** A placeholder Telegram Desktop wrote instead of a path. */
  record Placeholder(String declared) implements CheckedFile {}

  /**
   * A regular file inside the export folder, checked but not read because media copying is off
   * ({@code --media none}).
   */
  record Skipped(String declared) implements CheckedFile {}
}
