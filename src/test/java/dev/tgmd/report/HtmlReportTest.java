package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.FailureReport;
import dev.tgmd.recording.FailuresReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static Document parse(String html) {
    return Jsoup.parse(html);
  }

  private static List<String> chartTitles(Document d) {
    return d.select("svg.chart > title").stream().map(Element::text).collect(Collectors.toList());
  }

  @Test
  void aReportIsDrawnAsChartsOfEverySection() {
    MetricsReport r = Reports.before();
    Document d = parse(HtmlReport.page(r));
    assertThat(chartTitles(d))
        .containsExactly(
            "Stage busy time",
            "Stage utilization",
            "CPU over the run",
            "RSS over the run",
            "Heap over the run",
            "Queue depths (most items waiting)",
            "Cache hit rates",
            "Messages per chat");
    assertThat(d.title()).isEqualTo("tgmd export report: completed");
    assertThat(d.select("p.status").text()).isEqualTo("completed");
  }

  @Test
  void theFiguresAreTheReports() {
    MetricsReport r = Reports.before();
    Document d = parse(HtmlReport.page(r));
    assertThat(card(d, "messages")).isEqualTo(FigureText.count(r.totals().messages()));
    assertThat(card(d, "chats")).isEqualTo("3");
    assertThat(card(d, "duration")).isEqualTo(FigureText.seconds(r.run().durationS()));
    assertThat(card(d, "peak RSS")).isEqualTo("512.3 MiB");
    assertThat(card(d, "failures")).isEqualTo("2");
    assertThat(d.select("p.bottleneck").text())
        .startsWith("The bottleneck was the process stage: busy 86.0 % of its wall time");
    // one bar per stage, its busy time beside it
    Element busy = chart(d, "Stage busy time");
    assertThat(busy.select("text.value").eachText())
        .containsExactly("1.23 s", "21.50 s", "500.0 ms");
    assertThat(chart(d, "Cache hit rates").select("text.value").eachText())
        .containsExactly("90.9 % (1,200/1,320)", "- (0/0)");
    // the chart's line has a point per sample
    Element rss = chart(d, "RSS over the run");
    assertThat(rss.select("path").attr("d")).matches("M[0-9. ]+ L[0-9. ]+");
    List<String> rows = d.select("table tbody tr").eachText();
    assertThat(rows)
        .containsExactly(
            "Alice personal_chat 10,000 1 100 9.50 s completed",
            "Work private_supergroup 2,340 1 20 2.75 s completed",
            "saved_messages 5 1 0 500.0 ms completed");
    assertThat(d.select("ul.failures li").eachText())
        .containsExactly(
            "process message 42 in chat Alice: IllegalStateException: unknown entity type spoiler2",
            "process message 97 in chat Work: NullPointerException");
  }

  @Test
  void thePageFetchesNothingAndRunsNothing() {
    for (String html :
        List.of(
            HtmlReport.page(Reports.before()),
            HtmlReport.page(Reports.empty()),
            HtmlReport.compare("a", Reports.before(), "b", Reports.after()))) {
      Document d = parse(html);
      assertThat(d.select("script")).isEmpty();
      assertThat(d.select("link, img, iframe, object, embed")).isEmpty();
      assertThat(d.select("[src]")).isEmpty();
      assertThat(d.select("[href]")).isEmpty();
      assertThat(d.select("style").html()).doesNotContain("url(", "@import");
      assertThat(html).doesNotContain("http://", "https://").contains("<!DOCTYPE html>");
    }
  }

  @Test
  void untrustedNamesAreEscaped() {
    MetricsReport base = Reports.before();
    String evil = "<script>alert(1)</script>\"'&";
    List<ChatReport> chats = new ArrayList<>(base.chats());
    chats.add(new ChatReport(7, evil, "personal_chat", 99_999, 1, 0, 1.0, "completed"));
    MetricsReport r =
        new MetricsReport(
            base.schemaVersion(),
            base.tool(),
            new RunInfo(
                RunStatus.FAILED,
                "boom <b>bold</b>",
                base.run().startedAt(),
                base.run().finishedAt(),
                base.run().durationS(),
                "/in/<img src=x>",
                "/out",
                base.run().options()),
            base.totals(),
            base.stages(),
            base.queues(),
            base.resources(),
            base.caches(),
            new FailuresReport(
                1, List.of(new FailureReport("process", "message 1 in chat " + evil, evil))),
            chats);
    String html = HtmlReport.page(r);
    Document d = parse(html);
    assertThat(d.select("script")).isEmpty();
    assertThat(d.select("img")).isEmpty();
    assertThat(d.select("p.error b")).isEmpty();
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    // the names come back as they were, as text
    assertThat(d.select("table tbody tr td:first-child").eachText()).contains(evil);
    assertThat(chart(d, "Messages per chat").select("text.label > title").eachText())
        .contains(evil);
    assertThat(d.select("p.error").text()).isEqualTo("boom <b>bold</b>");
  }

  @Test
  void twoRunsAreDrawnSideBySide() {
    Document d = parse(HtmlReport.compare("before", Reports.before(), "after", Reports.after()));
    assertThat(d.select("h2.side").eachText()).containsExactly("before", "after");
    // every section twice, one column each
    assertThat(d.select("section.pair")).hasSize(6);
    assertThat(d.select("section.pair").first().select("svg.chart")).hasSize(4);
    List<String> rows = d.select("table.compare tbody tr").eachText();
    assertThat(rows.get(0)).isEqualTo("duration 12.75 s 8.25 s 0.65x");
    assertThat(d.select("table.compare td.better").eachText()).contains("0.65x");
  }

  @Test
  void aReportWithoutResourcesSaysSo() {
    Document d = parse(HtmlReport.page(Reports.empty()));
    assertThat(d.select("p.status").text()).isEqualTo("failed");
    assertThat(d.text()).contains("Not measured: the resource monitor did not run.");
    assertThat(chartTitles(d)).doesNotContain("CPU over the run");
  }

  private static String card(Document d, String key) {
    for (Element c : d.select("div.card")) {
      if (c.select(".k").text().equals(key)) {
        return c.select(".v").text();
      }
    }
    throw new AssertionError("no card " + key);
  }

  private static Element chart(Document d, String title) {
    for (Element svg : d.select("svg.chart")) {
      if (svg.child(0).text().equals(title)) {
        return svg;
      }
    }
    throw new AssertionError("no chart " + title);
  }
}
