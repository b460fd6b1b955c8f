package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Lays JSON out the way Telegram Desktop does: one space of indent per level, {@code "key": value},
 * every array item and object entry on its own line, {@code []} for empty arrays. Stateful: one
 * instance per generator.
 */
final class TdesktopPrettyPrinter implements PrettyPrinter {

  private static final int MAX_DEPTH = 64;
  private static final SerializableString[] NEWLINE = new SerializableString[MAX_DEPTH];
  private static final SerializableString[] COMMA_NEWLINE = new SerializableString[MAX_DEPTH];
  private static final SerializableString COLON = new SerializedString(": ");

  static {
    for (int d = 0; d < MAX_DEPTH; d++) {
      String indent = " ".repeat(d);
      NEWLINE[d] = new SerializedString("\n" + indent);
      COMMA_NEWLINE[d] = new SerializedString(",\n" + indent);
    }
  }

  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {}

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    g.writeRaw(NEWLINE[depth]);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(COLON);
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(COMMA_NEWLINE[depth]);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    depth--;
    if (entries > 0) {
      g.writeRaw(NEWLINE[depth]);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    g.writeRaw(NEWLINE[depth]);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(COMMA_NEWLINE[depth]);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    depth--;
    if (values > 0) {
      g.writeRaw(NEWLINE[depth]);
    }
    g.writeRaw(']');
  }
}
