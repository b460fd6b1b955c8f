package dev.tgmd.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Rewrites Telegram Desktop's illegal {@code \xHH} string escapes into the legal unicode escape
 * (backslash, u, 0, 0, HH) while streaming, so that a strict JSON parser reads them as the
 * character U+00HH (not as the text "xHH").
 *
 * <p>Escapes come in pairs ({@code \\x41} is a backslash followed by "x41" and is left alone).
 * Every rewrite adds two bytes; their offsets are kept so that a parser's error position can be
 * mapped back to the original file ({@link #originalColumn}). Not thread-safe.
 */
final class TdesktopEscapeFilter extends InputStream {

  private static final byte[] UNICODE_PREFIX = {'\\', 'u', '0', '0'};
  private static final int MAX_TRACKED = 1 << 20;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;

  private final byte[] pending = new byte[4];
  private int pendingPos;
  private int pendingLen;

  private long bytesIn;
  private long bytesOut;
  private long[] rewrites = new long[16];
  private int rewriteCount;

  TdesktopEscapeFilter(InputStream in) {
    this.in = in;
  }

  /** Bytes consumed from the underlying stream so far. */
  long bytesIn() {
    return bytesIn;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (pendingPos < pendingLen && n < len) {
      b[off + n++] = pending[pendingPos++];
    }
    while (n < len) {
      if (limit - pos < 2 && !eof) {
        fill();
      }
      if (pos >= limit) {
        break;
      }
      int end = Math.min(limit, pos + (len - n));
      int i = indexOfBackslash(buf, pos, end);
      int run = i - pos;
      System.arraycopy(buf, pos, b, off + n, run);
      n += run;
      pos = i;
      if (i == end) {
        continue;
      }
      // buf[pos] is a backslash: look at the byte after it.
      if (pos + 1 >= limit) {
        if (!eof) {
          fill();
          continue;
        }
        b[off + n++] = '\\';
        pos++;
        continue;
      }
      byte next = buf[pos + 1];
      pos += 2;
      if (next == 'x') {
        recordRewrite(bytesOut + n);
        n = emit(UNICODE_PREFIX, 4, b, off, n, len);
      } else {
        pending[0] = '\\';
        pending[1] = next;
        n = emit(pending, 2, b, off, n, len);
      }
    }
    bytesOut += n;
    return n == 0 ? -1 : n;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long BACKSLASHES = ONES * '\\';

  /**
   * The index of the first backslash in {@code b[from, to)}, or {@code to}: eight bytes at a time
   * (a byte equal to the backslash becomes zero after the XOR, and the classic zero-byte test finds
   * it), since this scan sees every byte of the export.
   */
  static int indexOfBackslash(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ BACKSLASHES;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < to && b[i] != '\\') {
      i++;
    }
    return i;
  }

  /** Copies {@code count} bytes of {@code src} into b, keeping what does not fit as pending. */
  private int emit(byte[] src, int count, byte[] b, int off, int n, int len) {
    int fits = Math.min(count, len - n);
    System.arraycopy(src, 0, b, off + n, fits);
    if (fits < count) {
      byte[] rest = Arrays.copyOfRange(src, fits, count);
      System.arraycopy(rest, 0, pending, 0, rest.length);
      pendingPos = 0;
      pendingLen = rest.length;
    }
    return n + fits;
  }

  private void fill() throws IOException {
    int keep = limit - pos;
    if (keep > 0 && pos > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
    }
    pos = 0;
    limit = keep;
    while (limit < buf.length) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
        break;
      }
      if (r == 0) {
        continue;
      }
      limit += r;
      bytesIn += r;
      if (limit - pos >= 2) {
        break;
      }
    }
  }

  private void recordRewrite(long outputOffset) {
    if (rewriteCount >= MAX_TRACKED) {
      return;
    }
    if (rewriteCount == rewrites.length) {
      rewrites = Arrays.copyOf(rewrites, rewrites.length * 2);
    }
    rewrites[rewriteCount++] = outputOffset;
  }

  /**
   * Maps a column reported by a parser of this stream back to the original file: each rewrite
   * earlier on the same line added two bytes.
   *
   * @param byteOffset the 0-based offset in this stream's output of the reported position
   * @param column the 1-based column (in bytes) the parser reported
   */
  int originalColumn(long byteOffset, int column) {
    if (byteOffset < 0 || column <= 0 || rewriteCount == 0) {
      return column;
    }
    long lineStart = byteOffset - (column - 1);
    int shift = 0;
    for (int i = rewriteCount - 1; i >= 0; i--) {
      long r = rewrites[i];
      if (r < lineStart) {
        break;
      }
      if (r < byteOffset) {
        shift += 2;
      }
    }
    return Math.max(1, column - shift);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
