package dev.tgmd.render;

/** Markdown blocks joined by blank lines; empty blocks are skipped. Not thread-safe. */
final class Blocks {

  private final StringBuilder sb = new StringBuilder(128);

  Blocks add(String block) {
    if (block == null || block.isEmpty()) {
      return this;
    }
    if (sb.length() > 0) {
      sb.append("\n\n");
    }
    sb.append(block);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
