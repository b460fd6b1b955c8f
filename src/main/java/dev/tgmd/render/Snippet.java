package dev.tgmd.render;

import dev.tgmd.source.Message;
import java.util.Objects;

/**
 * The start of a message's text as a reply to it shows it ({@link MessageRenderer#snippet}), made
 * when first asked for, on whichever thread asks: the fetch stage, which is one thread, only
 * records that a message can be replied to; a worker makes the snippet (the message's own, as it
 * renders it, or a reply's that comes first). Once made, the message is let go, so an entry of the
 * reply index holds a short text, not a message. Thread-safe; every thread gets the same text.
 */
public final class Snippet {

  /** The message to make the text from; null once {@link #text} is set. */
  private volatile Message source;

  private volatile String text;

  private Snippet(Message source, String text) {
    this.source = source;
    this.text = text;
  }

  /** The snippet of {@code m}, made when first asked for. */
  public static Snippet of(Message m) {
    return new Snippet(Objects.requireNonNull(m, "m"), null);
  }

  /** A snippet that is {@code text}. */
  public static Snippet ofText(String text) {
    return new Snippet(null, Objects.requireNonNull(text, "text"));
  }

  /** The snippet: the start of the text, whitespace folded; may be empty. */
  public String text() {
    String t = text;
    if (t != null) {
      return t;
    }
    Message m = source;
    if (m == null) {
      return text; // another thread made it: text was set before source was cleared
    }
    t = MessageRenderer.snippet(m); // pure: a race makes the same text twice
    text = t;
    source = null;
    return t;
  }
}
