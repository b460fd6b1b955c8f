package dev.tgmd.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void countsTheColumnsATerminalDraws() {
    assertThat(DisplayWidth.of("Alex")).isEqualTo(4);
    assertThat(DisplayWidth.of("家族")).isEqualTo(4);
    assertThat(DisplayWidth.of("e\u0301")).as("a combining accent").isEqualTo(1);
    assertThat(DisplayWidth.of("Family 👨\u200D👩\u200D👧")).isEqualTo(9);
    assertThat(DisplayWidth.of("Новости")).isEqualTo(7);
  }

  @Test
  void fitCutsWithAnEllipsisWithinTheColumnsAndPadFillsThem() {
    assertThat(DisplayWidth.fit("Riverside Kayak Swap", 10)).isEqualTo("Riverside…");
    assertThat(DisplayWidth.fit("家族のグループ", 6)).isEqualTo("家族…");
    assertThat(DisplayWidth.fit("short", 10)).isEqualTo("short");
    assertThat(DisplayWidth.pad("家族", 6)).isEqualTo("家族  ");
  }
}
