package dev.tgmd.layout;

import java.io.IOException;

/**
 * Says whether a file's content, by its {@link OutputFolder#checksum}, is what tgmd wrote there.
 */
public interface Ownership {
  boolean ours(String relative, String checksum) throws IOException;

  /** Called right before the content of checksum {@code checksum} is renamed into place. */
  default void placing(String relative, String checksum) throws IOException {}
}
