package dev.tgmd.export;

/**
 * The input cannot be used as asked: it is no readable export (the message names the file and the
 * line and column, or the page and element), or a {@code --chat} names no chat of it or several.
 * The message's first line says what is wrong; for a {@code --chat}, the candidates follow, one a
 * line. Nothing was written when it is thrown.
 */
public final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }
}
