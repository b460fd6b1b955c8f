package dev.tgmd.benchmarks;

import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.Message;
import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Messages for the render benchmarks, parsed as tgmd parses an export's, handed out in turn: one
 * per text, each a JSON {@code text} value (a string, or an array of parts), from Alex on 1 March
 * 2024.
 */
final class BenchmarkMessages {

  private final Message[] messages;
  private int next;

  BenchmarkMessages(String... texts) throws ExportFormatException {
    messages = parse(texts);
  }

  /** The next message, the first again after the last. */
  Message next() {
    Message m = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    return m;
  }

  private static Message[] parse(String... texts) throws ExportFormatException {
    Message[] messages = new Message[texts.length];
    for (int i = 0; i < texts.length; i++) {
      String json =
          "{\"id\": " + (i + 1) + ", \"type\": \"message\", \"date\": \"2024-03-01T10:00:00\","
              + " \"from\": \"Alex\", \"from_id\": \"user1\", \"text\": " + texts[i] + "}";
      messages[i] =
          ExportReader.parseStored(
              new SourceText(SourceFormat.JSON, json.getBytes(StandardCharsets.UTF_8)),
              Path.of("benchmark"));
    }
    return messages;
  }
}
