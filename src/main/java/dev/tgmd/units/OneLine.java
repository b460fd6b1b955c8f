package dev.tgmd.units;

/** Text for a one-line field of a report or log: an error's class and message, any text. */
public final class OneLine {

  private OneLine() {}

  /**
   * An error as one line, {@code Class: message} (class name without its package), control
   * characters and line breaks replaced by spaces, at most 300 characters.
   */
  public static String of(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message;
    try {
      message = error.getMessage();
    } catch (RuntimeException e) {
      message = null;
    }
    String name = error.getClass().getSimpleName();
    if (name.isEmpty()) {
      name = error.getClass().getName();
    }
    return of(message == null || message.isBlank() ? name : name + ": " + message, 300);
  }

  /** Text on one line: control characters become spaces, runs of spaces collapse, cut at max. */
  public static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
        if (b.length() > max) {
          break;
        }
      }
    }
    if (b.length() > max) {
      b.setLength(max - 3);
      b.append("...");
    }
    return b.toString();
  }
}
