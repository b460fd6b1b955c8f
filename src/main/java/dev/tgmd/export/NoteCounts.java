package dev.tgmd.export;

import dev.tgmd.layout.OutputFolder;

/**
 * What became of a chat's note files in a run: written (new or changed), unchanged (the same bytes
 * were there: not touched), written beside a file the user changed, removed (an earlier run's note
 * this run does not make), kept because the user changed it. Mutable; one writer thread.
 */
final class NoteCounts {
  long written;
  long unchanged;
  long beside;
  long removed;
  long keptEdited;

  void placed(OutputFolder.Placement placement) {
    switch (placement) {
      case WRITTEN -> written++;
      case UNCHANGED -> unchanged++;
      case BESIDE -> beside++;
    }
  }
}
