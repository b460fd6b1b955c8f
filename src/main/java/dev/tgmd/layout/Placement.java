package dev.tgmd.layout;

/**
 * Where {@link OutputFolder#writeUnlessEdited} put a file. In this order: a file placed twice in a
 * run counts as the later of its placements.
 */
public enum Placement {
  /** The same bytes were there already: the file was not touched. */
  UNCHANGED,
  /** Written in its place: it was not there, or what was there was tgmd's. */
  WRITTEN,
  /** What was there is not tgmd's (the user's edit): it stays, and this was written beside it. */
  BESIDE
}
