package dev.tgmd.export;

import dev.tgmd.layout.Placement;
import java.util.HashMap;
import java.util.Map;

/**
 * What became of a chat's note files in a run, each file counted once (a note written twice in a
 * run, its period reopened, is one): written (new or changed), unchanged (the same bytes were
 * there: not touched), written beside a file the user changed, removed (an earlier run's note this
 * run does not make), kept because the user changed it. One writer thread.
 */
final class NoteCounts {

  /**
   * Each note's placement in this run, by its own path: beside over written over unchanged (the
   * order of {@link Placement}).
   */
  private final Map<String, Placement> placements = new HashMap<>();

  long removed;
  long keptEdited;

  void placed(String path, Placement placement) {
    placements.merge(path, placement, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  long count(Placement placement) {
    return placements.values().stream().filter(p -> p == placement).count();
  }
}
