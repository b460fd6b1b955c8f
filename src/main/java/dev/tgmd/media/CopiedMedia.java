package dev.tgmd.media;

import java.io.IOException;

/**
 * What earlier runs copied into the vault: so that a message kept in the vault whose file is not in
 * this run's export (the earlier export's folder was deleted) still shows the copy made then.
 */
public interface CopiedMedia {

  /** Records a copy: the file {@code relative} to its export folder is at {@code vaultPath}. */
  void copied(String relative, long size, long checksum, String vaultPath) throws IOException;

  /**
   * Where an earlier run copied the file {@code relative} (to its export's folder) for the chat
   * whose folder is {@code chatFolder}, relative to OUT; null when none did.
   */
  String find(String relative, String chatFolder) throws IOException;

  /** Remembers nothing. */
  CopiedMedia NONE =
      new CopiedMedia() {
        @Override
        public void copied(String relative, long size, long checksum, String vaultPath) {}

        @Override
        public String find(String relative, String chatFolder) {
          return null;
        }
      };
}
