package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BriefSummaryWrapTest {

  @Test
  void wrappingCutsBetweenWordsNeverInsideOne() {
    String text =
        "Metrics: /a/rather/long/path/to/the/vault/export_metrics.json (every table: tgmd"
            + " metrics show /a/rather/long/path/to/the/vault/export_metrics.json, or export"
            + " --summary full)";
    List<String> lines = BriefSummary.wrap(text, 80);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(String.join(" ", lines).replaceAll(" +", " ")).isEqualTo(text);
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("  "));
  }

  @Test
  void aWordLongerThanALineStaysWholeOnALineOfItsOwn() {
    String path = "/" + "x".repeat(100);
    assertThat(BriefSummary.wrap("Metrics: " + path + " end", 80))
        .containsExactly("Metrics:", "  " + path, "  end");
  }

  @Test
  void neverMoreThanAScreenAndTheMetricsLineStays() {
    StringBuilder headline = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      headline.append("line ").append(i).append('\n');
    }
    String text =
        new BriefSummary(
                headline.toString(), 0, List.of(), null, null, "/o/export_metrics.json", List.of())
            .format(80);
    assertThat(text.lines()).hasSize(20);
    assertThat(text.lines().toList().get(19)).endsWith("(or --summary full)");
    assertThat(text).contains("line 16\n...\nMetrics: /o/export_metrics.json\n");
  }
}
