package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Streams a Telegram Desktop JSON export, one event at a time: a chat starts, its messages, the
 * chat ends. Memory does not grow with the number of messages: only the current message is held.
 *
 * <p>Both layouts are read: a single chat (the file is one chat object) and a whole account ({@code
 * chats.list} and {@code left_chats.list}). Chats the filter rejects are skipped without building
 * their messages. Telegram Desktop's illegal {@code \xHH} escapes are read as the character U+00HH.
 *
 * <p>Not thread-safe: one thread calls {@link #next()}.
 */
final class JsonExportReader implements ExportReader {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING_CHARS)
                  .maxNumberLength(10_000)
                  .maxNestingDepth(2_000)
                  .build())
          .build();

  private enum State {
    ROOT,
    SECTION,
    LIST,
    CHAT,
    MESSAGES,
    DONE
  }

  private final Path file;
  private final Path root;
  private final long size;
  private final Predicate<Chat> filter;
  private final TdesktopEscapeFilter escapes;
  private final SourceCapture capture;
  private final JsonParser parser;
  private final JsonValues values;
  private final MessageParser messages;

  private State state = State.ROOT;
  private boolean singleChat;
  private boolean sawChats;
  private String section;
  private int listIndex;
  private HeaderFields header = new HeaderFields();
  private Chat current;

  private JsonExportReader(Path file, Predicate<Chat> filter)
      throws IOException, ExportFormatException {
    this.file = file;
    this.root = file.toAbsolutePath().getParent();
    this.size = Files.size(file);
    this.filter = filter;
    InputStream in = Files.newInputStream(file);
    this.escapes = new TdesktopEscapeFilter(in);
    this.capture = new SourceCapture(escapes);
    this.values = new JsonValues(file, escapes, FACTORY);
    this.messages = new MessageParser(values);
    JsonParser p;
    try {
      p = FACTORY.createParser(capture);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    this.parser = p;
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw values.error(
            parser.currentLocation(), "the file is empty, not a Telegram export", null);
      }
      if (first != JsonToken.START_OBJECT) {
        throw values.error(
            parser,
            "not a Telegram export: the file starts with "
                + JsonValues.describe(first)
                + " instead of an object");
      }
    } catch (JsonProcessingException e) {
      close();
      throw values.translate(e, parser, "not a JSON file: ");
    } catch (ExportFormatException | IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Opens {@code file}, a Telegram Desktop JSON export ({@code result.json}).
   *
   * @param filter which chats to yield; the others are skipped
   */
  static JsonExportReader open(Path file, Predicate<Chat> filter)
      throws IOException, ExportFormatException {
    try {
      return new JsonExportReader(file, filter);
    } catch (NoSuchFileException e) {
      throw new ExportFormatException(file, "no such file");
    }
  }

  /** The JSON file being read. */
  @Override
  public Path file() {
    return file;
  }

  /** The export folder: media paths in the file are relative to it. */
  @Override
  public Path root() {
    return root;
  }

  /** The file's size in bytes. */
  @Override
  public long size() {
    return size;
  }

  /** Bytes of the file read so far (for progress). */
  @Override
  public long bytesRead() {
    return escapes.bytesIn();
  }

  /**
   * The next event, or null when the export has been read to its end.
   *
   * @throws ExportFormatException when the input is malformed here (the message names the line and
   *     column)
   */
  @Override
  public ExportEvent next() throws IOException, ExportFormatException {
    try {
      return advance();
    } catch (JsonProcessingException e) {
      throw values.translate(e, parser, "");
    }
  }

  private ExportEvent advance() throws IOException, ExportFormatException {
    while (true) {
      switch (state) {
        case ROOT:
          {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_OBJECT) {
              finishRoot();
              return null;
            }
            String name = fieldName(t, "the export");
            parser.nextToken();
            if (name.equals("messages")) {
              ExportEvent e = startMessages(null, 0);
              singleChat = true;
              if (e != null) {
                return e;
              }
            } else if ((name.equals("chats") || name.equals("left_chats")) && !singleChat) {
              sawChats = true;
              if (parser.currentToken() == JsonToken.VALUE_NULL) {
                continue;
              }
              expect(JsonToken.START_OBJECT, name, "an object");
              section = name;
              state = State.SECTION;
            } else if (!readHeaderField(name)) {
              parser.skipChildren();
            }
            break;
          }
        case SECTION:
          {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_OBJECT) {
              state = State.ROOT;
              break;
            }
            String name = fieldName(t, "\"" + section + "\"");
            parser.nextToken();
            if (name.equals("list")) {
              expect(JsonToken.START_ARRAY, section + ".list", "an array");
              listIndex = -1;
              state = State.LIST;
            } else {
              parser.skipChildren();
            }
            break;
          }
        case LIST:
          {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
              state = State.SECTION;
              break;
            }
            if (t != JsonToken.START_OBJECT) {
              throw values.error(
                  parser,
                  "expected a chat object in \""
                      + section
                      + ".list\", found "
                      + JsonValues.describe(t));
            }
            listIndex++;
            header = new HeaderFields();
            state = State.CHAT;
            break;
          }
        case CHAT:
          {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_OBJECT) {
              state = State.LIST;
              break;
            }
            String name = fieldName(t, "a chat");
            parser.nextToken();
            if (name.equals("messages")) {
              ExportEvent e = startMessages(section, listIndex);
              if (e != null) {
                return e;
              }
            } else if (!readHeaderField(name)) {
              parser.skipChildren();
            }
            break;
          }
        case MESSAGES:
          {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_OBJECT) {
              return message();
            }
            if (t == JsonToken.END_ARRAY) {
              Chat ended = current;
              current = null;
              state = singleChat ? State.ROOT : State.CHAT;
              return new ExportEvent.ChatEnded(ended);
            }
            if (t == null) {
              throw truncated();
            }
            throw values.error(
                parser, "expected a message object, found " + JsonValues.describe(t));
          }
        case DONE:
          return null;
        default:
          throw new IllegalStateException(state.name());
      }
    }
  }

  /**
   * The message whose START_OBJECT is the current token, with its bytes as the parser read them.
   */
  private ExportEvent.MessageRead message() throws IOException, ExportFormatException {
    long start = parser.currentTokenLocation().getByteOffset();
    if (start < 0) {
      throw values.error(parser, "not UTF-8: Telegram Desktop writes its exports in UTF-8");
    }
    capture.start(start);
    MessageFields f;
    try {
      f = messages.read(parser);
    } catch (IOException | ExportFormatException | RuntimeException e) {
      capture.abandon();
      throw e;
    }
    byte[] source = capture.end(parser.currentTokenLocation().getByteOffset() + 1);
    Message m = messages.build(f, source);
    SourceText text = new SourceText(SourceFormat.JSON, source);
    return new ExportEvent.MessageRead(current, m, messages.lastWeight(), text);
  }

  /** At a chat's "messages": yields ChatStarted, or skips the chat when the filter rejects it. */
  private ExportEvent startMessages(String listSection, int index)
      throws IOException, ExportFormatException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(JsonToken.START_ARRAY, "messages", "an array");
    HeaderFields h = header;
    if (!h.complete()) {
      h = scanHeader(listSection, index);
    }
    Chat chat =
        new Chat(
            h.id == null ? 0 : h.id,
            h.name,
            h.type == null ? "unknown" : h.type,
            "left_chats".equals(listSection));
    if (!filter.test(chat)) {
      parser.skipChildren();
      return null;
    }
    current = chat;
    state = State.MESSAGES;
    return new ExportEvent.ChatStarted(chat);
  }

  private boolean readHeaderField(String name) throws IOException, ExportFormatException {
    switch (name) {
      case "name":
        header.name = values.stringOrNull(parser, name);
        header.hasName = true;
        return true;
      case "type":
        header.type = values.string(parser, name);
        return true;
      case "id":
        header.id = values.longValue(parser, name);
        return true;
      default:
        return false;
    }
  }

  /**
   * Reads a chat's name, type and id when they come after its messages (Telegram Desktop writes
   * them first, hand-made files may not): a second parser walks to the same chat and reads them,
   * skipping the messages.
   */
  private HeaderFields scanHeader(String listSection, int index)
      throws IOException, ExportFormatException {
    HeaderFields found = new HeaderFields();
    try (InputStream in = Files.newInputStream(file);
        TdesktopEscapeFilter filtered = new TdesktopEscapeFilter(in);
        JsonParser p = FACTORY.createParser(filtered)) {
      p.nextToken();
      if (listSection != null) {
        if (!seekField(p, listSection)
            || p.nextToken() != JsonToken.START_OBJECT
            || !seekField(p, "list")
            || p.nextToken() != JsonToken.START_ARRAY) {
          return header;
        }
        for (int i = 0; i <= index; i++) {
          if (p.nextToken() != JsonToken.START_OBJECT) {
            return header;
          }
          if (i < index) {
            p.skipChildren();
          }
        }
      }
      values.readObject(p, found, SCANNED_HEADER_FIELD);
    } catch (JsonProcessingException e) {
      return header; // the main parser reports the problem where it meets it
    }
    return found;
  }

  /** A header field as the second parser reads it: leniently, a value of the wrong type is none. */
  private static final FieldReader<HeaderFields> SCANNED_HEADER_FIELD =
      (p, name, t, found) -> {
        switch (name) {
          case "name":
            found.name = t == JsonToken.VALUE_STRING ? p.getText() : null;
            found.hasName = true;
            break;
          case "type":
            found.type = t == JsonToken.VALUE_STRING ? p.getText() : null;
            break;
          case "id":
            found.id = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
            break;
          default:
            p.skipChildren();
        }
      };

  private static boolean seekField(JsonParser p, String wanted) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      if (p.currentName().equals(wanted)) {
        return true;
      }
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }

  private void finishRoot() throws IOException, ExportFormatException {
    state = State.DONE;
    if (!singleChat && !sawChats) {
      throw new ExportFormatException(
          file,
          "neither a single-chat export (no \"messages\") nor a whole-account export (no \"chats\"): "
              + "export with Telegram Desktop in the \"Machine-readable JSON\" format");
    }
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw values.error(parser, "unexpected content after the end of the export");
    }
  }

  private String fieldName(JsonToken t, String where) throws IOException, ExportFormatException {
    if (t == JsonToken.FIELD_NAME) {
      return parser.currentName();
    }
    if (t == null) {
      throw truncated();
    }
    throw values.error(
        parser, "expected a field name in " + where + ", found " + JsonValues.describe(t));
  }

  private void expect(JsonToken wanted, String field, String what) throws ExportFormatException {
    JsonToken t = parser.currentToken();
    if (t != wanted) {
      if (t == null) {
        throw truncated();
      }
      throw values.error(
          parser, "expected " + what + " for \"" + field + "\", found " + JsonValues.describe(t));
    }
  }

  private ExportFormatException truncated() {
    return values.error(
        parser.currentLocation(), "unexpected end of file: the export looks truncated", null);
  }

  @Override
  public void close() throws IOException {
    state = State.DONE;
    parser.close();
    escapes.close();
  }

  /** A chat's header fields as met in the file. */
  private static final class HeaderFields {
    String name;
    boolean hasName;
    String type;
    Long id;

    boolean complete() {
      if (id == null || type == null) {
        return false;
      }
      return hasName
          || type.equals("saved_messages")
          || type.equals("replies")
          || type.equals("verification_codes");
    }
  }
}
