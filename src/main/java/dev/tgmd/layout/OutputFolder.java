package dev.tgmd.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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

  private RunLock lock;
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
    if (lock == null) {
      lock = RunLock.take(folder(STATE_FOLDER), path(STATE_FOLDER + "/" + LOCK_FILE), root);
    }
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
    return rootDir.removeLeftovers(root);
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
    Entry entry = entry(relative);
    FolderHandle dir = entry.dir();
    String name = entry.name();
    FolderHandle.Temp temp = dir.writeTemp(content, false);
    temp.renameTo(name);
    return temp.size;
  }

  /**
   * Writes {@code relative} whole or not at all, as {@link #write}, unless its bytes are there
   * already (then nothing is touched: no new modification time, nothing for a sync to see), or the
   * file there is not tgmd's: when {@code ownership} says that its content is not what tgmd wrote,
   * it stays as it is and the content goes to {@code beside} (in the same folder) instead.
   *
   * @param beside the file name, in {@code relative}'s folder, for tgmd's version of a file that is
   *     not tgmd's
   */
  public synchronized WrittenFile writeUnlessEdited(
      String relative, String beside, Content content, Ownership ownership) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash);
    String name = check(relative.substring(slash + 1), relative);
    check(beside, beside);
    FolderHandle dir = folder(folder);
    FolderHandle.Temp temp = dir.writeTemp(content, true);
    BasicFileAttributes there = dir.attributes(name);
    if (there != null && there.isRegularFile()) {
      String existing = null;
      if (there.size() == temp.size) {
        existing = dir.checksum(name);
        if (existing.equals(temp.checksum)) {
          temp.delete();
          return new WrittenFile(relative, temp.size, temp.checksum, Placement.UNCHANGED);
        }
      }
      if (existing == null) {
        existing = dir.checksum(name);
      }
      if (!ownership.ours(relative, existing)) {
        String besidePath = folder.isEmpty() ? beside : folder + "/" + beside;
        placing(ownership, besidePath, temp);
        temp.renameTo(beside);
        return new WrittenFile(besidePath, temp.size, temp.checksum, Placement.BESIDE);
      }
    }
    placing(ownership, relative, temp);
    temp.renameTo(name);
    return new WrittenFile(relative, temp.size, temp.checksum, Placement.WRITTEN);
  }

  private static void placing(Ownership ownership, String relative, FolderHandle.Temp temp)
      throws IOException {
    try {
      ownership.placing(relative, temp.checksum);
    } catch (IOException | RuntimeException e) {
      temp.delete();
      throw e;
    }
  }

  /** The size of the regular file {@code relative}; a link is not followed. */
  public synchronized long size(String relative) throws IOException {
    Entry e = entry(relative, false);
    BasicFileAttributes a = e.dir().attributes(e.name());
    if (a == null || !a.isRegularFile()) {
      throw new java.nio.file.NoSuchFileException(path(relative).toString());
    }
    return a.size();
  }

  /** Whether {@code relative} is a regular file (a link is not followed, and is not one). */
  public synchronized boolean isFile(String relative) throws IOException {
    BasicFileAttributes a;
    try {
      Entry entry = entry(relative, false);
      a = entry.dir().attributes(entry.name());
    } catch (OutputRefusedException | java.nio.file.NoSuchFileException e) {
      return false;
    }
    return a != null && a.isRegularFile();
  }

  /**
   * The path of a file of tgmd's own state in {@link #STATE_FOLDER}, for a library that opens it by
   * path (the archive's database): the state folder is opened as every folder is (no link), and the
   * file, with the side files SQLite keeps beside it, must not be a link or anything but a regular
   * file.
   *
   * @throws OutputRefusedException when one of them is
   */
  public synchronized Path stateFile(String name) throws IOException {
    ensureOpen();
    check(name, name);
    FolderHandle state = folder(STATE_FOLDER);
    for (String n : List.of(name, name + "-wal", name + "-shm", name + "-journal")) {
      BasicFileAttributes a = state.attributes(n);
      if (a != null && !a.isRegularFile()) {
        throw new OutputRefusedException(
            path(STATE_FOLDER + "/" + n)
                + " is "
                + (a.isSymbolicLink() ? "a symbolic link" : "not a file")
                + ": tgmd follows no link in OUT and writes only its own files");
      }
    }
    return path(STATE_FOLDER + "/" + name);
  }

  /** A file's checksum, as notes are recorded; a link in its place is refused, not followed. */
  public synchronized String checksum(String relative) throws IOException {
    Entry e = entry(relative, false);
    return e.dir().checksum(e.name());
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
    Entry entry = entry(relative);
    FolderHandle dir = entry.dir();
    String name = entry.name();
    return Channels.newOutputStream(
        dir.newFile(
            name,
            Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
  }

  /** Opens a file tgmd wrote, to read it back; a link in its place is refused, not followed. */
  public synchronized InputStream read(String relative) throws IOException {
    Entry entry = entry(relative, false);
    FolderHandle dir = entry.dir();
    String name = entry.name();
    return Channels.newInputStream(dir.newFile(name, Set.of(StandardOpenOption.READ)));
  }

  /** Removes a file, or a folder with everything in it, when it exists; follows no link. */
  public synchronized void delete(String relative) throws IOException {
    Entry entry = entry(relative);
    FolderHandle dir = entry.dir();
    String name = entry.name();
    BasicFileAttributes a = dir.attributes(name);
    if (a == null) {
      return;
    }
    if (a.isDirectory()) {
      closeOpenBelow(relative);
      dir.deleteTree(name, path(relative));
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

  /** The open folder at {@code relative}, each level opened (and created when missing) in turn. */
  private FolderHandle folder(String relative) throws IOException {
    return folder(relative, true);
  }

  /**
   * The open folder at {@code relative}, created when missing when {@code create}; else null when
   * it is missing (to read, nothing is made).
   */
  private FolderHandle folder(String relative, boolean create) throws IOException {
    if (relative.isEmpty()) {
      return rootDir;
    }
    FolderHandle dir = open.get(relative);
    if (dir != null) {
      return dir;
    }
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle parent = folder(slash < 0 ? "" : relative.substring(0, slash), create);
    if (parent == null) {
      return null;
    }
    Path shown = path(relative);
    if (parent.attributes(name) == null) {
      if (!create) {
        return null;
      }
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

  /** A file's folder, opened, and its name in it. */
  private record Entry(FolderHandle dir, String name) {}

  /** The entry of {@code relative}: its folder opened (created when missing), its name checked. */
  private Entry entry(String relative) throws IOException {
    return entry(relative, true);
  }

  /**
   * The entry of {@code relative}, its name checked; its folder created when missing when {@code
   * create}, else a missing folder is a missing file.
   */
  private Entry entry(String relative, boolean create) throws IOException {
    ensureOpen();
    int slash = relative.lastIndexOf('/');
    String name = check(relative.substring(slash + 1), relative);
    FolderHandle dir = folder(slash < 0 ? "" : relative.substring(0, slash), create);
    if (dir == null) {
      throw new java.nio.file.NoSuchFileException(path(relative).toString());
    }
    return new Entry(dir, name);
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
      all.add(lock);
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
