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
          .isEqualTo(Labels.abbreviate(whole.toString(), max));
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
