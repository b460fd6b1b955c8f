package dev.tgmd.layout;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one writer into an export's output folder (OUT): notes, media, the metrics report, the work
 * files and the lock all go through it.
 *
 * <ul>
 *   <li><b>No links.</b> OUT and every folder under it are opened one level at a time, each
 *       relative to its parent's open handle without following a symbolic link (through {@link
 *       SecureDirectoryStream}: openat with O_NOFOLLOW). A link, or anything but a folder, where a
 *       folder should be is refused with an {@link OutputRefusedException} naming it, before
 *       anything is written below it. Files are created, renamed and deleted relative to their
 *       folder's handle, so a link swapped in after a check is never followed. A link in a file's
 *       place is replaced by the rename, never written through.
 *   <li><b>Atomic.</b> A file is written into a temporary file {@code .tgmd-<random>.tmp} in its
 *       folder, then renamed over its name: a reader sees the old file or the new one, never a
 *       part. Nothing is flushed to the disk (no fsync): a power cut may lose a note, not mix two.
 *   <li><b>The umask.</b> Files are created with mode 0666 and folders with 0777, less the umask,
 *       like any tool's output (0644 and 0755 under umask 022).
 *   <li><b>One run at a time.</b> {@link #lock()} takes an exclusive lock on {@code OUT/.tgmd/lock}
 *       for as long as the folder is open; {@link #removeLeftovers()} then removes what runs killed
 *       midway left: work folders {@code .tgmd-work-*} and temporary files.
 * </ul>
 *
 * <p>Folders are created by path ({@code mkdir}, which does not follow a link in its last
 * component, but resolves the others again), then opened relative to their parent's handle: a
 * folder above swapped for a link at that moment can get an empty folder created through it, never
 * a file. Where {@link SecureDirectoryStream} is not available (Windows), each level is checked
 * with lstat before it is used and files are opened without following links: the same refusals, but
 * a link swapped in between a check and its use is followed.
 *
 * <p>Paths are relative to OUT, with {@code /} separators, without empty, {@code .} or {@code ..}
 * segments (else {@link IllegalArgumentException}). Thread-safe: every method is synchronized.
 * Holds open handles of the folders used last (at most {@value #OPEN_FOLDERS}) and the lock until
 * {@link #close()}.
 */
public final class OutputFolder implements Closeable {

  /** The folder in OUT that holds tgmd's own state: the lock (and the vault's archive). */
  public static final String STATE_FOLDER = ".tgmd";

  /** The lock file, in {@link #STATE_FOLDER}. */
  static final String LOCK_FILE = "lock";

  /**
   * Temporary files are named {@code .tgmd-<random>.tmp}; work folders {@code .tgmd-work-<random>}.
   */
  static final String TEMP_PREFIX = ".tgmd-";

  static final String TEMP_SUFFIX = ".tmp";

  /** What versions before 0.2 named a media file being copied; removed as a leftover too. */
  private static final String OLD_TEMP_SUFFIX = ".part";

  static final String WORK_PREFIX = ".tgmd-work-";

  static final int OPEN_FOLDERS = 64;

  /** What a file's content is, written to a stream. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path root;
  private final FolderHandle rootDir;

  /** Open folders by their path relative to OUT, the least recently used first. */
  private final Map<String, FolderHandle> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FolderHandle> eldest) {
          if (size() > OPEN_FOLDERS) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };

  private FileChannel lockChannel;
  private FileLock lock;
  private boolean closed;

  private OutputFolder(Path root, FolderHandle rootDir) {
    this.root = root;
    this.rootDir = rootDir;
  }

  /**
   * Opens OUT, creating it (and its missing parents) when it does not exist.
   *
   * <p>OUT is opened relative to its parent's handle, without following a link; when the parent may
   * be passed through but not read (mode 711), by its path, after the check.
   *
   * @throws OutputRefusedException when OUT is a symbolic link (the folders above it may be links:
   *     that is the user's path) or not a folder
   */
  public static OutputFolder open(Path out) throws IOException {
    Path abs = out.toAbsolutePath();
    BasicFileAttributes attrs = FolderHandle.lstat(abs);
    if (attrs == null) {
      Files.createDirectories(abs);
    } else {
      FolderHandle.refuseUnlessFolder(abs, attrs, out);
    }
    Path parent = abs.getParent();
    FolderHandle dir;
    if (parent == null || abs.getFileName() == null) {
      dir = FolderHandle.of(abs);
    } else {
      FolderHandle p;
      try {
        p = FolderHandle.of(parent);
      } catch (AccessDeniedException e) {
        p = null; // a folder one may pass through but not list (mode 711): OUT by its path, checked
        // above
      }
      if (p == null) {
        dir = FolderHandle.of(abs);
      } else {
        try (FolderHandle opened = p) {
          dir = opened.open(abs.getFileName().toString(), abs, out);
        }
      }
    }
    return new OutputFolder(out, dir);
  }

  /** OUT, as it was given. */
  public Path root() {
    return root;
  }

  /** Where {@code relative} is, for messages (resolved against OUT; nothing is checked). */
  public Path path(String relative) {
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  /**
   * Takes the exclusive lock on {@code OUT/.tgmd/lock}, held until {@link #close()} (or until the
   * process ends, however it ends: the system releases it), and writes this process's id and start
   * time into it for the message a second run shows.
   *
   * <p>The lock is a {@link FileChannel#tryLock()} lock: between processes on the systems tgmd runs
   * on, it is the system's; within one JVM (tests), a second lock is refused as well.
   *
   * @throws OutputRefusedException when another run holds it
   */
  public synchronized void lock() throws IOException {
    ensureOpen();
    if (lock != null) {
      return;
    }
    FolderHandle state = folder(STATE_FOLDER);
    SeekableByteChannel ch =
        state.newFile(
            LOCK_FILE,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
    if (!(ch instanceof FileChannel)) {
      ch.close();
      throw new IOException(
          "cannot lock " + path(STATE_FOLDER + "/" + LOCK_FILE) + ": not a lockable file");
    }
    FileChannel channel = (FileChannel) ch;
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
              + root
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
    lockChannel = channel;
    lock = taken;
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

  /**
   * Removes what earlier runs left when they were killed: work folders {@code .tgmd-work-*} and
   * temporary files {@code .tgmd-*.tmp} anywhere under OUT. Walks without following links (a link
   * is left alone, whatever its name); removes nothing else.
   *
   * @return how many leftovers were removed
   */
  public synchronized int removeLeftovers() throws IOException {
    ensureOpen();
    return removeLeftovers(rootDir, "");
  }

  private int removeLeftovers(FolderHandle dir, String relative) throws IOException {
    int removed = 0;
    for (String name : dir.names()) {
      BasicFileAttributes a = dir.attributes(name);
      if (a == null || a.isSymbolicLink()) {
        continue;
      }
      String child = relative.isEmpty() ? name : relative + "/" + name;
      if (a.isDirectory()) {
        if (name.startsWith(WORK_PREFIX)) {
          deleteTree(dir, name, child);
          removed++;
        } else {
          try (FolderHandle sub = dir.open(name, path(child), null)) {
            removed += removeLeftovers(sub, child);
          }
        }
      } else if (a.isRegularFile() && isTemporary(name)) {
        dir.deleteFile(name);
        removed++;
      }
    }
    return removed;
  }

  static boolean isTemporary(String name) {
    return name.startsWith(TEMP_PREFIX)
        && !name.startsWith(WORK_PREFIX)
        && (name.endsWith(TEMP_SUFFIX) || name.endsWith(OLD_TEMP_SUFFIX));
  }

  /**
   * Writes {@code relative} whole or not at all (a temporary file renamed over it), creating its
   * missing folders.
   *
   * @return the bytes written
   * @throws OutputRefusedException when a folder on the way is a link or not a folder
   */
  public synchronized long write(String relative, Content content) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle dir = folder(slash < 0 ? "" : relative.substring(0, slash));
    String tmp = null;
    SeekableByteChannel ch = null;
    for (int attempt = 0; ch == null; attempt++) {
      tmp =
          TEMP_PREFIX
              + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
              + TEMP_SUFFIX;
      try {
        ch = dir.newFile(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
    boolean renamed = false;
    try {
      long size;
      try (SeekableByteChannel c = ch;
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        size = c.size();
      }
      dir.rename(tmp, name);
      renamed = true;
      return size;
    } finally {
      if (!renamed) {
        try {
          dir.deleteFile(tmp);
        } catch (IOException e) {
          // a leftover: the next run removes it
        }
      }
    }
  }

  /**
   * Creates a work folder {@code .tgmd-work-<random>} in OUT for files that live only during the
   * run (removed with {@link #delete}, or as a leftover by the next run).
   *
   * @return its path relative to OUT
   */
  public synchronized String createWorkFolder() throws IOException {
    ensureOpen();
    for (int attempt = 0; ; attempt++) {
      String name = WORK_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      try {
        rootDir.createFolder(name, path(name));
        return name;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
  }

  /**
   * Opens a work file for appending, creating it when missing (not atomic: for files that live only
   * during the run, such as the bodies of notes too large for memory).
   */
  public synchronized OutputStream append(String relative) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle dir = folder(slash < 0 ? "" : relative.substring(0, slash));
    return Channels.newOutputStream(
        dir.newFile(
            name,
            Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
  }

  /** Opens a file tgmd wrote, to read it back; a link in its place is refused, not followed. */
  public synchronized InputStream read(String relative) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle dir = folder(slash < 0 ? "" : relative.substring(0, slash));
    return Channels.newInputStream(dir.newFile(name, Set.of(StandardOpenOption.READ)));
  }

  /** Removes a file, or a folder with everything in it, when it exists; follows no link. */
  public synchronized void delete(String relative) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle dir = folder(slash < 0 ? "" : relative.substring(0, slash));
    BasicFileAttributes a = dir.attributes(name);
    if (a == null) {
      return;
    }
    if (a.isDirectory()) {
      closeOpenBelow(relative);
      deleteTree(dir, name, relative);
    } else {
      dir.deleteFile(name);
    }
  }

  private void closeOpenBelow(String relative) {
    open.entrySet()
        .removeIf(
            e -> {
              boolean below = e.getKey().equals(relative) || e.getKey().startsWith(relative + "/");
              if (below) {
                closeQuietly(e.getValue());
              }
              return below;
            });
  }

  private void deleteTree(FolderHandle parent, String name, String relative) throws IOException {
    try (FolderHandle dir = parent.open(name, path(relative), null)) {
      for (String child : dir.names()) {
        BasicFileAttributes a = dir.attributes(child);
        if (a != null && a.isDirectory()) {
          deleteTree(dir, child, relative + "/" + child);
        } else if (a != null) {
          dir.deleteFile(child);
        }
      }
    }
    parent.deleteFolder(name);
  }

  /** The open folder at {@code relative}, each level opened (and created when missing) in turn. */
  private FolderHandle folder(String relative) throws IOException {
    if (relative.isEmpty()) {
      return rootDir;
    }
    FolderHandle dir = open.get(relative);
    if (dir != null) {
      return dir;
    }
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle parent = folder(slash < 0 ? "" : relative.substring(0, slash));
    Path shown = path(relative);
    if (parent.attributes(name) == null) {
      try {
        parent.createFolder(name, shown);
      } catch (FileAlreadyExistsException e) {
        // made meanwhile: opened and checked below like any folder
      }
    }
    dir = parent.open(name, shown, null);
    open.put(relative, dir);
    return dir;
  }

  private static String check(String name, String relative) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("not a plain relative path: '" + relative + "'");
    }
    return name;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the output folder " + root + " is closed");
    }
  }

  /** Releases the lock and closes every open folder. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = null;
    List<Closeable> all = new ArrayList<>();
    if (lock != null) {
      all.add(lock::release);
    }
    if (lockChannel != null) {
      all.add(lockChannel);
    }
    all.addAll(open.values());
    all.add(rootDir);
    open.clear();
    for (Closeable c : all) {
      try {
        c.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // a read-only handle: nothing is lost
    }
  }
}
