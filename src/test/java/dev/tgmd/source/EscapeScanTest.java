package dev.tgmd.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EscapeScanTest {

  @Test
  void theWordAtATimeScanFindsTheFirstBackslashLikeAByteAtATimeOne() {
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int j = 0; j < b.length; j++) {
        int k = r.nextInt(10);
        b[j] =
            (byte)
                (k == 0
                    ? '\\'
                    : k == 1
                        ? 0x5C + 0x80
                        : k == 2 ? 0 : k == 3 ? (byte) 0xFF : 'a' + r.nextInt(26));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int to = from + (b.length == from ? 0 : r.nextInt(b.length - from + 1));
      int naive = from;
      while (naive < to && b[naive] != '\\') {
        naive++;
      }
      assertThat(TdesktopEscapeFilter.indexOfBackslash(b, from, to)).isEqualTo(naive);
    }
  }
}
