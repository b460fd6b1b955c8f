package dev.tgmd.source;

import java.util.Objects;

/**
 * The text a message was read from, kept so that the message can be read again later without the
 * export: for JSON the message object, for HTML the message's element made self-contained.
 *
 * @param format what the bytes are
 * @param bytes UTF-8; the record keeps the array given (callers do not change it afterwards)
 */
public record SourceText(SourceFormat format, byte[] bytes) {

  public SourceText {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The bytes as text. */
  public String text() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceText other
        && format == other.format
        && java.util.Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SourceText[" + format + ", " + bytes.length + " bytes]";
  }
}
