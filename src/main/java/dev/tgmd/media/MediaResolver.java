package dev.tgmd.media;

import dev.tgmd.source.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32C;

/**
 * Checks the files an export refers to and checksums them. Paths in result.json are untrusted: an
 * absolute path, a {@code ..} that climbs out of the export folder, or a symbolic link that leads
 * out of it is refused without reading anything outside the folder. A link that stays inside is
 * fine.
 *
 * <p>Thread-safe: the process stage's workers share one.
 */
public final class MediaResolver {

  /** Files up to this size are kept in memory between the process and the write stage. */
  static final int SMALL_FILE = 256 * 1024;

  private final Path root;

  /**
   * @param exportFolder the export's folder; media paths are relative to it
   */
  public MediaResolver(Path exportFolder) throws IOException {
    this.root = exportFolder.toRealPath();
  }

  /** The export folder, as a real path. */
  public Path root() {
    return root;
  }

  /** What {@code ref} is: an available file (checksummed), missing, refused, or a placeholder. */
  public MediaSource resolve(FileRef ref) throws IOException {
    if (ref.isPlaceholder()) {
      return new MediaSource.Placeholder(ref.placeholder());
    }
    String declared = ref.path();
    String relative = normalize(declared);
    if (relative == null) {
      return new MediaSource.Refused(declared, "its path is absolute or leads outside the export folder");
    }
    Path candidate;
    try {
      candidate = root.resolve(relative);
    } catch (java.nio.file.InvalidPathException e) {
      // e.g. a lone surrogate: no file on disk can have that name
      return new MediaSource.Refused(declared, "its name is not valid Unicode, so no file can have it");
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(candidate)) {
        return new MediaSource.Refused(declared, "it is a broken link");
      }
      return new MediaSource.Missing(declared);
    }
    if (!real.startsWith(root)) {
      return new MediaSource.Refused(declared, "it is a link leading outside the export folder");
    }
    BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isRegularFile()) {
      return new MediaSource.Refused(declared, "it is not a regular file");
    }
    if (attrs.size() <= SMALL_FILE) {
      byte[] content = Files.readAllBytes(real);
      CRC32C crc = new CRC32C();
      crc.update(content);
      return new MediaSource.Available(declared, real, relative, content.length, crc.getValue(), content);
    }
    return new MediaSource.Available(declared, real, relative, attrs.size(), checksum(real), null);
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
    if (p.startsWith("/") || (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0)))) {
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
   * instruction) and enough to tell most different files apart; equal checksums are confirmed
   * byte by byte by the {@link MediaStore}.
   */
  static long checksum(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buf = BUFFER.get();
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        crc.update(buf, 0, n);
      }
    }
    return crc.getValue();
  }

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
}
