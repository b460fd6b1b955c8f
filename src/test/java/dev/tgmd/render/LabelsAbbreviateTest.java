package dev.tgmd.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelsAbbreviateTest {

  private static final String[] PIECES = {
    "word", " ", "  ", "\n", "\n\n", "\t", "é", "😀", "👨‍👩‍👧", "long sentence here", "x", ""
  };

  @Test
  void aTextInPartsAbbreviatesAsTheWholeTextDoes() {
    Random r = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      List<TextPart> parts = new ArrayList<>();
      StringBuilder whole = new StringBuilder();
      int n = 1 + r.nextInt(6);
      for (int i = 0; i < n; i++) {
        StringBuilder part = new StringBuilder();
        int m = r.nextInt(8);
        for (int j = 0; j < m; j++) {
          part.append(PIECES[r.nextInt(PIECES.length)]);
        }
        parts.add(
            r.nextBoolean()
                ? new TextPart.Plain(part.toString())
                : new TextPart.Styled(TextPart.Style.BOLD, part.toString()));
        whole.append(part);
      }
      int max = 1 + r.nextInt(40);
      assertThat(Labels.abbreviate(parts, max))
          .as("%s, max %d", parts, max)
          .isEqualTo(Labels.abbreviate(whole.toString(), max))
          .isEqualTo(reference(whole.toString(), max));
    }
  }

  /**
   * The rule as docs state it, one code point at a time: the reference the fast path must match.
   */
  private static String reference(String s, int max) {
    StringBuilder sb = new StringBuilder();
    int count = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        if (++count > max) {
          break;
        }
        sb.append(' ');
        space = false;
      }
      if (++count > max) {
        break;
      }
      sb.appendCodePoint(cp);
    }
    if (count > max) {
      sb.setLength(sb.offsetByCodePoints(sb.length(), -1));
      return sb.toString().strip() + "…";
    }
    return sb.toString();
  }

  @Test
  void everyCharacterIsFoldedAsCharacterIsWhitespaceSays() {
    // controls, ASCII, no-break and other Unicode spaces, line separators, surrogates (paired or
    // not)
    String chars =
        "\u0000\u0009\n\u000b\u000c\r\u001c\u001f a~\u007f\u0085\u00a0\u1680\u2000\u2007\u2028"
            + "\u3000\ufeffé😀\ud83d\ude00";
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(30);
      for (int i = 0; i < n; i++) {
        sb.append(chars.charAt(r.nextInt(chars.length())));
      }
      String text = sb.toString();
      int max = 1 + r.nextInt(25);
      assertThat(Labels.abbreviate(text, max))
          .as("%s, max %d", text.codePoints().boxed().toList(), max)
          .isEqualTo(reference(text, max));
    }
  }

  @Test
  void aLongTextIsCutWithAnEllipsis() {
    List<TextPart> parts =
        List.of(
            new TextPart.Plain("Meet at the\n\n  trailhead "),
            new TextPart.Styled(TextPart.Style.BOLD, "at seven"),
            new TextPart.Plain(", bring water"));
    assertThat(Labels.abbreviate(parts, 20)).isEqualTo("Meet at the trailhe…");
    assertThat(Labels.abbreviate(parts, 100))
        .isEqualTo("Meet at the trailhead at seven, bring water");
    assertThat(Labels.abbreviate(List.of(new TextPart.Plain(" \n\t")), 10)).isEmpty();
  }
}
