package dev.tgmd.media;

import dev.tgmd.source.FileRef;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Checks the files an export refers to, checksums them and opens them for copying. Paths in
 * result.json are untrusted: an absolute path or a {@code ..} that climbs out of the export folder
 * is refused, and so is a symbolic link anywhere on the way (Telegram Desktop writes none; a link
 * could lead anywhere, or be swapped in while tgmd runs).
 *
 * <p>A file is opened relative to the export folder one level at a time, each folder relative to
 * its parent's open handle and the file relative to its folder's, never following a link (through
 * {@link SecureDirectoryStream}: openat with O_NOFOLLOW); its size is taken from what was opened.
 * So what is read is what was checked, whatever is renamed or linked meanwhile. Where {@link
 * SecureDirectoryStream} is not available (Windows), each level is checked with lstat before it is
 * opened instead: a link swapped in between the check and the open is followed there.
 *
 * <p>The handles of the folders files were found in are kept (at most {@value #KEPT_FOLDERS}): the
 * next file of a folder is opened relative to its handle, without walking the path again (an export
 * has a few folders and thousands of files in each). A folder opened once stays the one read from,
 * even if a link is put in its place later: it is never followed.
 *
 * <p>Thread-safe: the process stage's workers share one. Holds a handle of the export folder, and
 * of the folders kept, until {@link #close()}.
 */
public final class MediaResolver implements Closeable {

  /** Files up to this size are kept in memory between the process and the write stage. */
  static final int SMALL_FILE = 256 * 1024;

  private static final String LINK = "it is a symbolic link, which tgmd does not follow";

  /** The most folder handles kept open (file descriptors), beyond which folders are walked. */
  static final int KEPT_FOLDERS = 64;

  /** Folders opened, by their path below the export folder ({@code chats/chat_001/photos}). */
  private final java.util.concurrent.ConcurrentHashMap<String, SecureDirectoryStream<Path>>
      folders = new java.util.concurrent.ConcurrentHashMap<>();

  private boolean closed;

  private final Path root;

  /** The export folder's handle; null where the platform has no {@link SecureDirectoryStream}. */
  private final SecureDirectoryStream<Path> handle;

  /**
   * @param exportFolder the export's folder; media paths are relative to it (the folder itself may
   *     be reached through links: that is the user's path)
   */
  public MediaResolver(Path exportFolder) throws IOException {
    this.root = exportFolder.toRealPath();
    DirectoryStream<Path> stream = Files.newDirectoryStream(root);
    if (stream instanceof SecureDirectoryStream) {
      this.handle = (SecureDirectoryStream<Path>) stream;
    } else {
      stream.close();
      this.handle = null;
    }
  }

  /** The export folder, as a real path. */
  public Path root() {
    return root;
  }

  /** What {@code ref} is: an available file (checksummed), missing, refused, or a placeholder. */
  public CheckedFile resolve(FileRef ref) throws IOException {
    return examine(ref, true);
  }

  /**
   * What {@code ref} is, without reading it (for {@code --media none}): missing, refused or a
   * placeholder as {@link #resolve} would say, and {@link CheckedFile.Skipped} for a file that is
   * there and may be used. Opens the file the same way (no link followed), never reads it.
   */
  public CheckedFile check(FileRef ref) throws IOException {
    return examine(ref, false);
  }

  private CheckedFile examine(FileRef ref, boolean read) throws IOException {
    if (ref.isPlaceholder()) {
      return new CheckedFile.Placeholder(ref.placeholder());
    }
    String declared = ref.path();
    String relative = normalize(declared);
    if (relative == null) {
      return new CheckedFile.Refused(
          declared, "its path is absolute or leads outside the export folder");
    }
    try {
      root.getFileSystem().getPath(relative);
    } catch (java.nio.file.InvalidPathException e) {
      // e.g. a lone surrogate: no file on disk can have that name
      return new CheckedFile.Refused(
          declared, "its name is not valid Unicode, so no file can have it");
    }
    try (SeekableByteChannel in = open(relative)) {
      if (!read) {
        return new CheckedFile.Skipped(declared);
      }
      long size = in.size();
      Path file = root.resolve(relative);
      if (size <= SMALL_FILE) {
        byte[] content = readAll(in, size);
        CRC32C crc = new CRC32C();
        crc.update(content);
        return new CheckedFile.Available(
            declared, file, relative, content.length, crc.getValue(), content);
      }
      return new CheckedFile.Available(declared, file, relative, size, checksum(in), null);
    } catch (Unavailable e) {
      return e.missing
          ? new CheckedFile.Missing(declared)
          : new CheckedFile.Refused(declared, e.reason);
    }
  }

  /**
   * Opens a file {@link #resolve} found available, again, the same way (no link followed at any
   * level), to copy or compare it.
   *
   * @throws ChangedException when it is no longer there, no longer a regular file, or no longer of
   *     the size it was checked at
   */
  InputStream open(String relative, long size) throws IOException {
    SeekableByteChannel in;
    try {
      in = open(relative);
    } catch (Unavailable e) {
      throw new ChangedException(
          root.resolve(relative) + ": " + (e.missing ? "it is gone" : e.reason));
    }
    if (in.size() != size) {
      in.close();
      throw new ChangedException(root.resolve(relative) + ": its size changed");
    }
    return Channels.newInputStream(in);
  }

  /** A file of the export changed between its check and its copy: it is not copied. */
  static final class ChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedException(String message) {
      super(message);
    }
  }

  /** Why a path cannot be read: not there, or refused. */
  private static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean missing;
    final String reason;

    Unavailable(boolean missing, String reason) {
      super(reason, null, false, false);
      this.missing = missing;
      this.reason = reason;
    }
  }

  /** Opens {@code relative} (normalized) for reading, one level at a time, following no link. */
  private SeekableByteChannel open(String relative) throws IOException, Unavailable {
    String[] parts = relative.split("/");
    if (handle == null) {
      Path p = root;
      for (int i = 0; i < parts.length; i++) {
        p = p.resolve(parts[i]);
        check(lstat(p), i == parts.length - 1);
      }
      return Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash);
    SecureDirectoryStream<Path> kept = slash < 0 ? handle : folders.get(folder);
    if (kept != null) {
      return openIn(kept, parts[parts.length - 1]);
    }
    List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
    SecureDirectoryStream<Path> dir = handle;
    try {
      for (int i = 0; i < parts.length - 1; i++) {
        Path name = root.getFileSystem().getPath(parts[i]);
        check(attributes(dir, name), false);
        try {
          dir = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
          opened.add(dir);
        } catch (IOException e) {
          check(attributes(dir, name), false); // swapped since the check: say what it is now
          throw e;
        }
      }
      if (keep(folder, dir)) {
        opened.remove(dir);
      }
      return openIn(dir, parts[parts.length - 1]);
    } finally {
      for (SecureDirectoryStream<Path> d : opened) {
        d.close();
      }
    }
  }

  /** Opens the file {@code file} of the folder {@code dir} for reading, following no link. */
  private SeekableByteChannel openIn(SecureDirectoryStream<Path> dir, String file)
      throws IOException, Unavailable {
    Path name = root.getFileSystem().getPath(file);
    check(attributes(dir, name), true);
    try {
      return dir.newByteChannel(
          name, Set.<OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      check(attributes(dir, name), true); // swapped since the check: say what it is now
      throw e;
    }
  }

  /** Keeps the handle of {@code folder} open for its next files; false when it is not kept. */
  private synchronized boolean keep(String folder, SecureDirectoryStream<Path> dir) {
    if (closed || folders.size() >= KEPT_FOLDERS || folders.containsKey(folder)) {
      return false;
    }
    folders.put(folder, dir);
    return true;
  }

  /** Refuses a link, and anything but a folder on the way or a regular file at the end. */
  private static void check(BasicFileAttributes a, boolean last) throws Unavailable {
    if (a == null) {
      throw new Unavailable(true, null);
    }
    if (a.isSymbolicLink()) {
      throw new Unavailable(false, LINK);
    }
    if (last && !a.isRegularFile()) {
      throw new Unavailable(false, "it is not a regular file");
    }
    if (!last && !a.isDirectory()) {
      throw new Unavailable(true, null);
    }
  }

  private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name)
      throws IOException {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static byte[] readAll(SeekableByteChannel in, long size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining() && in.read(b) >= 0) {
      // until full, or the end if the file shrank meanwhile
    }
    return b.position() == b.capacity()
        ? b.array()
        : java.util.Arrays.copyOf(b.array(), b.position());
  }

  /** Closes the export folder's handle. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      closed = true;
    }
    for (SecureDirectoryStream<Path> d : folders.values()) {
      d.close();
    }
    folders.clear();
    if (handle != null) {
      handle.close();
    }
  }

  /**
   * The path with {@code /} separators, {@code .} and inner {@code ..} resolved; null when it is
   * absolute or climbs above the export folder.
   */
  static String normalize(String declared) {
    if (declared.isEmpty() || declared.indexOf('\0') >= 0) {
      return null;
    }
    String p = declared.replace('\\', '/');
    if (p.startsWith("/")
        || (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0)))) {
      return null;
    }
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String segment : p.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }

  /**
   * The CRC-32C of a file's content: cheap (the JVM computes it with the processor's CRC
   * instruction) and enough to tell most different files apart; equal checksums are confirmed byte
   * by byte by the {@link MediaStore}.
   */
  private static long checksum(SeekableByteChannel in) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buf = ByteBuffer.wrap(BUFFER.get());
    while (in.read(buf) > 0 || buf.position() > 0) {
      buf.flip();
      crc.update(buf);
      buf.clear();
    }
    return crc.getValue();
  }

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);
}
