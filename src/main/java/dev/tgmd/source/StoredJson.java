package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A message's stored JSON source read back, with the JSON reader's factory and field readers. */
final class StoredJson {

  private StoredJson() {}

  /**
   * Reads a message's JSON source, as {@link ExportEvent.MessageRead#source} holds it, back into
   * the message: no other part of the export is needed (a message's reading depends on nothing
   * outside its object). The bytes are already legal JSON: the escape filter is not applied again.
   *
   * @param origin what errors name as the file (for instance the archive the source came from)
   * @throws ExportFormatException when the bytes are not one message object
   */
  static Message parse(byte[] source, Path origin) throws ExportFormatException {
    JsonValues stored = new JsonValues(origin, null, JsonExportReader.FACTORY);
    JsonParser p = null;
    try {
      p = JsonExportReader.FACTORY.createParser(source);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw stored.error(p, "a stored message is not a JSON object");
      }
      MessageParser messages = new MessageParser(stored);
      Message m = messages.build(messages.read(p), source);
      if (p.nextToken() != null) {
        throw stored.error(p, "content after the stored message's object");
      }
      return m;
    } catch (JsonProcessingException e) {
      throw stored.translate(e, p, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an array is read without I/O
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException ignored) {
          // an array parser holds nothing to release
        }
      }
    }
  }
}
