package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  /** The bytes a Writer gives, as notes were written before {@link Utf8}. */
  private static byte[] throughWriter(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write(text);
    }
    return out.toByteArray();
  }

  private static byte[] throughUtf8(CharSequence text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Utf8.write(text, out);
    return out.toByteArray();
  }

  @Test
  void aSurrogatePairAcrossAChunkBoundaryIsWrittenWhole() throws IOException {
    for (int before = (1 << 15) - 3; before <= (1 << 15) + 1; before++) {
      StringBuilder text = new StringBuilder("a".repeat(before)).append("🌲").append("ё end");
      byte[] bytes = throughUtf8(text);
      assertThat(bytes).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith("a🌲ё end");
    }
  }

  @Test
  void givesTheWritersBytesForEveryKindOfText() throws IOException {
    String[] texts = {
      "",
      "plain ASCII",
      "Встречаемся у входа 🏔️ · café",
      "lone \uD83C high, lone \uDF32 low, at the end \uD83C",
      "x".repeat((1 << 15) - 1) + "\uD83C",
      "Ж".repeat(3 * (1 << 15) + 7)
    };
    for (String text : texts) {
      assertThat(throughUtf8(new StringBuilder(text))).isEqualTo(throughWriter(text));
    }
  }
}
