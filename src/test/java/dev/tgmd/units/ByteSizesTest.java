package dev.tgmd.units;

import static org.assertj.core.api.Assertions.assertThat;

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
}
