package dev.tgmd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts as inline SVG for the HTML report ({@link HtmlReport}): lines over time (CPU, memory) and
 * horizontal bars (stages, queues, caches, chats). Every text is escaped; nothing is fetched. Each
 * chart is one {@code <svg>} with a {@code <title>} naming it, for screen readers and for tests.
 * Pure.
 */
final class SvgChart {

  /** A series of a line chart: its name, its color, and a value per x (null: no value there). */
  record Series(String name, String color, List<Double> values) {}

  /** One bar: its label, its value, the text shown beside it. */
  record Bar(String label, double value, String text) {}

  static final String[] COLORS = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c"};

  private static final int WIDTH = 560;
  private static final int HEIGHT = 220;
  private static final int LEFT = 56;
  private static final int RIGHT = 12;
  private static final int TOP = 44;
  private static final int BOTTOM = 28;

  private SvgChart() {}

  /**
   * Escaped for HTML text and quoted attributes: {@code & < > " '} as character references, the
   * rest as it is (the page is UTF-8). Not jsoup's {@code Entities.escape}: loading its entity
   * tables costs some hundred milliseconds, which every run would wait for.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String r =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (r != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (r != null) {
          b.append(r);
        } else {
          b.append(s.charAt(i));
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Lines over time: {@code xs} (seconds) on the horizontal axis, each series' values against a
   * vertical axis from 0 to a round maximum, labelled with {@code yText}.
   */
  static String lines(
      String title, List<Double> xs, List<Series> series, DoubleFunction<String> yText) {
    double xMax = 0;
    for (Double x : xs) {
      xMax = Math.max(xMax, x);
    }
    double yMax = 0;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null) {
          yMax = Math.max(yMax, v);
        }
      }
    }
    yMax = roundUp(yMax);
    xMax = xMax <= 0 ? 1 : xMax;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder b = open(title, WIDTH, HEIGHT);
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotH - plotH * i / 4;
      b.append(
          fmt(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
              LEFT, y, WIDTH - RIGHT, y));
      b.append(
              fmt("<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">", LEFT - 6, y + 4))
          .append(esc(yText.apply(yMax * i / 4)))
          .append("</text>");
    }
    for (int i = 0; i <= 4; i++) {
      double x = LEFT + plotW * i / 4;
      b.append(
              fmt(
                  "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"%s\">",
                  x, HEIGHT - 8, i == 4 ? "end" : "middle"))
          .append(esc(FigureText.seconds(xMax * i / 4)))
          .append("</text>");
    }
    int legendX = LEFT;
    for (Series s : series) {
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      int points = 0;
      double lastX = 0;
      double lastY = 0;
      for (int i = 0; i < xs.size() && i < s.values().size(); i++) {
        Double v = s.values().get(i);
        if (v == null) {
          pen = false;
          continue;
        }
        double x = LEFT + plotW * xs.get(i) / xMax;
        double y = TOP + plotH - (yMax == 0 ? 0 : plotH * v / yMax);
        path.append(pen ? " L" : " M").append(fmt("%.1f %.1f", x, y));
        pen = true;
        points++;
        lastX = x;
        lastY = y;
      }
      if (points == 1) { // one sample: a dot, not an invisible line
        b.append(
            fmt(
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                lastX, lastY, esc(s.color())));
      }
      b.append("<path d=\"")
          .append(path.toString().trim())
          .append("\" fill=\"none\" stroke=\"")
          .append(esc(s.color()))
          .append("\" stroke-width=\"2\"><title>")
          .append(esc(s.name()))
          .append("</title></path>");
      b.append(
          fmt(
              "<rect x=\"%d\" y=\"22\" width=\"10\" height=\"10\" fill=\"%s\"/>",
              legendX, esc(s.color())));
      b.append(fmt("<text x=\"%d\" y=\"31\" class=\"legend\">", legendX + 14))
          .append(esc(s.name()))
          .append("</text>");
      legendX += 24 + 7 * s.name().length();
    }
    return b.append("</svg>").toString();
  }

  /** Horizontal bars, one row each, scaled to {@code max} (or the largest value when null). */
  static String bars(String title, List<Bar> bars, Double max) {
    double top = max == null ? 0 : max;
    if (max == null) {
      for (Bar bar : bars) {
        top = Math.max(top, bar.value());
      }
    }
    int labelW = 170;
    int textW = 120;
    int row = 24;
    int height = TOP - 12 + row * Math.max(1, bars.size()) + 8;
    double plotW = WIDTH - labelW - textW - RIGHT;
    StringBuilder b = open(title, WIDTH, height);
    int y = TOP - 12;
    for (Bar bar : bars) {
      double w = top <= 0 ? 0 : plotW * Math.max(0, Math.min(bar.value(), top)) / top;
      b.append(
              fmt(
                  "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">",
                  labelW - 8, y + 15))
          .append(esc(shorten(bar.label(), 24)))
          .append("<title>")
          .append(esc(bar.label()))
          .append("</title></text>");
      b.append(
          fmt(
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" class=\"track\"/>",
              labelW, y + 3, plotW));
      b.append(
          fmt(
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" class=\"bar\"/>",
              labelW, y + 3, w));
      b.append(fmt("<text x=\"%.1f\" y=\"%d\" class=\"value\">", labelW + plotW + 8, y + 15))
          .append(esc(bar.text()))
          .append("</text>");
      y += row;
    }
    if (bars.isEmpty()) {
      b.append(fmt("<text x=\"%d\" y=\"%d\" class=\"label\">none</text>", LEFT, TOP + 3));
    }
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int width, int height) {
    StringBuilder b = new StringBuilder(4096);
    b.append(
            fmt(
                "<svg viewBox=\"0 0 %d %d\" width=\"%d\""
                    + " height=\"%d\" role=\"img\" class=\"chart\"><title>",
                width, height, width, height))
        .append(esc(title))
        .append("</title><text x=\"0\" y=\"14\" class=\"caption\">")
        .append(esc(title))
        .append("</text>");
    return b;
  }

  /** At most {@code max} characters, an ellipsis for the rest. */
  static String shorten(String s, int max) {
    return s.codePointCount(0, s.length()) <= max
        ? s
        : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** 1, 2 or 5 times a power of ten, at least {@code v}; 1 for nothing. */
  static double roundUp(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** The values of {@code f} over the samples: nulls where a probe failed. */
  static List<Double> column(
      List<ResourceSample> samples, java.util.function.Function<ResourceSample, Double> f) {
    List<Double> out = new ArrayList<>(samples.size());
    for (ResourceSample s : samples) {
      out.add(f.apply(s));
    }
    return out;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
