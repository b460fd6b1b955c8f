package dev.tgmd.render;

/**
 * Markdown blocks joined by blank lines; empty blocks are skipped. One block is handed back as it
 * came, uncopied (most messages' bodies are their text alone). Not thread-safe.
 */
final class Blocks {

  private String only;
  private StringBuilder sb;

  Blocks add(String block) {
    if (block == null || block.isEmpty()) {
      return this;
    }
    if (sb == null && only == null) {
      only = block;
      return this;
    }
    if (sb == null) {
      sb = new StringBuilder(only.length() + block.length() + 64).append(only);
      only = null;
    }
    sb.append("\n\n").append(block);
    return this;
  }

  @Override
  public String toString() {
    return sb != null ? sb.toString() : only != null ? only : "";
  }
}
