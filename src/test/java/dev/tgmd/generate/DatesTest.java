package dev.tgmd.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class DatesTest {

  private static final ZoneOffset ZONE = ZoneOffset.ofTotalSeconds(Dates.OFFSET_SECONDS);

  @Test
  void formatsLikeJavaTimeAcrossCenturiesAndLeapDays() {
    Rng rng = new Rng(5);
    char[] out = new char[19];
    long[] fixed = {0, 951782400L, 1709164800L, 4107542400L, -1L};
    for (int i = 0; i < 20_000; i++) {
      long t = i < fixed.length ? fixed[i] : (rng.nextLong() >>> 30) % 4_102_444_800L;
      LocalDateTime expected = LocalDateTime.ofEpochSecond(t, 0, ZONE);
      Dates.iso(t, out);
      assertThat(new String(out))
          .as("%d", t)
          .isEqualTo(expected.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
      StringBuilder sb = new StringBuilder();
      Dates.fileNamePart(t, sb);
      assertThat(sb.toString())
          .isEqualTo(expected.format(DateTimeFormatter.ofPattern("dd-MM-yyyy_HH-mm-ss")));
    }
  }

  @Test
  void dateIsWallTimeInUtcPlusThree() {
    char[] out = new char[19];
    Dates.iso(Instant.parse("2024-03-01T21:30:00Z").getEpochSecond(), out);
    assertThat(new String(out)).isEqualTo("2024-03-02T00:30:00");
  }
}
