package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of the current JSON value with errors that name the file, line and column, and the
 * one walk over an object's fields ({@link #readObject}) every reader of the package uses. One per
 * reader; not thread-safe.
 */
final class JsonValues {

  private final Path file;
  private final TdesktopEscapeFilter escapes;
  private final JsonFactory factory;

  JsonValues(Path file, TdesktopEscapeFilter escapes, JsonFactory factory) {
    this.file = file;
    this.escapes = escapes;
    this.factory = factory;
  }

  /** Bytes of the file consumed so far (read ahead of the parser by at most its buffers). */
  long bytesIn() {
    return escapes == null ? 0 : escapes.bytesIn();
  }

  ExportFormatException error(JsonParser p, String reason) {
    return error(p.currentTokenLocation(), reason, null);
  }

  ExportFormatException error(JsonLocation loc, String reason, Throwable cause) {
    if (loc == null) {
      return new ExportFormatException(file, 0, 0, reason, cause);
    }
    int column =
        escapes == null
            ? loc.getColumnNr()
            : escapes.originalColumn(loc.getByteOffset(), loc.getColumnNr());
    return new ExportFormatException(
        file, Math.max(0, loc.getLineNr()), Math.max(0, column), reason, cause);
  }

  /**
   * A parser's exception as the one-line error of the file: where it happened and what, in words
   * (Jackson's own message is cut to its first line).
   */
  ExportFormatException translate(JsonProcessingException e, JsonParser parser, String prefix) {
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (m.startsWith(MessageParser.TOO_LARGE)) {
        return error(e.getLocation(), m, null);
      }
      if (m.startsWith("String value length")) {
        // Jackson has no position for it: the string being read starts at the current token
        return error(
            parser.currentTokenLocation(),
            String.format(
                java.util.Locale.ROOT,
                "a text of more than %,d characters: Telegram's own limit is 4,096; the export is damaged "
                    + "or was not written by Telegram",
                ExportReader.MAX_STRING_CHARS),
            null);
      }
      return error(
          e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation(),
          "a value too large to read: " + m.replaceAll("\\s*\\(from `.*", ""),
          null);
    }
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    if (message.startsWith("Unexpected end-of-input")) {
      message = "unexpected end of file: the export looks truncated";
    } else {
      int cut = message.indexOf(" (start marker");
      if (cut > 0) {
        message = message.substring(0, cut);
      }
      cut = message.indexOf('\n');
      if (cut > 0) {
        message = message.substring(0, cut);
      }
      message = prefix + message.replace("\r", "");
      message = message.replace(": was expecting", ", expecting");
    }
    return error(e.getLocation(), message, e);
  }

  /** The error of a file that ends in the middle of a value. */
  ExportFormatException truncated(JsonParser p) {
    return error(p, "unexpected end of file: the export looks truncated");
  }

  /** Fails unless the current token starts an object: the value of {@code field}. */
  void expectObject(JsonParser p, String field) throws ExportFormatException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(p, field, "an object");
    }
  }

  /**
   * The one walk over the fields of a JSON object: from its START_OBJECT (the current token) to its
   * END_OBJECT, handing each field to {@code reader} with the parser on the field's value. A file
   * that ends inside the object is reported as truncated.
   *
   * @return {@code into}
   */
  <T> T readObject(JsonParser p, T into, FieldReader<? super T> reader)
      throws IOException, ExportFormatException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw truncated(p);
      }
      reader.read(p, name, t, into);
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw p.currentToken() == null
          ? truncated(p)
          : error(p, "expected a field name, found " + describe(p.currentToken()));
    }
    return into;
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null
            ? t.name().toLowerCase(java.util.Locale.ROOT)
            : "'" + t.asString() + "'";
    }
  }

  private ExportFormatException wrongType(JsonParser p, String field, String expected) {
    return error(
        p, "expected " + expected + " for \"" + field + "\", found " + describe(p.currentToken()));
  }

  long longValue(JsonParser p, String field) throws IOException, ExportFormatException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(p, field, "a whole number");
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error(p, "the number for \"" + field + "\" is too large");
    }
    return p.getLongValue();
  }

  /** A whole number, also accepted as a string of digits; null for JSON null. */
  Long longLenient(JsonParser p, String field) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error(
            p, "expected a whole number for \"" + field + "\", found \"" + abbreviate(s) + "\"");
      }
    }
    return longValue(p, field);
  }

  Integer intOrNull(JsonParser p, String field) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return (int) p.getDoubleValue();
    }
    long v = longLenient(p, field);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  Double doubleOrNull(JsonParser p, String field) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(p, field, "a number");
    }
    return p.getDoubleValue();
  }

  boolean bool(JsonParser p, String field) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(p, field, "true or false");
  }

  String string(JsonParser p, String field) throws IOException, ExportFormatException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(p, field, "a string");
    }
    return p.getText();
  }

  String stringOrNull(JsonParser p, String field) throws IOException, ExportFormatException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : string(p, field);
  }

  /** An id that is a string ({@code user123}) in newer exports and a number in older ones. */
  String idString(JsonParser p, String field) throws IOException, ExportFormatException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    throw wrongType(p, field, "a string or a number");
  }

  /** A list of names, each possibly null ({@code members}). */
  List<String> nullableStrings(JsonParser p, String field)
      throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(p, field, "an array");
    }
    List<String> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_NULL) {
        out.add(null);
      } else if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
        out.add(p.getText());
      } else if (t == null) {
        throw error(p, "unexpected end of file: the export looks truncated");
      } else {
        out.add(compact(p));
      }
    }
    return out;
  }

  /** The current value as readable text: scalars as written, structures as compact JSON. */
  String compact(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getText();
      default:
        StringWriter w = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(w)) {
          g.copyCurrentStructure(p);
        }
        return w.toString();
    }
  }

  /**
   * Parses {@code date}: local wall time, optionally with an offset (then the instant is known).
   */
  MessageDate date(JsonParser p, String field) throws IOException, ExportFormatException {
    String s = string(p, field);
    MessageDate d = parseDate(s);
    if (d == null) {
      throw error(p, "invalid date \"" + abbreviate(s) + "\" for \"" + field + "\"");
    }
    return d;
  }

  /** The earliest {@code *_unixtime} read: 0001-01-01T00:00:00Z. */
  static final long MIN_UNIX_TIME = -62_135_596_800L;

  /** The latest {@code *_unixtime} read: 9999-12-31T23:59:59Z; later ones are no real dates. */
  static final long MAX_UNIX_TIME = 253_402_300_799L;

  /** Parses a {@code *_unixtime} value: a string of digits, or a number, in years 1 to 9999. */
  long unixTime(JsonParser p, String field) throws IOException, ExportFormatException {
    Long v = longLenient(p, field);
    if (v == null) {
      throw wrongType(p, field, "a time in seconds");
    }
    if (v < MIN_UNIX_TIME || v > MAX_UNIX_TIME) {
      throw error(
          p,
          "\""
              + field
              + "\" "
              + v
              + " is not a date tgmd can show: it lies outside the years 1 to 9999");
    }
    return v;
  }

  static MessageDate parseDate(String s) {
    if (s.length() == 19
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      int hour = digits(s, 11, 13);
      int minute = digits(s, 14, 16);
      int second = digits(s, 17, 19);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59) {
        try {
          return new MessageDate(LocalDateTime.of(year, month, day, hour, minute, second), null);
        } catch (java.time.DateTimeException e) {
          return null;
        }
      }
      return null;
    }
    String t = s.trim().replace(' ', 'T');
    try {
      return new MessageDate(LocalDateTime.parse(t), null);
    } catch (DateTimeParseException e) {
      // try with an offset
    }
    try {
      OffsetDateTime odt = OffsetDateTime.parse(t);
      return new MessageDate(odt.toLocalDateTime(), odt.toInstant());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static MessageDate withUnixTime(MessageDate date, Long unix) {
    if (unix == null) {
      return date;
    }
    Instant instant = Instant.ofEpochSecond(unix);
    LocalDateTime wall =
        date != null ? date.wall() : LocalDateTime.ofEpochSecond(unix, 0, java.time.ZoneOffset.UTC);
    return new MessageDate(wall, instant);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
