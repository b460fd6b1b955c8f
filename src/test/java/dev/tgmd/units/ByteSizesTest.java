package dev.tgmd.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteSizesTest {

  @Test
  void bytesBelowAKibibyteAreShownAsTheyAre() {
    assertThat(ByteSizes.iec(0)).isEqualTo("0 B");
    assertThat(ByteSizes.iec(1023)).isEqualTo("1023 B");
  }

  @Test
  void largerSizesTakeTheLargestBinaryUnitTheyReachWithOneDecimal() {
    assertThat(ByteSizes.iec(1024)).isEqualTo("1.0 KiB");
    assertThat(ByteSizes.iec(12_000)).isEqualTo("11.7 KiB");
    assertThat(ByteSizes.iec(3_500_000)).isEqualTo("3.3 MiB");
    assertThat(ByteSizes.iec(1L << 30)).isEqualTo("1.0 GiB");
    assertThat(ByteSizes.iec(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
  }

  @Test
  void kibibytesAndMebibytesReadAsJavasFormatterWritesThem() {
    // every size up to 64 KiB, sizes around each tenth's rounding boundary and random ones up to
    // 1 GiB: the integer arithmetic gives the digits String.format gave before it
    List<String> mismatches = new ArrayList<>();
    for (long b = 1024; b <= 1L << 16; b++) {
      check(b, mismatches);
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      long b = random.nextLong(1L << 16, 1L << 30);
      check(b, mismatches);
    }
    for (long tenth = 1; tenth < 10_240; tenth++) {
      long edge = (tenth * 2 - 1) * (1L << 20) / 20; // where x.x5 MiB lies
      for (long b = edge - 2; b <= edge + 2; b++) {
        check(b, mismatches);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(ByteSizes.iec((1L << 20) - 1)).isEqualTo("1,024.0 KiB");
    assertThat(ByteSizes.iec((1L << 30) - 1)).isEqualTo("1,024.0 MiB");
  }

  private static void check(long bytes, List<String> mismatches) {
    String ours = ByteSizes.iec(bytes);
    String format = formatted(bytes);
    if (!ours.equals(format) && mismatches.size() < 10) {
      mismatches.add(bytes + ": " + ours + " instead of " + format);
    }
  }

  private static String formatted(long bytes) {
    double v = bytes;
    int unit = -1;
    while (v >= 1024) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%,.1f %s", v, new String[] {"KiB", "MiB"}[unit]);
  }
}
