package dev.tgmd.generate;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Escapes strings the way Telegram Desktop does: control characters other than {@code \n},
 * {@code \r} and {@code \t} become the illegal {@code \xHH}, U+2028 and U+2029 become {@code
 * \\u2028}/{@code \\u2029}, and every other character is written as raw UTF-8. Immutable.
 */
final class TdesktopEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii;
  private final SerializableString[] control = new SerializableString[32];
  private final SerializableString lineSeparator = new SerializedString("\\u2028");
  private final SerializableString paragraphSeparator = new SerializedString("\\u2029");

  TdesktopEscapes() {
    ascii = standardAsciiEscapesForJSON();
    for (int c = 0; c < 32; c++) {
      if (c != '\n' && c != '\r' && c != '\t') {
        ascii[c] = ESCAPE_CUSTOM;
        control[c] = new SerializedString(String.format("\\x%02X", c));
      }
    }
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch < 32) {
      return control[ch];
    }
    if (ch == 0x2028) {
      return lineSeparator;
    }
    if (ch == 0x2029) {
      return paragraphSeparator;
    }
    return null;
  }
}
