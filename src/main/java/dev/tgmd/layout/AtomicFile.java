package dev.tgmd.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one file outside OUT (such as {@code --openmetrics FILE}, which a collector reads while
 * tgmd runs from cron) atomically: the bytes go into a new temporary file in the same folder, made
 * durable, then moved over the file in one step, so a reader sees the old file or the new one,
 * never half of one. The temporary file is created anew (never through a link) with the umask's
 * permissions, like any tool's output; on failure it is removed. Thread-safe (nothing shared).
 */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Replaces {@code file} by {@code bytes}.
   *
   * @throws IOException when the folder is missing, the file is a folder, or writing or moving
   *     failed (the file is then as it was)
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path abs = file.toAbsolutePath();
    Path folder = abs.getParent();
    Path name = abs.getFileName();
    if (folder == null || name == null) {
      throw new IOException(file + " is not a file name");
    }
    if (!Files.isDirectory(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "no such folder");
    }
    if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is a folder, not a file");
    }
    Path tmp =
        folder.resolve(
            "." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
