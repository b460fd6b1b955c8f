package dev.tgmd.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A message's source, exactly as a reader read it: its format and its bytes. For JSON they are the
 * UTF-8 bytes of the message's object as they went into the JSON parser, that is after {@code
 * TdesktopEscapeFilter} rewrote Telegram Desktop's illegal {@code \xHH} escapes as the legal
 * unicode escape of U+00HH (so they are legal JSON; the file's other bytes are unchanged). {@link
 * ExportReader#parseStored} reads them back into the equal message.
 *
 * <p>The array is not copied, in or out (a message's source travels through the export and into the
 * archive and a copy at each step would cost as much as the reading): whoever makes a SourceText
 * hands its array over and nobody changes it afterwards. Equal by format and content; {@link
 * #toString} names the format and size, never the bytes.
 *
 * @param format the export format the bytes are in
 * @param bytes the source's bytes; never changed once handed over
 */
public record SourceText(SourceFormat format, byte[] bytes) {

  public SourceText {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The bytes as text (UTF-8). */
  public String text() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceText
        && ((SourceText) o).format == format
        && Arrays.equals(((SourceText) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "SourceText[%s, %d bytes]", format.name().toLowerCase(Locale.ROOT), size());
  }
}
