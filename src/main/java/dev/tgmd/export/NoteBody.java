package dev.tgmd.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;

/**
 * A note's messages so far: in memory, after what was spilled to a work file (if any). The memory
 * part is the blocks' UTF-8 bytes as they came, in order (the process workers encode them), not one
 * growing buffer: appending copies nothing, and writing hands each part to the note's stream.
 */
final class NoteBody {
  private final ArrayList<byte[]> parts = new ArrayList<>();
  private long bytes;

  /** The work file, relative to OUT; null while nothing was spilled. */
  String spill;

  /** Appends {@code utf8}, which must not change afterwards. */
  void add(byte[] utf8) {
    parts.add(utf8);
    bytes += utf8.length;
  }

  /** The bytes held in memory. */
  long bytes() {
    return bytes;
  }

  /** Writes what is held in memory to {@code out}. */
  void writeTo(OutputStream out) throws IOException {
    for (byte[] p : parts) {
      out.write(p);
    }
  }

  /** Forgets what is held in memory (written to the work file, or no longer wanted). */
  void clear() {
    parts.clear();
    parts.trimToSize();
    bytes = 0;
  }
}
