package dev.tgmd.layout;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The exclusive lock of one run on its OUT ({@code OUT/.tgmd/lock}), holding this process's id and
 * start time for the message a second run shows. See {@link OutputFolder#lock()}.
 */
final class RunLock implements Closeable {

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on the file {@code name} in {@code state}.
   *
   * @param file the lock file's path, for messages
   * @param out OUT as the user named it, for messages
   * @throws OutputRefusedException when another run holds it
   */
  static RunLock take(FolderHandle state, Path file, Path out) throws IOException {
    SeekableByteChannel ch =
        state.newFile(
            OutputFolder.LOCK_FILE,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
    if (!(ch instanceof FileChannel channel)) {
      ch.close();
      throw new IOException("cannot lock " + file + ": not a lockable file");
    }
    FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (taken == null) {
      String holder = holder(channel);
      channel.close();
      throw new OutputRefusedException(
          "--out "
              + out
              + " is in use by another tgmd run ("
              + holder
              + "); wait for it or stop it");
    }
    try {
      ProcessHandle self = ProcessHandle.current();
      Instant started =
          self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
      byte[] text =
          ("pid " + self.pid() + "\nstarted " + started + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      ByteBuffer b = ByteBuffer.wrap(text);
      while (b.hasRemaining()) {
        channel.write(b, b.position());
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new RunLock(channel, taken);
  }

  /** "pid 12, started 2024-05-01T10:00:00Z", from what the holder wrote into the lock file. */
  private static String holder(FileChannel channel) {
    String pid = null;
    String started = null;
    try {
      ByteBuffer b = ByteBuffer.allocate(256);
      while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
        // read what is there, up to 256 bytes
      }
      for (String line :
          new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("pid ")) {
          pid = line.substring(4).strip();
        } else if (line.startsWith("started ")) {
          started = line.substring(8).strip();
        }
      }
    } catch (IOException e) {
      // the holder is named as unknown
    }
    return "pid "
        + (pid == null || pid.isEmpty() ? "unknown" : pid)
        + (started == null ? "" : ", started " + started);
  }

  /** Releases the lock and closes its file. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
