package dev.tgmd.testing;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only helpers to check tdesktop-style JSON with Jackson. Not a reader for tgmd: tests use it
 * to look at what the demo builder and the generator wrote.
 */
public final class TdesktopJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private TdesktopJson() {}

  /**
   * Turns tdesktop's illegal {@code \xHH} escapes (inside strings) into the legal {@code
   * &#92;u00HH}; everything else is copied as is.
   */
  public static String fixEscapes(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (!inString) {
        if (c == '"') {
          inString = true;
        }
        sb.append(c);
      } else if (c == '\\') {
        char next = json.charAt(i + 1);
        if (next == 'x') {
          sb.append("\\u00").append(json, i + 2, i + 4);
          i += 3;
        } else {
          sb.append(c).append(next);
          i++;
        }
      } else {
        if (c == '"') {
          inString = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Parses a whole file after {@link #fixEscapes}; integers come back exact (BigInteger). */
  public static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(fixEscapes(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /** The shared mapper (exact integers, trailing tokens are an error). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
