package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonFormatterTest {

  @Test
  void comparesTwoReportsFigureByFigure() throws Exception {
    Golden.assertMatches(
        "compare.txt",
        ComparisonFormatter.plain()
            .format("before.json", Reports.before(), "after.json", Reports.after()));
  }

  @Test
  void handlesZerosNullsAndMissingSectionsWithoutDividing() throws Exception {
    Golden.assertMatches(
        "compare-from-empty.txt",
        ComparisonFormatter.plain()
            .format("empty.json", Reports.empty(), "before.json", Reports.before()));
  }

  @Test
  void aReportComparedWithItselfChangesNothing() {
    String text = ComparisonFormatter.plain().format("a", Reports.before(), "b", Reports.before());
    assertThat(text)
        .doesNotContainPattern("[+-][0-9.]+ %")
        .doesNotContainPattern("\\bmoved\\b") // the bottleneck's change, not "notes removed"
        .doesNotContain("from 0", "NaN", "Infinity");
  }

  @Test
  void colorMarksBetterGreenAndWorseRed() {
    String color =
        ComparisonFormatter.withColor(true).format("a", Reports.before(), "b", Reports.after());
    // the run got faster: duration went down, which is better
    assertThat(color).containsPattern("duration.*\u001b\\[32m-35\\.3 %");
    // the RSS went up, which is worse
    assertThat(color).containsPattern("RSS peak.*\u001b\\[31m\\+36\\.7 %");
    assertThat(color.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(ComparisonFormatter.plain().format("a", Reports.before(), "b", Reports.after()));
  }
}
