package dev.tgmd.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Holds an exclusive lock on a file in a process of its own, as another tgmd run would: prints
 * {@code locked} once it holds it, and keeps it until its standard input closes.
 */
public final class HoldLock {

  private HoldLock() {}

  @SuppressWarnings("try") // the lock is held while open
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our input
      }
    }
  }

  /** Starts a process holding the lock on {@code file}; returns once it holds it. */
  public static Process start(Path file) throws IOException {
    List<String> command = ChildJvm.command(List.of(), HoldLock.class.getName(), file.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line =
        new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    if (!"locked".equals(line)) {
      p.destroy();
      throw new IOException("the lock holder did not start: " + line);
    }
    return p;
  }
}
