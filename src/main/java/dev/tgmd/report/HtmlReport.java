package dev.tgmd.report;

import static dev.tgmd.report.SvgChart.esc;

import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.FailureReport;
import dev.tgmd.recording.QueueReport;
import dev.tgmd.recording.StageReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A metrics report as one self-contained HTML page, {@code export_metrics.html}: the run at a
 * glance (status, figures, the bottleneck in words), then charts drawn as inline SVG ({@link
 * SvgChart}): CPU, RSS and heap over the run, stage busy time and utilization, queue depths, cache
 * hit rates, the chats. No script, no style sheet, font or image from elsewhere: it opens offline.
 * Every text from the report (chat names, paths, errors) is escaped. {@link #compare} draws two
 * reports side by side. Pure.
 */
public final class HtmlReport {

  /** The page's file name beside {@code export_metrics.json}. */
  public static final String FILE_NAME = "export_metrics.html";

  /** Chats charted, the largest first; the table lists up to {@link #CHATS_LISTED}. */
  static final int CHATS_CHARTED = 20;

  static final int CHATS_LISTED = 500;

  private HtmlReport() {}

  /** The page of one report. */
  public static String page(MetricsReport r) {
    StringBuilder b = HtmlPage.open("tgmd export report: " + r.run().status().key());
    b.append("<h1>tgmd export report</h1>");
    b.append(run(r));
    for (Function<MetricsReport, String> section : SECTIONS) {
      b.append("<section>").append(section.apply(r)).append("</section>");
    }
    return HtmlPage.close(b, r.tool().version());
  }

  /** Two reports side by side, {@code before} on the left: the same sections, paired. */
  public static String compare(String nameA, MetricsReport a, String nameB, MetricsReport b) {
    StringBuilder p = HtmlPage.open("tgmd: " + nameA + " vs " + nameB);
    p.append("<h1>tgmd: two runs compared</h1>");
    p.append(HtmlPage.comparison(nameA, a, nameB, b));
    p.append("<div class=\"pair\"><div><h2 class=\"side\">")
        .append(esc(nameA))
        .append("</h2>")
        .append(run(a))
        .append("</div><div><h2 class=\"side\">")
        .append(esc(nameB))
        .append("</h2>")
        .append(run(b))
        .append("</div></div>");
    for (Function<MetricsReport, String> section : SECTIONS) {
      p.append("<section class=\"pair\"><div>")
          .append(section.apply(a))
          .append("</div><div>")
          .append(section.apply(b))
          .append("</div></section>");
    }
    return HtmlPage.close(p, a.tool().version());
  }

  private static final List<Function<MetricsReport, String>> SECTIONS =
      List.of(
          HtmlReport::stages,
          HtmlReport::resources,
          HtmlReport::queues,
          HtmlReport::caches,
          HtmlReport::chats,
          HtmlReport::failures);

  /** The run: status, what was read and written, when, and the headline figures as cards. */
  static String run(MetricsReport r) {
    RunInfo run = r.run();
    TotalsReport t = r.totals();
    StringBuilder b = new StringBuilder(2048);
    b.append("<p class=\"status ")
        .append(run.status().key())
        .append("\">")
        .append(esc(run.status().key()))
        .append("</p>");
    if (run.error() != null) {
      b.append("<p class=\"error\">").append(esc(run.error())).append("</p>");
    }
    b.append("<dl class=\"run\">");
    HtmlPage.term(b, "input", run.input());
    HtmlPage.term(b, "output", run.output());
    HtmlPage.term(b, "started", run.startedAt().toString());
    HtmlPage.term(b, "finished", run.finishedAt().toString());
    b.append("</dl><div class=\"cards\">");
    HtmlPage.card(b, "duration", FigureText.seconds(run.durationS()));
    HtmlPage.card(b, "chats", FigureText.count(t.chats()));
    HtmlPage.card(b, "messages", FigureText.count(t.messages()));
    HtmlPage.card(b, "notes", FigureText.count(t.notes()));
    HtmlPage.card(b, "media files", FigureText.count(t.mediaFiles()));
    HtmlPage.card(b, "media copied", dev.tgmd.units.ByteSizes.iec(t.mediaBytes()));
    HtmlPage.card(b, "failures", FigureText.count(r.failures().count()));
    ResourceReport res = r.resources();
    HtmlPage.card(b, "peak RSS", FigureText.mb(res == null ? null : res.rssMbPeak()));
    HtmlPage.card(
        b,
        "CPU (avg, one core = 100 %)",
        FigureText.percent(res == null ? null : res.cpuPercentAvg()));
    b.append("</div>");
    b.append("<p class=\"bottleneck\">").append(esc(bottleneck(r))).append("</p>");
    return b.toString();
  }

  /** The bottleneck in words. */
  static String bottleneck(MetricsReport r) {
    String name = r.bottleneck();
    if (name == null) {
      return "No stage ran long enough to name a bottleneck.";
    }
    StageReport s = r.stages().get(name);
    return "The bottleneck was the "
        + name
        + " stage: busy "
        + FigureText.fraction(s.utilization())
        + " of its wall time ("
        + FigureText.seconds(s.totalS())
        + " busy over "
        + FigureText.seconds(s.wallS())
        + " with "
        + s.workers()
        + (s.workers() == 1 ? " worker" : " workers")
        + "); the other stages waited for it.";
  }

  static String stages(MetricsReport r) {
    List<SvgChart.Bar> busy = new ArrayList<>();
    List<SvgChart.Bar> used = new ArrayList<>();
    for (Map.Entry<String, StageReport> e : r.stages().entrySet()) {
      StageReport s = e.getValue();
      String mark = e.getKey().equals(r.bottleneck()) ? " *" : "";
      busy.add(new SvgChart.Bar(e.getKey() + mark, s.totalS(), FigureText.seconds(s.totalS())));
      Double u = s.utilization();
      used.add(new SvgChart.Bar(e.getKey() + mark, u == null ? 0 : u, FigureText.fraction(u)));
    }
    return "<h2>Stages</h2><div class=\"charts\">"
        + SvgChart.bars("Stage busy time", busy, null)
        + SvgChart.bars("Stage utilization", used, 1.0)
        + "</div><p class=\"note\">* the bottleneck. Busy time is summed over a stage's workers;"
        + " utilization is busy time over wall time times workers.</p>";
  }

  static String resources(MetricsReport r) {
    ResourceReport res = r.resources();
    if (res == null || res.samples().isEmpty()) {
      return "<h2>Resources</h2><p class=\"note\">Not measured: the resource monitor did not run.</p>";
    }
    List<ResourceSample> samples = res.samples();
    List<Double> xs = SvgChart.column(samples, ResourceSample::tS);
    String cpu =
        SvgChart.lines(
            "CPU over the run",
            xs,
            List.of(
                new SvgChart.Series(
                    "CPU, % of one core",
                    SvgChart.COLORS[0], SvgChart.column(samples, ResourceSample::cpuPercent))),
            v -> String.format(java.util.Locale.ROOT, "%.0f %%", v));
    String rss =
        SvgChart.lines(
            "RSS over the run",
            xs,
            List.of(
                new SvgChart.Series(
                    "RSS, MiB",
                    SvgChart.COLORS[1],
                    SvgChart.column(samples, ResourceSample::rssMb))),
            v -> String.format(java.util.Locale.ROOT, "%.0f MiB", v));
    String heap =
        SvgChart.lines(
            "Heap over the run",
            xs,
            List.of(
                new SvgChart.Series(
                    "heap used, MiB",
                    SvgChart.COLORS[2],
                    SvgChart.column(samples, ResourceSample::heapUsedMb)),
                new SvgChart.Series(
                    "heap committed, MiB",
                    SvgChart.COLORS[3],
                    SvgChart.column(samples, ResourceSample::heapCommittedMb))),
            v -> String.format(java.util.Locale.ROOT, "%.0f MiB", v));
    StringBuilder b = new StringBuilder("<h2>Resources</h2>");
    b.append("<div class=\"charts\">").append(cpu).append(rss).append(heap).append("</div>");
    b.append("<dl class=\"run\">");
    HtmlPage.term(
        b,
        "samples",
        FigureText.count(res.sampleCount()) + " every " + FigureText.seconds(res.intervalS()));
    HtmlPage.term(b, "peak RSS", FigureText.mb(res.rssMbPeak()));
    HtmlPage.term(b, "peak heap", FigureText.mb(res.heapMbPeak()));
    HtmlPage.term(b, "CPU peak", FigureText.percent(res.cpuPercentPeak()));
    HtmlPage.term(
        b,
        "GC",
        FigureText.count(res.gcCount()) + " collections, " + FigureText.seconds(res.gcTimeS()));
    HtmlPage.term(
        b,
        "threads (peak)",
        FigureText.count(res.threadsPeak() == null ? null : res.threadsPeak().longValue()));
    return b.append("</dl>").toString();
  }

  static String queues(MetricsReport r) {
    List<SvgChart.Bar> bars = new ArrayList<>();
    long top = 0;
    for (QueueReport q : r.queues().values()) {
      top = Math.max(top, Math.max(q.maxDepth(), q.capacity()));
    }
    for (Map.Entry<String, QueueReport> e : r.queues().entrySet()) {
      QueueReport q = e.getValue();
      String text =
          FigureText.count(q.maxDepth())
              + (q.capacity() == 0 ? " (unbounded)" : " of " + FigureText.count(q.capacity()));
      bars.add(new SvgChart.Bar(e.getKey(), q.maxDepth(), text));
    }
    return "<h2>Queues</h2>"
        + SvgChart.bars("Queue depths (most items waiting)", bars, top == 0 ? 1.0 : (double) top)
        + "<p class=\"note\">A queue whose depth reaches its capacity blocked the stage before"
        + " it.</p>";
  }

  static String caches(MetricsReport r) {
    List<SvgChart.Bar> bars = new ArrayList<>();
    for (Map.Entry<String, CacheReport> e : r.caches().entrySet()) {
      CacheReport c = e.getValue();
      Double rate = c.hitRatePct();
      bars.add(
          new SvgChart.Bar(
              e.getKey(),
              rate == null ? 0 : rate,
              FigureText.percent(rate)
                  + " ("
                  + FigureText.count(c.hits())
                  + "/"
                  + FigureText.count(c.hits() + c.misses())
                  + ")"));
    }
    return "<h2>Caches</h2>" + SvgChart.bars("Cache hit rates", bars, 100.0);
  }

  static String chats(MetricsReport r) {
    List<ChatReport> largest = new ArrayList<>(r.chats());
    largest.sort(Comparator.comparingLong(ChatReport::messages).reversed());
    List<SvgChart.Bar> bars = new ArrayList<>();
    for (ChatReport c : largest.subList(0, Math.min(CHATS_CHARTED, largest.size()))) {
      bars.add(new SvgChart.Bar(c.name(), c.messages(), FigureText.count(c.messages())));
    }
    StringBuilder b = new StringBuilder("<h2>Chats</h2>");
    b.append(
        SvgChart.bars(
            largest.size() > CHATS_CHARTED
                ? "Messages per chat (the " + CHATS_CHARTED + " largest)"
                : "Messages per chat",
            bars,
            null));
    b.append(
        "<table><thead><tr><th>chat</th><th>type</th><th>messages</th><th>notes</th>"
            + "<th>media</th><th>time</th><th>status</th></tr></thead><tbody>");
    int n = 0;
    for (ChatReport c : r.chats()) {
      if (n++ == CHATS_LISTED) {
        break;
      }
      b.append("<tr><td>")
          .append(esc(c.name()))
          .append("</td><td>")
          .append(esc(c.type()))
          .append("</td><td class=\"n\">")
          .append(FigureText.count(c.messages()))
          .append("</td><td class=\"n\">")
          .append(FigureText.count(c.notes()))
          .append("</td><td class=\"n\">")
          .append(FigureText.count(c.mediaFiles()))
          .append("</td><td class=\"n\">")
          .append(esc(FigureText.seconds(c.durationS())))
          .append("</td><td>")
          .append(esc(c.status()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (r.chats().size() > CHATS_LISTED) {
      b.append("<p class=\"note\">and ")
          .append(FigureText.count(r.chats().size() - CHATS_LISTED))
          .append(" more chats: see export_metrics.json.</p>");
    }
    return b.toString();
  }

  static String failures(MetricsReport r) {
    if (r.failures().count() == 0) {
      return "<h2>Failures</h2><p class=\"note\">None.</p>";
    }
    StringBuilder b = new StringBuilder("<h2>Failures</h2><p>");
    b.append(FigureText.count(r.failures().count()))
        .append(r.failures().count() == 1 ? " item" : " items")
        .append(" failed; the first:</p><ul class=\"failures\">");
    for (FailureReport f : r.failures().first()) {
      b.append("<li><b>")
          .append(esc(f.stage()))
          .append("</b> ")
          .append(esc(f.item()))
          .append(": <code>")
          .append(esc(f.error()))
          .append("</code></li>");
    }
    return b.append("</ul>").toString();
  }
}
