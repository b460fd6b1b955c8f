package dev.tgmd.layout;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open folder of OUT: file operations relative to it, following no link. Through a {@link
 * SecureDirectoryStream} where the platform has one (every operation relative to the folder's
 * handle: openat with O_NOFOLLOW); elsewhere each level is checked with lstat before it is used
 * (racy; see {@link OutputFolder}). Not thread-safe: {@link OutputFolder} synchronizes.
 */
abstract class FolderHandle implements Closeable {

  static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Refuses a link or a non-folder at {@code shown}.
   *
   * @param asGiven OUT as the user named it when {@code shown} is OUT itself, else null
   */
  static void refuseUnlessFolder(Path shown, BasicFileAttributes a, Path asGiven)
      throws OutputRefusedException {
    if (a.isSymbolicLink()) {
      String target;
      try {
        target = Files.readSymbolicLink(shown).toString();
      } catch (IOException | UnsupportedOperationException e) {
        target = "?";
      }
      if (asGiven != null) {
        throw new OutputRefusedException(
            "--out " + asGiven + " is a symbolic link (to " + target + "): name the folder itself");
      }
      throw new OutputRefusedException(
          shown
              + " is a symbolic link (to "
              + target
              + "): tgmd writes nothing through links in its output folder; remove the link");
    }
    if (!a.isDirectory()) {
      throw new OutputRefusedException(
          (asGiven != null ? "--out " + asGiven : shown.toString())
              + " is not a folder: tgmd needs a folder there");
    }
  }

