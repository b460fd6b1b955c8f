package dev.tgmd.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Text written as UTF-8, fast. */
public final class Utf8 {

  /** Chars encoded at once: each chunk's copy stays small. */
  private static final int CHUNK = 1 << 15;

  private Utf8() {}

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
