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
    Located at = locate(ref);
    if (at.verdict != null) {
      return at.verdict;
    }
    if (at.attrs.size() <= SMALL_FILE) {
      byte[] content = Files.readAllBytes(at.real);
      CRC32C crc = new CRC32C();
      crc.update(content);
      return new MediaSource.Available(ref.path(), at.real, at.relative, content.length, crc.getValue(), content);
    }
    return new MediaSource.Available(ref.path(), at.real, at.relative, at.attrs.size(), checksum(at.real), null);
  }

  /**
   * What {@code ref} is, without reading it (for {@code --media none}): missing, refused or a
   * placeholder as {@link #resolve} would say, and {@link MediaSource.Skipped} for a file that
   * is there and may be used. Reads only the file's attributes, never its content.
   */
  public MediaSource check(FileRef ref) throws IOException {
    Located at = locate(ref);
    return at.verdict != null ? at.verdict : new MediaSource.Skipped(ref.path());
  }

  /** Where a reference leads: a verdict (missing, refused, placeholder), or a regular file. */
  private record Located(MediaSource verdict, Path real, String relative, BasicFileAttributes attrs) {}

  private Located locate(FileRef ref) throws IOException {
    if (ref.isPlaceholder()) {
      return new Located(new MediaSource.Placeholder(ref.placeholder()), null, null, null);
    }
    String declared = ref.path();
    String relative = normalize(declared);
    if (relative == null) {
      return refused(declared, "its path is absolute or leads outside the export folder");
    }
    Path candidate = root.resolve(relative);
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(candidate)) {
        return refused(declared, "it is a broken link");
      }
      return new Located(new MediaSource.Missing(declared), null, null, null);
    }
    if (!real.startsWith(root)) {
      return refused(declared, "it is a link leading outside the export folder");
    }
    BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isRegularFile()) {
      return refused(declared, "it is not a regular file");
    }
    return new Located(null, real, relative, attrs);
  }

  private static Located refused(String declared, String reason) {
    return new Located(new MediaSource.Refused(declared, reason), null, null, null);
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
