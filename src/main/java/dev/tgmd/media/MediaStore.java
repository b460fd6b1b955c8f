package dev.tgmd.media;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.SafeNames;
import dev.tgmd.recording.CacheRecorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Copies one chat's files into {@code OUT/<chat>/media/}, storing identical content once: a file
 * whose content is already stored (same size and CRC-32C, then compared byte by byte) links to the
 * stored copy instead (a de-duplication cache hit). Files keep their export paths, made safe, so
 * the same input always gives the same names. Copies are written through the run's {@link
 * OutputFolder} (atomically, no link followed) from files opened again through the {@link
 * MediaResolver} that checked them (no link followed either); a file that changed in between (gone,
 * replaced by a link, resized) is not copied: its link says it was refused.
 *
 * <p>Not thread-safe: used by the single writer thread, in message order.
 */
public final class MediaStore {

  private static final Pattern CHAT_PREFIX = Pattern.compile("^chats/chat_[^/]+/");
  private static final int SEGMENT_BYTES = 120;

  private final OutputFolder out;
  private final String chatFolder;
  private final MediaResolver export;
  private final CacheRecorder cache;
  private CopiedMedia copies = CopiedMedia.NONE;

  /** A content's size and checksum; equal keys are compared byte by byte. */
  private record Key(long size, long checksum) {}

  /**
   * A stored content: the export file it was copied from, its link, and its bytes when small (kept,
   * up to {@link #KEEP_BYTES} a chat, to compare later files without opening files).
   */
  private record Copy(String source, MediaLink.Stored link, byte[] content) {}

  /** At most this many bytes of small stored files are kept in memory per chat for comparisons. */
  static final long KEEP_BYTES = 8L << 20;

  private long keptBytes;

  private final Map<Key, List<Copy>> byContent = new HashMap<>();
  private int entries;
  private final Set<String> usedNames = new HashSet<>();
  private long storedBytes;
  private int copied;
  private long copiedBytes;
  private int duplicates;
  private int missing;
  private int refused;

  private final long entriesBefore;
  private final long bytesBefore;

  /**
   * @param out the run's output folder, which writes the copies
   * @param chatFolder the chat's folder, relative to OUT (created on the first copy)
   * @param export what checked the files, and opens them again to copy or compare them
   * @param cache where de-duplication hits and misses are recorded; its size is reported as the
   *     distinct files stored over the run: {@code entriesBefore} and {@code bytesBefore} (the
   *     chats before this one) plus this chat's
   */
  public MediaStore(
      OutputFolder out,
      String chatFolder,
      MediaResolver export,
      CacheRecorder cache,
      long entriesBefore,
      long bytesBefore) {
    this.out = out;
    this.chatFolder = chatFolder;
    this.export = export;
    this.cache = cache;
    this.entriesBefore = entriesBefore;
    this.bytesBefore = bytesBefore;
  }

  /** Where copies are recorded, and found again when a file is not in this run's export. */
  public MediaStore remembering(CopiedMedia copies) {
    this.copies = copies;
    return this;
  }

  /** Stores the file when it is new, and says what the note should show for it. */
  public MediaLink store(CheckedFile source) throws IOException {
    if (source instanceof CheckedFile.Available a) {
      Key key = new Key(a.size(), a.checksum());
      List<Copy> candidates = byContent.get(key);
      if (candidates != null) {
        for (Copy c : candidates) {
          if (sameContent(c, a)) {
            duplicates++;
            cache.hit();
            return c.link;
          }
        }
      }
      cache.miss();
      String pathInChat = uniqueName(a.relative());
      try {
        copy(a, chatFolder + "/" + pathInChat);
      } catch (MediaResolver.ChangedException e) {
        usedNames.remove(pathInChat.toLowerCase(Locale.ROOT));
        refused++;
        return new MediaLink.Refused(a.declared(), "it changed while tgmd was copying it");
      }
      copies.copied(a.relative(), a.size(), a.checksum(), chatFolder + "/" + pathInChat);
      MediaLink.Stored stored = new MediaLink.Stored(pathInChat, a.size());
      byte[] kept = null;
      if (a.content() != null && keptBytes + a.content().length <= KEEP_BYTES) {
        kept = a.content();
        keptBytes += kept.length;
      }
      byContent
          .computeIfAbsent(key, k -> new ArrayList<>(1))
          .add(new Copy(a.relative(), stored, kept));
      entries++;
      storedBytes += a.size();
      copied++;
      copiedBytes += a.size();
      cache.size(entriesBefore + entries, bytesBefore + storedBytes);
      return stored;
    }
    if (source instanceof CheckedFile.Missing) {
      MediaLink.Stored earlier = copiedEarlier(source.declared());
      if (earlier != null) {
        return earlier;
      }
      missing++;
      return new MediaLink.Missing(source.declared());
    }
    if (source instanceof CheckedFile.Refused r) {
      refused++;
      return new MediaLink.Refused(r.declared(), r.reason());
    }
    if (source instanceof CheckedFile.Skipped) {
      return new MediaLink.NotCopied(source.declared());
    }
    if (source instanceof CheckedFile.Placeholder) {
      return new MediaLink.Placeholder(source.declared());
    }
    throw new IllegalStateException("unhandled media source " + source.getClass());
  }

