package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarLineTest {

  private static int cells(String line) {
    return line.indexOf(']') - line.indexOf('[') - 1;
  }

  @Test
  void aWideTerminalShowsEverythingSpacedApart() {
    String line = BarLine.render(35L << 20, 130L << 20, 400_000, 1.0, 160);
    assertThat(line)
        .startsWith("Exporting  26% [")
        .endsWith("] 35.0 MiB / 130.0 MiB · 400,000 messages · 35.0 MiB/s · 0:03 left");
    assertThat(cells(line)).isEqualTo(BarLine.MAX_BAR);
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 61, 72, 80, 100, 120})
  void theBarStaysReadableDownToSixtyColumns(int columns) {
    String line = BarLine.render(35L << 20, 130L << 20, 400_000, 3.0, columns);
    assertThat(line.length()).isLessThan(columns);
    assertThat(cells(line)).isGreaterThanOrEqualTo(BarLine.MIN_BAR);
    assertThat(line).contains("MiB /"); // the sizes go last
  }

  @Test
  void aSmallInputShowsItsSizeAndNoUnknownSpeed() {
    String line = BarLine.render(12_000, 56_105, 1, 0.2, 100);
    assertThat(line).contains("11.7 KiB / 54.8 KiB · 1 message").doesNotContain("?", "/s", "left");
    assertThat(BarLine.render(0, 0, 0, 0, 80)).contains("0 B / 0 B · 0 messages");
  }

  @Test
  void theTimeLeftReadsLikeAClock() {
    assertThat(BarLine.clock(5)).isEqualTo("0:05");
    assertThat(BarLine.clock(754)).isEqualTo("12:34");
    assertThat(BarLine.clock(3723)).isEqualTo("1:02:03");
  }
}
