package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What to do with one field of a JSON object that {@link JsonValues#readObject} walks: read the
 * value the parser stands on into {@code into}, or skip it ({@code p.skipChildren()}). A reader is
 * made once per parser, not per object (a method reference kept in a field, or a lambda that
 * captures nothing), so the walk allocates nothing.
 *
 * @param <T> what the object's fields are read into
 */
@FunctionalInterface
interface FieldReader<T> {

  /**
   * Reads the field {@code name}, whose value's first token {@code value} is the parser's current
   * token; on return the parser must stand on that value's last token.
   */
  void read(JsonParser p, String name, JsonToken value, T into)
      throws IOException, ExportFormatException;
}
