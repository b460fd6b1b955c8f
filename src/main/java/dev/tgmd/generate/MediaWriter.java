package dev.tgmd.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes media files under the export folder and counts what the generated result.json refers to.
 *
 * <p>Within a chat, the first file with a given pool content is written; later files with the same
 * content are hard links to it when {@code links} is on (creating a file costs far more than
 * linking one on many file systems), else full copies. Either way every path is a regular file with
 * the expected bytes. A file already at a path is replaced, never written through, so a previous
 * run's links cannot be altered. Falls back to copies for good when linking fails.
 *
 * <p>Not thread-safe. Remembers only the folders it created and, for the current chat, one path per
 * pool content: a bounded amount whatever the export's size.
 */
final class MediaWriter {

  private final Path root;
  private boolean links;
  private final Set<Path> folders = new HashSet<>();
  private final Map<byte[], Path> firstCopy = new IdentityHashMap<>();
  long files;
  long bytes;
  long linked;
  long references;
  long placeholders;
  long missing;

  MediaWriter(Path root, boolean links) {
    this.root = root;
    this.links = links;
  }

  /** Starts a new chat: its identical files link to each other, not to another chat's. */
  void startChat() {
    firstCopy.clear();
  }

  /** Writes one file at {@code relativePath} (with '/' separators) and counts the reference. */
  void write(String relativePath, byte[] content) throws IOException {
    Path file = root.resolve(relativePath);
    Path folder = file.getParent();
    if (folders.add(folder)) {
      Files.createDirectories(folder);
    }
    Path source = links ? firstCopy.get(content) : null;
    if (source == null || !link(file, source)) {
      copy(file, content);
      firstCopy.putIfAbsent(content, file);
    }
    files++;
    bytes += content.length;
    references++;
  }

  private boolean link(Path file, Path source) {
    try {
      try {
        Files.createLink(file, source);
      } catch (FileAlreadyExistsException e) {
        Files.delete(file);
        Files.createLink(file, source);
      }
      linked++;
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      links = false;
      return false;
    }
  }

  private static void copy(Path file, byte[] content) throws IOException {
    OutputStream out;
    try {
      out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      Files.delete(file);
      out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    try (OutputStream o = out) {
      o.write(content);
    }
  }

  /** Counts a reference to a file that was written before (a sticker sent again). */
  void reuse() {
    references++;
  }

  /** Counts a reference whose file is deliberately not written. */
  void skipMissing() {
    references++;
    missing++;
  }

  /** Counts a placeholder written instead of a path. */
  void placeholder() {
    placeholders++;
  }
}
