package dev.tgmd.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The stream the JSON parser reads, which keeps what it hands out long enough to slice a message's
 * bytes out of it: between messages only the last two reads (the parser reads ahead by its buffer,
 * and a message's first byte is in its last read when the parser returns that message's
 * START_OBJECT); from {@link #start} to {@link #end}, every byte from the message's first. The
 * window is thus bounded by the largest message the reader accepts ({@link
 * MessageParser#MAX_MESSAGE_BYTES}) plus two reads. Offsets are those of this stream, which are the
 * parser's byte offsets. Not thread-safe.
 */
final class SourceCapture extends InputStream {

  private final InputStream in;
  private byte[] window = new byte[64 * 1024];

  /** The stream offset of window[0]. */
  private long base;

  /** Valid bytes are window[head, tail). */
  private int head;

  private int tail;

  /** Where the last read began (an index into window); -1 when none. */
  private int lastRead = -1;

  private boolean capturing;

  SourceCapture(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      if (!capturing && lastRead > head) {
        head = lastRead; // keep the previous read and this one
      }
      ensureRoom(n);
      System.arraycopy(b, off, window, tail, n);
      lastRead = tail;
      tail += n;
    }
    return n;
  }

  private void ensureRoom(int n) {
    if (tail + n <= window.length) {
      return;
    }
    int kept = tail - head;
    if (kept + n > window.length) {
      window = Arrays.copyOf(window, Math.max(window.length * 2, kept + n));
    }
    if (head > 0) {
      System.arraycopy(window, head, window, 0, kept);
      base += head;
      lastRead = lastRead < head ? -1 : lastRead - head;
      tail = kept;
      head = 0;
    }
  }

  /**
   * Starts keeping every byte from {@code offset} on: the offset of a message's first byte.
   *
   * @throws IllegalStateException when that byte is no longer held
   */
  void start(long offset) {
    int index = index(offset);
    head = index;
    capturing = true;
  }

  /**
   * The bytes from the offset {@link #start} was given up to {@code endOffset} (exclusive); stops
   * keeping them.
   */
  byte[] end(long endOffset) {
    int to = index(endOffset);
    byte[] bytes = Arrays.copyOfRange(window, head, to);
    head = to;
    capturing = false;
    if (window.length > 1 << 20 && tail - head < 64 * 1024) {
      shrink(); // a large message passed: give its window back
    }
    return bytes;
  }

  /** Stops keeping bytes (the message in progress failed). */
  void abandon() {
    capturing = false;
  }

  private void shrink() {
    byte[] small = new byte[64 * 1024];
    int kept = tail - head;
    System.arraycopy(window, head, small, 0, kept);
    base += head;
    lastRead = lastRead < head ? -1 : lastRead - head;
    tail = kept;
    head = 0;
    window = small;
  }

  private int index(long offset) {
    long index = offset - base;
    if (index < head || index > tail) {
      throw new IllegalStateException(
          "offset " + offset + " is not held (held: " + (base + head) + ".." + (base + tail) + ")");
    }
    return (int) index;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
