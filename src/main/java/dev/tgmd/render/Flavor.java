package dev.tgmd.render;

/** The Markdown dialect of the links, embeds and anchors around messages (never inside them). */
public enum Flavor {
  /**
   * {@code [[./note#^m12|label]]} links, {@code ![[./media/x.jpg]]} embeds, {@code ^m12} block ids.
   */
  OBSIDIAN,
  /** {@code [label](<./note.md#m12>)} links, standard images, {@code <a id="m12"></a>} anchors. */
  COMMONMARK
}
