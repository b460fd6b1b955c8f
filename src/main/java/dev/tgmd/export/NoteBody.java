package dev.tgmd.export;

/** A note's messages so far: in memory, after what was spilled to a work file (if any). */
final class NoteBody {
  final StringBuilder text = new StringBuilder(4096);

  /** The work file, relative to OUT; null while nothing was spilled. */
  String spill;
}
