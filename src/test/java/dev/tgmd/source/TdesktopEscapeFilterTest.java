package dev.tgmd.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TdesktopEscapeFilterTest {

  /** Reads the whole filtered stream in reads of random sizes, like a parser would. */
  private static String filter(String input, long seed) throws IOException {
    InputStream in =
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
          final Random r = new Random(seed);

          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.max(1, Math.min(len, 1 + r.nextInt(5))));
          }
        };
    TdesktopEscapeFilter f = new TdesktopEscapeFilter(in);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random r = new Random(seed + 1);
    byte[] buf = new byte[7];
    int n;
    while ((n = f.read(buf, 0, 1 + r.nextInt(buf.length))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rewritesHexEscapesWhateverTheReadSizes() throws IOException {
    for (long seed = 0; seed < 200; seed++) {
      assertThat(filter("a\\x07b\\\\x41c\\\"\\x1Bd\\\\\\x00", seed))
          .isEqualTo("a\\u0007b\\\\x41c\\\"\\u001Bd\\\\\\u0000");
    }
  }

  @Test
  void leavesOrdinaryJsonAlone() throws IOException {
    String json = "{\"a\": \"\\n\\t\\u00e9 \\\\ \\\"\", \"b\": [1, 2.5e3, true, null]}";
    assertThat(filter(json, 1)).isEqualTo(json);
  }

  @Test
  void aBackslashAtTheVeryEndIsKept() throws IOException {
    assertThat(filter("abc\\", 3)).isEqualTo("abc\\");
  }
}