  /**
   * The copy an earlier run made of a file this run's export lacks, when it is still in the vault:
   * a message the vault keeps from an earlier export keeps its embed after that export's folder is
   * deleted.
   */
  private MediaLink.Stored copiedEarlier(String declared) throws IOException {
    String relative;
    try {
      relative = MediaResolver.normalize(declared);
    } catch (RuntimeException e) {
      return null;
    }
    if (relative == null) {
      return null;
    }
    String vaultPath = copies.find(relative, chatFolder);
    String prefix = chatFolder + "/";
    if (vaultPath == null || !vaultPath.startsWith(prefix)) {
      return null;
    }
    long size;
    try {
      size = out.size(vaultPath);
    } catch (java.nio.file.NoSuchFileException e) {
      return null; // the copy was deleted since
    }
    String pathInChat = vaultPath.substring(prefix.length());
    usedNames.add(pathInChat.toLowerCase(Locale.ROOT));
    return new MediaLink.Stored(pathInChat, size);
  }

  /** {@code media/<path in the chat's export folder>}, each segment made safe, unique. */
  private String uniqueName(String relative) {
    String inChat = CHAT_PREFIX.matcher(relative).replaceFirst("");
    String[] segments = inChat.split("/");
    StringBuilder sb = new StringBuilder(ChatLayout.MEDIA_FOLDER);
    for (String segment : segments) {
      sb.append('/').append(SafeNames.of(segment, SEGMENT_BYTES, "file"));
    }
    String name = sb.toString();
    if (usedNames.add(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    String stem = dot > slash + 1 ? name.substring(0, dot) : name;
    String ext = dot > slash + 1 ? name.substring(dot) : "";
    for (int n = 2; ; n++) {
      String candidate = stem + " (" + n + ")" + ext;
      if (usedNames.add(candidate.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
  }

  /**
   * Whether a stored content and a new file are the same bytes (their sizes and checksums agree). A
   * file that changed since it was checked is taken as different.
   */
  private boolean sameContent(Copy stored, CheckedFile.Available file) throws IOException {
    if (stored.source.equals(file.relative())) {
      return true;
    }
    if (stored.content != null && file.content() != null) {
      return Arrays.equals(stored.content, file.content());
    }
    try (InputStream x =
            stored.content != null
                ? new ByteArrayInputStream(stored.content)
                : export.open(stored.source, file.size());
        InputStream y =
            file.content() != null
                ? new ByteArrayInputStream(file.content())
                : export.open(file.relative(), file.size())) {
      return sameBytes(x, y);
    } catch (MediaResolver.ChangedException e) {
      return false;
    }
  }

  private static boolean sameBytes(InputStream x, InputStream y) throws IOException {
    byte[] a = new byte[64 * 1024];
    byte[] b = new byte[64 * 1024];
    while (true) {
      int n = x.readNBytes(a, 0, a.length);
      int m = y.readNBytes(b, 0, b.length);
      if (n != m || !Arrays.equals(a, 0, n, b, 0, m)) {
        return false;
      }
      if (n < a.length) {
        return true;
      }
    }
  }

  /**
   * Copies a file into the vault; a copy with the same bytes there already (an earlier run's) is
   * left untouched. The media folders are tgmd's: another file in the copy's place is replaced.
   */
  private void copy(CheckedFile.Available from, String to) throws IOException {
    out.writeUnlessEdited(
        to,
        to.substring(to.lastIndexOf('/') + 1),
        o -> {
          if (from.content() != null) {
            o.write(from.content());
            return;
          }
          long n;
          try (InputStream in = export.open(from.relative(), from.size())) {
            n = in.transferTo(o);
          }
          if (n != from.size()) {
            throw new MediaResolver.ChangedException(from.file() + ": its size changed");
          }
        },
        (path, checksum) -> true);
  }

  /** Files copied. */
  public int copied() {
    return copied;
  }

  /** Bytes copied. */
  public long copiedBytes() {
    return copiedBytes;
  }

  /** Files not copied because their content was already stored. */
  public int duplicates() {
    return duplicates;
  }

  /** Files named by the export but not found. */
  public int missing() {
    return missing;
  }

  /** Files refused: their path leads outside the export folder, is a link, or changed meanwhile. */
  public int refused() {
    return refused;
  }
}
