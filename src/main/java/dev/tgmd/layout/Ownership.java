package dev.tgmd.layout;

import java.io.IOException;

/** Says whether a file's content, by its SHA-256 (lowercase hex), is what tgmd wrote there. */
public interface Ownership {
  boolean ours(String relative, String sha256) throws IOException;

  /** Called right before the content of checksum {@code sha256} is renamed into place. */
  default void placing(String relative, String sha256) throws IOException {}
}
