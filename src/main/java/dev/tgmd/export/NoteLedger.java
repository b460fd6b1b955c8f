package dev.tgmd.export;

import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.Ownership;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What tgmd wrote into OUT's notes: for every note, the checksum ({@link
 * dev.tgmd.layout.OutputFolder#checksum}) of the bytes it wrote, so that a file whose content is
 * something else is known to be the user's. The vault keeps it in its archive, across runs; a run
 * without the vault keeps it in memory, for the run.
 *
 * <p>A note about to be written is recorded first as pending, then as written: a run killed between
 * the two leaves a file whose checksum is the pending one, still known as tgmd's.
 */
public interface NoteLedger {

  /** Whether {@code checksum} is what tgmd wrote (or was about to write) at {@code path}. */
  boolean ours(String path, String checksum) throws IOException;

  /** The ownership of one chat's notes, for {@link OutputFolder#writeUnlessEdited}. */
  default Ownership ownership(long chatId) {
    return new Ownership() {
      @Override
      public boolean ours(String relative, String checksum) throws IOException {
        return NoteLedger.this.ours(relative, checksum);
      }

      @Override
      public void placing(String relative, String checksum) throws IOException {
        pending(relative, chatId, checksum);
      }
    };
  }

  /** Records that {@code path} is about to hold the bytes of checksum {@code checksum}. */
  void pending(String path, long chatId, String checksum) throws IOException;

  /** Records that {@code path} holds what tgmd wrote, of checksum {@code checksum}. */
  void written(String path, long chatId, String checksum, long size) throws IOException;

  /** The notes recorded for the chat, by path. */
  List<String> notesOf(long chatId) throws IOException;

  /** The checksum recorded for {@code path}; null when none is. */
  String recorded(String path) throws IOException;

  /** Forgets {@code path}: the file is gone, or is the user's now. */
  void forget(String path) throws IOException;

  /** A ledger for one run, in memory: every file found in OUT before the run is the user's. */
  static NoteLedger inMemory() {
    return new InMemory();
  }

  /** The in-memory ledger. Not thread-safe: the writer thread uses it. */
  class InMemory implements NoteLedger {
    private final Map<String, Set<String>> sums = new HashMap<>();
    private final Map<String, Long> chats = new HashMap<>();
    private final Map<String, String> last = new HashMap<>();

    @Override
    public boolean ours(String path, String checksum) {
      return sums.getOrDefault(path, Set.of()).contains(checksum);
    }

    @Override
    public void pending(String path, long chatId, String checksum) {
      sums.computeIfAbsent(path, p -> new HashSet<>()).add(checksum);
      chats.put(path, chatId);
    }

    @Override
    public void written(String path, long chatId, String checksum, long size) {
      Set<String> s = new HashSet<>();
      s.add(checksum);
      sums.put(path, s);
      chats.put(path, chatId);
      last.put(path, checksum);
    }

    @Override
    public List<String> notesOf(long chatId) {
      List<String> paths = new ArrayList<>();
      chats.forEach(
          (path, chat) -> {
            if (chat == chatId && last.containsKey(path)) {
              paths.add(path);
            }
          });
      paths.sort(null);
      return paths;
    }

    @Override
    public String recorded(String path) {
      return last.get(path);
    }

    @Override
    public void forget(String path) {
      sums.remove(path);
      chats.remove(path);
      last.remove(path);
    }
  }
}
