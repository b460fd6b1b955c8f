package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.StageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFormatterTest {

  @Test
  void summarizesAFullReport() throws Exception {
    Golden.assertMatches("summary.txt", SummaryFormatter.plain().format(Reports.before()));
  }

  @Test
  void summarizesAFailedRunThatRecordedNothing() throws Exception {
    Golden.assertMatches("summary-empty.txt", SummaryFormatter.plain().format(Reports.empty()));
  }

  @Test
  void plainTextHasNoEscapeCodesAndColorHasSome() {
    String plain = SummaryFormatter.plain().format(Reports.before());
    String color = SummaryFormatter.withColor(true).format(Reports.before());
    assertThat(plain).doesNotContain("\u001b");
    assertThat(SummaryFormatter.withColor(false).format(Reports.before())).isEqualTo(plain);
    assertThat(color).contains("\u001b[1;33m* process");
    assertThat(color.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void columnsStayAlignedWithLongNamesAndLargeNumbers() {
    Map<String, StageReport> stages = new LinkedHashMap<>();
    stages.put("s", new StageReport(1, 0, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 1, 10, 1));
    stages.put(
        "a-stage-with-a-very-long-name-indeed",
        new StageReport(
            9_876_543_210L,
            123_456,
            86_399.5,
            1e-9,
            3600.0,
            0.5,
            12.0,
            100.0,
            64,
            90_000,
            1_000_000));
    MetricsReport r =
        MetricsReport.assemble(
            ToolInfo.tgmd("0.1.0"),
            Reports.before().run(),
            TotalsReport.zero(),
            new MetricsSnapshot(stages, Map.of(), Map.of(), FailuresReport.none()),
            null,
            List.of());
    String text = SummaryFormatter.plain().format(r);
    List<String> table =
        text.lines()
            .dropWhile(l -> !l.equals("Stages"))
            .skip(1)
            .limit(3)
            .collect(java.util.stream.Collectors.toList());
    assertThat(table.get(2)).contains("9,876,543,210").contains("123,456").contains("23h 59m");
    // every column ends at the same place in each row: the right-aligned figures line up
    for (String figure : List.of("items", "errors", "busy", "workers")) {
      int end = table.get(0).indexOf(figure) + figure.length();
      assertThat(table.get(1).charAt(end - 1)).as(figure).isNotEqualTo(' ');
      assertThat(table.get(2).charAt(end - 1)).as(figure).isNotEqualTo(' ');
      if (end < table.get(2).length()) {
        assertThat(table.get(2).charAt(end)).isEqualTo(' ');
      }
    }
  }
}
