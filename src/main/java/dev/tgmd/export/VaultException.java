package dev.tgmd.export;

import java.io.IOException;

/** The vault's archive cannot be used or failed; the message is one line naming the file. */
public final class VaultException extends IOException {

  private static final long serialVersionUID = 1L;

  VaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