  /** A handle of {@code path}, following links on the way (the user's path to OUT). */
  static FolderHandle of(Path path) throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(path);
    if (stream instanceof SecureDirectoryStream) {
      return new SecureHandle(path, (SecureDirectoryStream<Path>) stream);
    }
    stream.close();
    return new CheckedHandle(path);
  }

  /** The {@link ContentChecksum} of the file {@code name}; a link there is not followed. */
  String checksum(String name) throws IOException {
    ContentChecksum sum = new ContentChecksum();
    try (InputStream in = Channels.newInputStream(newFile(name, Set.of(StandardOpenOption.READ)))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sum.update(buffer, 0, n);
      }
    }
    return sum.hex();
  }

  /** A temporary file written in a folder, to be renamed into place or deleted. */
  static final class Temp {
    final FolderHandle dir;
    final String name;
    final long size;
    final String checksum;

    Temp(FolderHandle dir, String name, long size, String checksum) {
      this.dir = dir;
      this.name = name;
      this.size = size;
      this.checksum = checksum;
    }

    void renameTo(String target) throws IOException {
      boolean renamed = false;
      try {
        dir.rename(name, target);
        renamed = true;
      } finally {
        if (!renamed) {
          delete();
        }
      }
    }

    void delete() {
      try {
        dir.deleteFile(name);
      } catch (IOException e) {
        // a leftover: the next run removes it
      }
    }
  }

  /**
   * Writes {@code content} into a new temporary file {@code .tgmd-<random>.tmp} here, hashing it
   * its {@link ContentChecksum} when {@code digest}; the file is deleted when writing fails.
   */
  Temp writeTemp(OutputFolder.Content content, boolean digest) throws IOException {
    String tmp = null;
    SeekableByteChannel ch = null;
    for (int attempt = 0; ch == null; attempt++) {
      tmp =
          OutputFolder.TEMP_PREFIX
              + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
              + OutputFolder.TEMP_SUFFIX;
      try {
        ch = newFile(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
    boolean written = false;
    try {
      long size;
      ContentChecksum sum = digest ? new ContentChecksum() : null;
      try (SeekableByteChannel c = ch;
          OutputStream file = new BufferedOutputStream(Channels.newOutputStream(c), 1 << 16);
          OutputStream out = sum == null ? file : sum.tee(file)) {
        content.writeTo(out);
        out.flush();
        size = c.size();
      }
      written = true;
      return new Temp(this, tmp, size, sum == null ? null : sum.hex());
    } finally {
      if (!written) {
        try {
          deleteFile(tmp);
        } catch (IOException e) {
          // a leftover: the next run removes it
        }
      }
    }
  }

  /**
   * Removes what killed runs left below this folder (at {@code at}): work folders {@code
   * .tgmd-work-*} and temporary files; follows no link, removes nothing else.
   *
   * @return how many were removed
   */
  int removeLeftovers(Path at) throws IOException {
    int removed = 0;
    for (String name : names()) {
      BasicFileAttributes a = attributes(name);
      if (a == null || a.isSymbolicLink()) {
        continue;
      }
      if (a.isDirectory()) {
        if (name.startsWith(OutputFolder.WORK_PREFIX)) {
          deleteTree(name, at.resolve(name));
          removed++;
        } else {
          try (FolderHandle sub = open(name, at.resolve(name), null)) {
            removed += sub.removeLeftovers(at.resolve(name));
          }
        }
      } else if (a.isRegularFile() && OutputFolder.isTemporary(name)) {
        deleteFile(name);
        removed++;
      }
    }
    return removed;
  }

  /** Removes the folder {@code name} (at {@code at}) with everything in it; follows no link. */
  void deleteTree(String name, Path at) throws IOException {
    try (FolderHandle dir = open(name, at, null)) {
      for (String child : dir.names()) {
        BasicFileAttributes a = dir.attributes(child);
        if (a != null && a.isDirectory()) {
          dir.deleteTree(child, at.resolve(child));
        } else if (a != null) {
          dir.deleteFile(child);
        }
      }
    }
    deleteFolder(name);
  }

  /** The entry's own attributes (a link is not followed); null when there is none. */
  abstract BasicFileAttributes attributes(String name) throws IOException;

  /** Opens the folder {@code name}, refusing a link or a non-folder there. */
  final FolderHandle open(String name, Path shown, Path asGiven) throws IOException {
    BasicFileAttributes a = attributes(name);
    if (a == null) {
      throw new NoSuchFileException(shown.toString());
    }
    refuseUnlessFolder(shown, a, asGiven);
    try {
      return openFolder(name);
    } catch (IOException e) {
      BasicFileAttributes now = attributes(name);
      if (now != null) {
        refuseUnlessFolder(shown, now, asGiven); // swapped since the check
      }
      throw e;
    }
  }

  abstract FolderHandle openFolder(String name) throws IOException;

  /** mkdir: creates a folder, with mode 0777 less the umask; does not follow a link at its name. */
  abstract void createFolder(String name, Path shown) throws IOException;

  /** Opens a file without following a link at its name; creates it with 0666 less the umask. */
  abstract SeekableByteChannel newFile(String name, Set<StandardOpenOption> options)
      throws IOException;

  /** Renames a file in this folder over {@code to}, atomically. */
  abstract void rename(String from, String to) throws IOException;

  abstract void deleteFile(String name) throws IOException;

  abstract void deleteFolder(String name) throws IOException;

  /** The names in this folder. */
  abstract List<String> names() throws IOException;

  static Set<OpenOption> noFollow(Set<StandardOpenOption> options) {
    Set<OpenOption> all = new HashSet<>(options);
    all.add(LinkOption.NOFOLLOW_LINKS);
    return all;
  }

  /** Through a {@link SecureDirectoryStream}: every operation relative to the folder's handle. */
  private static final class SecureHandle extends FolderHandle {
    private final Path path;
    private final SecureDirectoryStream<Path> handle;

    SecureHandle(Path path, SecureDirectoryStream<Path> handle) {
      this.path = path;
      this.handle = handle;
    }

    private Path name(String name) {
      return path.getFileSystem().getPath(name);
    }

    @Override
    BasicFileAttributes attributes(String name) throws IOException {
      try {
        return handle
            .getFileAttributeView(
                name(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .readAttributes();
      } catch (NoSuchFileException e) {
        return null;
      }
    }

    @Override
    FolderHandle openFolder(String name) throws IOException {
      return new SecureHandle(
          path.resolve(name), handle.newDirectoryStream(name(name), LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    void createFolder(String name, Path shown) throws IOException {
      Files.createDirectory(path.resolve(name));
    }

    @Override
    SeekableByteChannel newFile(String name, Set<StandardOpenOption> options) throws IOException {
      return handle.newByteChannel(name(name), noFollow(options));
    }

    @Override
    void rename(String from, String to) throws IOException {
      handle.move(name(from), handle, name(to));
    }

    @Override
    void deleteFile(String name) throws IOException {
      handle.deleteFile(name(name));
    }

    @Override
    void deleteFolder(String name) throws IOException {
      handle.deleteDirectory(name(name));
    }

    @Override
    List<String> names() throws IOException {
      List<String> names = new ArrayList<>();
      // a directory stream is read once: a fresh one of this very folder, by its handle
      try (DirectoryStream<Path> entries =
          handle.newDirectoryStream(name("."), LinkOption.NOFOLLOW_LINKS)) {
        for (Path p : entries) {
          names.add(p.getFileName().toString());
        }
      }
      return names;
    }

    @Override
    public void close() throws IOException {
      handle.close();
    }
  }

  /**
   * The fallback: each level checked with lstat before it is used (racy; see the class comment).
   */
  private static final class CheckedHandle extends FolderHandle {
    private final Path path;

    CheckedHandle(Path path) {
      this.path = path;
    }

    @Override
    BasicFileAttributes attributes(String name) throws IOException {
      return lstat(path.resolve(name));
    }

    @Override
    FolderHandle openFolder(String name) {
      return new CheckedHandle(path.resolve(name));
    }

    @Override
    void createFolder(String name, Path shown) throws IOException {
      Files.createDirectory(path.resolve(name));
    }

    @Override
    SeekableByteChannel newFile(String name, Set<StandardOpenOption> options) throws IOException {
      return Files.newByteChannel(path.resolve(name), noFollow(options));
    }

    @Override
    void rename(String from, String to) throws IOException {
      try {
        Files.move(path.resolve(from), path.resolve(to), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(path.resolve(from), path.resolve(to), StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    void deleteFile(String name) throws IOException {
      Files.delete(path.resolve(name));
    }

    @Override
    void deleteFolder(String name) throws IOException {
      Files.delete(path.resolve(name));
    }

    @Override
    List<String> names() throws IOException {
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path p : entries) {
          names.add(p.getFileName().toString());
        }
      }
      return names;
    }

    @Override
    public void close() {}
  }
}
