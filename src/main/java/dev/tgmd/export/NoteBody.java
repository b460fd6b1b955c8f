package dev.tgmd.export;

import dev.tgmd.layout.Utf8;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;

/**
 * A note's messages so far: in memory, after what was spilled to a work file (if any). The memory
 * part is the rendered strings as they came, in order, not one growing buffer: appending copies
 * nothing, a note of Latin-1 blocks stays Latin-1 where one emoji would have made a buffer UTF-16
 * throughout, and writing encodes each string once, straight into the note's stream.
 */
final class NoteBody {
  private final ArrayList<String> parts = new ArrayList<>();
  private long chars;

  /** The work file, relative to OUT; null while nothing was spilled. */
  String spill;

  void add(String part) {
    parts.add(part);
    chars += part.length();
  }

  /** The chars held in memory. */
  long chars() {
    return chars;
  }

  /** Writes what is held in memory to {@code out}, in UTF-8. */
  void writeTo(OutputStream out) throws IOException {
    for (String p : parts) {
      Utf8.write(p, out);
    }
  }

  /** Forgets what is held in memory (written to the work file, or no longer wanted). */
  void clear() {
    parts.clear();
    parts.trimToSize();
    chars = 0;
  }
}
