package dev.tgmd.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pretty printer and escapes write what tdesktop writes. */
class TdesktopStyleTest {

  private static String write(Generation body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonFactory f =
        JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    try (JsonGenerator g = f.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new TdesktopPrettyPrinter());
      body.write(g);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  interface Generation {
    void write(JsonGenerator g) throws IOException;
  }

  @Test
  void laysOutObjectsAndArraysWithOneSpacePerLevel() throws IOException {
    String json =
        write(
            g -> {
              g.writeStartObject();
              g.writeNumberField("id", 1);
              g.writeFieldName("text");
              g.writeStartArray();
              g.writeString("a");
              g.writeStartObject();
              g.writeStringField("type", "bold");
              g.writeEndObject();
              g.writeEndArray();
              g.writeFieldName("text_entities");
              g.writeStartArray();
              g.writeEndArray();
              g.writeEndObject();
            });
    assertThat(json)
        .isEqualTo(
            "{\n \"id\": 1,\n \"text\": [\n  \"a\",\n  {\n   \"type\": \"bold\"\n  }\n ],\n"
                + " \"text_entities\": []\n}");
  }

  @Test
  void quotesControlCharactersTheIllegalTdesktopWay() {
    assertThat(TdesktopStrings.quote("a\u0007b\u001bc\bd\ne\tf\"g\\h\u2028i😀j\u0301"))
        .isEqualTo("\"a\\x07b\\x1Bc\\x08d\\ne\\tf\\\"g\\\\h\\u2028i😀j\u0301\"");
    assertThat(TdesktopStrings.needsQuoting("bell\u0007")).isTrue();
    assertThat(TdesktopStrings.needsQuoting("line\u2028")).isTrue();
    assertThat(TdesktopStrings.needsQuoting("tab\t new\n line\r \"q\" \\ 😀 ليلى")).isFalse();
  }

  @Test
  void jacksonWritesEveryOtherStringExactlyAsTdesktopDoes() throws IOException {
    String s = "tab\t new\n line\r \"q\" \\ / 😀 👨‍👩‍👧 ليلى e\u0301 <b>&amp;</b>";
    assertThat(TdesktopStrings.needsQuoting(s)).isFalse();
    assertThat(write(g -> g.writeString(s))).isEqualTo(TdesktopStrings.quote(s));
  }
}
