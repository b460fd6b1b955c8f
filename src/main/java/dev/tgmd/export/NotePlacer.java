package dev.tgmd.export;

import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.Ownership;
import dev.tgmd.layout.WrittenFile;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Places one chat's note files in the vault: each through the ledger (untouched when its bytes are
 * there, beside the file when the file is the user's), and, once the chat's notes are all written,
 * removes the notes earlier runs made that this one did not. One writer thread.
 */
final class NotePlacer {

  private final OutputFolder out;
  private final NoteLedger ledger;
  private final long chatId;
  private final Ownership ownership;
  private final NoteCounts counts = new NoteCounts();

  /** The files this chat's notes went to in this run: their own paths, and beside them. */
  private final Set<String> placed = new HashSet<>();

  NotePlacer(OutputFolder out, NoteLedger ledger, long chatId) {
    this.out = out;
    this.ledger = ledger;
    this.chatId = chatId;
    this.ownership = ledger.ownership(chatId);
  }

  /**
   * Writes a note (or the index) through the ledger: untouched when its bytes are already there,
   * beside the file when the file there is the user's.
   */
  WrittenFile place(String path, OutputFolder.Content content) throws IOException {
    WrittenFile w = out.writeUnlessEdited(path, besideName(path), content, ownership);
    ledger.written(w.relative(), chatId, w.checksum(), w.size());
    placed.add(path);
    placed.add(w.relative());
    counts.placed(path, w.placement());
    return w;
  }

  /** The name of tgmd's version of a note the user changed: {@code "Alice 2024-05 (tgmd).md"}. */
  static String besideName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    return stem + BESIDE_SUFFIX;
  }

  /** What ends the name of tgmd's version of a note the user changed. */
  static final String BESIDE_SUFFIX = " (tgmd).md";

  /**
   * Removes this chat's notes that earlier runs wrote and this one did not (another {@code
   * --split}, another flavor): each only when its file is still what tgmd wrote; one the user
   * changed stays, is counted, and is the user's from now on.
   */
  void removeStale() throws IOException {
    for (String path : ledger.notesOf(chatId)) {
      if (placed.contains(path)) {
        continue;
      }
      String recorded = ledger.recorded(path);
      String actual;
      try {
        actual = out.checksum(path);
      } catch (java.nio.file.NoSuchFileException e) {
        actual = null;
      }
      if (actual != null && actual.equals(recorded)) {
        out.delete(path);
        counts.removed++;
      } else if (actual != null) {
        counts.keptEdited++;
      }
      ledger.forget(path);
    }
  }

  /** What became of the chat's note files in this run. */
  NoteCounts counts() {
    return counts;
  }
}
