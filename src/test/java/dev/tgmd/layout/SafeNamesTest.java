package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Team chat|Team chat",
        "#general ^ [x]|_general _ _x_",
        "..|Chat",
        ".|Chat",
        "../../etc|_.._etc",
        ".hidden|hidden",
        "trailing. .|trailing",
        "CON|_CON",
        "con.txt|_con.txt",
        "LPT9|_LPT9",
        "  spaced \t out  |spaced out",
        "tab\u0001ctl|tab_ctl",
      })
  void makesNamesSafeEverywhere(String raw, String safe) {
    assertThat(SafeNames.of(raw, 96, "Chat")).isEqualTo(safe);
  }

  @Test
  void emojiSequencesJoinedByZeroWidthJoinersStayWhole() {
    String family = "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    assertThat(SafeNames.of(family, 96, "x")).isEqualTo(family);
    String rainbow = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 flag";
    assertThat(SafeNames.of(rainbow, 96, "x")).isEqualTo(rainbow);
    assertThat(SafeNames.of("a\u200Db", 96, "x")).isEqualTo("a_b");
    assertThat(SafeNames.of("\u200D\uD83D\uDC68", 96, "x")).isEqualTo("_\uD83D\uDC68");
  }

  @Test
  void replacesWhatFileSystemsAndWikilinksForbid() {
    assertThat(SafeNames.of("a/b\\c:d*e?f\"g<h>i|j", 96, "x")).isEqualTo("a_b_c_d_e_f_g_h_i_j");
  }

  @Test
  void capsNamesInBytesWithoutSplittingCharacters() {
    String name = "😀".repeat(40);
    String safe = SafeNames.of(name, 96, "x");
    assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(96);
    assertThat(safe).isEqualTo("😀".repeat(24));
    assertThat(SafeNames.of("ab" + "é".repeat(100), 11, "x")).isEqualTo("abéééé");
  }

  @Test
  void normalizesToNfc() {
    assertThat(SafeNames.of("Cafe\u0301", 96, "x")).isEqualTo("Caf\u00e9");
  }

  @Test
  void randomNamesAlwaysMakeAFileInsideTheFolder(@TempDir Path dir) throws Exception {
    Random r = new Random(7);
    String alphabet = "aZ09 ./\\:*?\"<>|#^[]~`!@$%&()_+=-{};',😀\u0000\u0007\u200d\u202eé";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(30);
      for (int j = 0; j < n; j++) {
        sb.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String safe = SafeNames.of(sb.toString(), 60, "fallback");
      assertThat(safe)
          .isNotEmpty()
          .isNotIn(".", "..")
          .doesNotStartWith(".")
          .doesNotEndWith(".")
          .doesNotEndWith(" ");
      assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(60);
      Path p = dir.resolve(safe);
      assertThat(p.getParent()).isEqualTo(dir);
      Files.writeString(p, "x");
      Files.delete(p);
    }
  }
}
