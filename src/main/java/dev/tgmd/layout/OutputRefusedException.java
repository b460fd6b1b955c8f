package dev.tgmd.layout;

import java.io.IOException;

/**
 * tgmd will not write into the output folder as it is: OUT or a folder under it is a symbolic link
 * or not a folder, or another tgmd run is using OUT. A problem of the folder the user named, not of
 * the machine: its message is one line naming the path, ready to show as is.
 */
public final class OutputRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
