package dev.tgmd.report;

import static dev.tgmd.report.SvgChart.esc;

import java.util.Locale;

/**
 * The frame of the HTML report ({@link HtmlReport}): the document with its style sheet inline (no
 * font, script or image from elsewhere), and the small pieces the sections share: a term of a
 * definition list, a card holding one figure, the table of figures of two runs. Pure.
 */
final class HtmlPage {

  private static final String STYLE =
      """
      :root{color-scheme:light;--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bar:#2563eb}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
      margin:0 auto;padding:24px;max-width:1240px;background:#fff}
      h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px;
      border-bottom:1px solid var(--line);padding-bottom:4px}h2.side{border:0;margin-top:8px}
      .status{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;margin:4px 0}
      .completed{background:#dcfce7;color:#166534}.failed{background:#fee2e2;color:#991b1b}
      .interrupted{background:#fef9c3;color:#854d0e}.error{color:#991b1b}
      dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
      dl.run dt{color:var(--muted)}dl.run dd{margin:0;overflow-wrap:anywhere}
      .cards{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
      .card{border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:110px}
      .card .v{font-size:18px;font-weight:600}.card .k{color:var(--muted);font-size:12px}
      .bottleneck{font-weight:500}.note{color:var(--muted);font-size:12px}
      svg.chart{display:block;width:100%;max-width:640px;height:auto;margin:8px 0}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:8px 24px}
      .pair .charts{grid-template-columns:1fr}
      svg .caption{font-size:13px;font-weight:600;fill:var(--fg)}
      svg .grid{stroke:var(--line)}svg .axis,svg .legend,svg .value,svg .label{font-size:11px;
      fill:#374151}svg .track{fill:#f3f4f6}svg .bar{fill:var(--bar)}
      table{border-collapse:collapse;margin:8px 0;font-size:13px}
      th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:24px}
      .better{color:#166534}.worse{color:#991b1b}
      footer{margin-top:32px;color:var(--muted);font-size:12px}
      """;

  private HtmlPage() {}

  static StringBuilder open(String title) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    return b;
  }

  static String close(StringBuilder b, String version) {
    return b.append("<footer>Written by tgmd ")
        .append(esc(version))
        .append(" from its metrics report (export_metrics.json); every figure is explained in")
        .append(" docs/metrics.md.</footer></body></html>\n")
        .toString();
  }

  static void term(StringBuilder b, String term, String value) {
    b.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  static void card(StringBuilder b, String key, String value) {
    b.append("<div class=\"card\"><div class=\"v\">")
        .append(esc(value))
        .append("</div><div class=\"k\">")
        .append(esc(key))
        .append("</div></div>");
  }

  /** The headline figures of two runs side by side, with {@code after / before}. */
  static String comparison(String nameA, MetricsReport a, String nameB, MetricsReport b) {
    StringBuilder t = new StringBuilder(2048);
    t.append("<table class=\"compare\"><thead><tr><th>figure</th><th class=\"n\">")
        .append(esc(nameA))
        .append("</th><th class=\"n\">")
        .append(esc(nameB))
        .append("</th><th class=\"n\">after / before</th></tr></thead><tbody>");
    row(t, "duration", a.run().durationS(), b.run().durationS(), FigureText::seconds, true);
    row(
        t,
        "messages",
        (double) a.totals().messages(),
        (double) b.totals().messages(),
        c -> FigureText.count(Math.round(c)),
        null);
    row(
        t,
        "failures",
        (double) a.failures().count(),
        (double) b.failures().count(),
        c -> FigureText.count(Math.round(c)),
        true);
    row(t, "peak RSS", rss(a), rss(b), FigureText::mb, true);
    row(t, "CPU (avg)", cpu(a), cpu(b), FigureText::percent, null);
    return t.append("</tbody></table>").toString();
  }

  private static Double rss(MetricsReport r) {
    return r.resources() == null ? null : r.resources().rssMbPeak();
  }

  private static Double cpu(MetricsReport r) {
    return r.resources() == null ? null : r.resources().cpuPercentAvg();
  }

  private static void row(
      StringBuilder t,
      String name,
      Double before,
      Double after,
      java.util.function.Function<Double, String> text,
      Boolean lowerIsBetter) {
    String ratio = "-";
    String cls = "";
    if (before != null && after != null && before > 0) {
      double q = after / before;
      ratio = String.format(Locale.ROOT, "%.2fx", q);
      if (lowerIsBetter != null && q != 1) {
        cls = (q < 1) == lowerIsBetter ? " better" : " worse";
      }
    }
    t.append("<tr><td>")
        .append(esc(name))
        .append("</td><td class=\"n\">")
        .append(esc(text.apply(before)))
        .append("</td><td class=\"n\">")
        .append(esc(text.apply(after)))
        .append("</td><td class=\"n")
        .append(cls)
        .append("\">")
        .append(esc(ratio))
        .append("</td></tr>");
  }
}
