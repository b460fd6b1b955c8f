package dev.tgmd.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text written as UTF-8, fast. */
public final class Utf8 {

  /** Chars encoded at once: each chunk's copy stays small. */
  private static final int CHUNK = 1 << 15;

  private Utf8() {}

  /**
   * {@code text} in UTF-8, the same bytes as {@link #write}: encoded at once when short, a chunk at
   * a time when long, so that a huge text's encoding takes no triple-sized copy.
   */
  public static byte[] bytes(String text) {
    if (text.length() <= CHUNK) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + text.length() / 4);
    try {
      write(text, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code text} to {@code out} in UTF-8, a chunk at a time. {@code String.getBytes} encodes
   * text that is not all ASCII several times faster than a {@code Writer}'s encoder in the
   * C1-compiled code {@code bin/tgmd} runs (benchmarks/…/Utf8Benchmark), and gives the same bytes:
   * a lone surrogate becomes {@code ?} in both.
   */
  public static void write(CharSequence text, OutputStream out) throws IOException {
    int n = text.length();
    for (int from = 0; from < n; ) {
      int to = Math.min(n, from + CHUNK);
      if (to < n && Character.isHighSurrogate(text.charAt(to - 1))) {
        to--; // a surrogate pair is encoded whole, in the next chunk
      }
      out.write(text.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8));
      from = to;
    }
  }
}
