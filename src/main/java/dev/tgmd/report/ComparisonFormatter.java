package dev.tgmd.report;

import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.StageReport;
import dev.tgmd.units.ByteSizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Puts two {@link MetricsReport}s side by side, for before/after comparisons: every figure of the
 * run, its totals, each stage, the resources, each cache and the failures, with the ratio {@code
 * after / before} and the change in percent. Thread-safe and immutable.
 *
 * <p>Zeros and nulls never give a division: both zero shows {@code =}; zero before shows {@code
 * from 0}; a figure unknown on either side (null, or a stage or cache present in only one report)
 * shows {@code -} and {@code n/a}. With color, changes for the better are green and for the worse
 * red, for figures where a direction is better (time, latency, errors, memory: lower; throughput,
 * hit rate: higher).
 */
public final class ComparisonFormatter {

  private final TextStyle style;

  private ComparisonFormatter(TextStyle style) {
    this.style = style;
  }

  /** A formatter writing plain text. */
  public static ComparisonFormatter plain() {
    return new ComparisonFormatter(TextStyle.PLAIN);
  }

  /** A formatter writing ANSI colors when {@code color} is true, plain text otherwise. */
  public static ComparisonFormatter withColor(boolean color) {
    return new ComparisonFormatter(TextStyle.of(color));
  }

  /** How a figure is shown. */
  private enum Unit {
    COUNT,
    SECONDS,
    RATE,
    PERCENT,
    FRACTION,
    MB,
    BYTES
  }

  /** Which way a figure is better. */
  private enum Better {
    LOWER,
    HIGHER,
    NEITHER
  }

  /**
   * The comparison, lines ending with {@code \n}.
   *
   * @param beforeName what to call the first report, such as its file name
   * @param afterName what to call the second report
   */
  public String format(
      String beforeName, MetricsReport before, String afterName, MetricsReport after) {
    StringBuilder out = new StringBuilder();
    TextTable heads = new TextTable("<", "<", "<");
    heads.row("before", beforeName, describe(before));
    heads.row("after", afterName, describe(after));
    StringBuilder b = new StringBuilder();
    heads.appendTo(b, "", UnaryOperator.identity());
    out.append(b, b.indexOf("\n") + 1, b.length());
    out.append('\n');

    TextTable t = new TextTable("<figure", ">before", ">after", ">ratio", ">change");
    section(t, "Run");
    figure(
        t,
        "duration",
        Unit.SECONDS,
        Better.LOWER,
        before.run().durationS(),
        after.run().durationS());

    section(t, "Totals");
    for (Total total : Total.values()) {
      Unit unit =
          total == Total.MEDIA_BYTES || total == Total.BYTES_WRITTEN ? Unit.BYTES : Unit.COUNT;
      Better better = total == Total.MESSAGES_FAILED ? Better.LOWER : Better.NEITHER;
      figure(
          t,
          total.key().replace('_', ' '),
          unit,
          better,
          (double) before.totals().get(total),
          (double) after.totals().get(total));
    }

    for (String stage : union(before.stages().keySet(), after.stages().keySet())) {
      StageReport s0 = before.stages().get(stage);
      StageReport s1 = after.stages().get(stage);
      section(t, "Stage " + stage);
      this.<StageReport>figureOf(
          t, "items", Unit.COUNT, Better.NEITHER, s0, s1, s -> (double) s.count());
      this.<StageReport>figureOf(
          t, "errors", Unit.COUNT, Better.LOWER, s0, s1, s -> (double) s.errors());
      this.<StageReport>figureOf(
          t, "busy", Unit.SECONDS, Better.LOWER, s0, s1, StageReport::totalS);
      this.<StageReport>figureOf(
          t, "avg/item", Unit.SECONDS, Better.LOWER, s0, s1, StageReport::avgS);
      this.<StageReport>figureOf(
          t, "p50/item", Unit.SECONDS, Better.LOWER, s0, s1, StageReport::p50S);
      this.<StageReport>figureOf(
          t, "p95/item", Unit.SECONDS, Better.LOWER, s0, s1, StageReport::p95S);
      this.<StageReport>figureOf(
          t, "p99/item", Unit.SECONDS, Better.LOWER, s0, s1, StageReport::p99S);
      this.<StageReport>figureOf(
          t, "throughput", Unit.RATE, Better.HIGHER, s0, s1, StageReport::throughputPerS);
      this.<StageReport>figureOf(
          t, "utilization", Unit.FRACTION, Better.NEITHER, s0, s1, StageReport::utilization);
      this.<StageReport>figureOf(
          t, "workers", Unit.COUNT, Better.NEITHER, s0, s1, s -> (double) s.workers());
    }
    if (!before.stages().isEmpty() || !after.stages().isEmpty()) {
      String b0 = Objects.requireNonNullElse(before.bottleneck(), FigureText.NONE);
      String b1 = Objects.requireNonNullElse(after.bottleneck(), FigureText.NONE);
      t.row("  bottleneck", b0, b1, "", b0.equals(b1) ? "=" : "moved");
    }

    section(t, "Resources");
    ResourceReport r0 = before.resources();
    ResourceReport r1 = after.resources();
    this.<ResourceReport>figureOf(
        t, "CPU avg (one core)", Unit.PERCENT, Better.LOWER, r0, r1, ResourceReport::cpuPercentAvg);
    this.<ResourceReport>figureOf(
        t,
        "CPU peak (one core)",
        Unit.PERCENT,
        Better.LOWER,
        r0,
        r1,
        ResourceReport::cpuPercentPeak);
    this.<ResourceReport>figureOf(
        t, "RSS avg", Unit.MB, Better.LOWER, r0, r1, ResourceReport::rssMbAvg);
    this.<ResourceReport>figureOf(
        t, "RSS peak", Unit.MB, Better.LOWER, r0, r1, ResourceReport::rssMbPeak);
    this.<ResourceReport>figureOf(
        t, "heap peak", Unit.MB, Better.LOWER, r0, r1, ResourceReport::heapMbPeak);
    this.<ResourceReport>figureOf(
        t, "GC collections", Unit.COUNT, Better.LOWER, r0, r1, r -> toDouble(r.gcCount()));
    this.<ResourceReport>figureOf(
        t, "GC time", Unit.SECONDS, Better.LOWER, r0, r1, ResourceReport::gcTimeS);
    this.<ResourceReport>figureOf(
        t, "threads peak", Unit.COUNT, Better.NEITHER, r0, r1, r -> toDouble(r.threadsPeak()));
    this.<ResourceReport>figureOf(
        t, "disk read", Unit.MB, Better.NEITHER, r0, r1, ResourceReport::diskReadMb);
    this.<ResourceReport>figureOf(
        t, "disk written", Unit.MB, Better.NEITHER, r0, r1, ResourceReport::diskWriteMb);
    this.<ResourceReport>figureOf(
        t, "net received", Unit.MB, Better.NEITHER, r0, r1, ResourceReport::netRecvMb);
    this.<ResourceReport>figureOf(
        t, "net sent", Unit.MB, Better.NEITHER, r0, r1, ResourceReport::netSentMb);
    this.<ResourceReport>figureOf(
        t, "samples", Unit.COUNT, Better.NEITHER, r0, r1, r -> (double) r.sampleCount());

    for (String cache : union(before.caches().keySet(), after.caches().keySet())) {
      CacheReport c0 = before.caches().get(cache);
      CacheReport c1 = after.caches().get(cache);
      section(t, "Cache " + cache);
      this.<CacheReport>figureOf(
          t, "hits", Unit.COUNT, Better.NEITHER, c0, c1, c -> (double) c.hits());
      this.<CacheReport>figureOf(
          t, "misses", Unit.COUNT, Better.NEITHER, c0, c1, c -> (double) c.misses());
      this.<CacheReport>figureOf(
          t, "hit rate", Unit.PERCENT, Better.HIGHER, c0, c1, CacheReport::hitRatePct);
      this.<CacheReport>figureOf(
          t, "evictions", Unit.COUNT, Better.NEITHER, c0, c1, c -> (double) c.evictions());
      this.<CacheReport>figureOf(
          t, "entries", Unit.COUNT, Better.NEITHER, c0, c1, c -> (double) c.entries());
      this.<CacheReport>figureOf(
          t, "size", Unit.BYTES, Better.NEITHER, c0, c1, c -> (double) c.sizeBytes());
    }

    section(t, "Failures");
    figure(
        t,
        "failed items",
        Unit.COUNT,
        Better.LOWER,
        (double) before.failures().count(),
        (double) after.failures().count());
    figure(
        t,
        "chats",
        Unit.COUNT,
        Better.NEITHER,
        (double) before.chats().size(),
        (double) after.chats().size());

    t.appendTo(out, "", style::dim);
    out.append(style.dim("ratio: after / before; change: (after - before) / before\n"));
    return out.toString();
  }

  private static String describe(MetricsReport r) {
    return r.tool().name()
        + " "
        + r.tool().version()
        + ", "
        + r.run().status().key()
        + ", started "
        + r.run().startedAt()
        + ", "
        + FigureText.seconds(r.run().durationS());
  }

  private void section(TextTable t, String title) {
    t.row(style::cyan, title, "", "", "", "");
  }

  /** One figure of a part that either report may lack (a stage, the resources, a cache). */
  private <T> void figureOf(
      TextTable t,
      String label,
      Unit unit,
      Better better,
      T before,
      T after,
      Function<T, Double> figure) {
    figure(
        t,
        label,
        unit,
        better,
        before == null ? null : figure.apply(before),
        after == null ? null : figure.apply(after));
  }

  private void figure(
      TextTable t, String label, Unit unit, Better better, Double before, Double after) {
    String ratio;
    String change;
    int direction; // -1 lower, 0 same or unknown, 1 higher
    if (before == null || after == null) {
      ratio = FigureText.NONE;
      change = "n/a";
      direction = 0;
    } else if (before.doubleValue() == after.doubleValue()) {
      ratio = before == 0 ? FigureText.NONE : "1.00x";
      change = "=";
      direction = 0;
    } else if (before == 0) {
      ratio = FigureText.NONE;
      change = "from 0";
      direction = after > 0 ? 1 : -1;
    } else {
      double r = after / before;
      ratio = String.format(Locale.ROOT, "%.2fx", r);
      change = String.format(Locale.ROOT, "%+.1f %%", (after - before) * 100 / Math.abs(before));
      direction = after > before ? 1 : -1;
    }
    UnaryOperator<String> changeStyle = null;
    if (direction != 0 && better != Better.NEITHER) {
      boolean good = (better == Better.LOWER) == (direction < 0);
      changeStyle = good ? style::green : style::red;
    }
    t.styledRow(
        Arrays.asList(null, null, null, changeStyle, changeStyle),
        "  " + label,
        show(unit, before),
        show(unit, after),
        ratio,
        change);
  }

  private static String show(Unit unit, Double v) {
    if (v == null) {
      return FigureText.NONE;
    }
    switch (unit) {
      case COUNT:
        return FigureText.count(Math.round(v));
      case SECONDS:
        return FigureText.seconds(v);
      case RATE:
        return FigureText.rate(v);
      case PERCENT:
        return FigureText.percent(v);
      case FRACTION:
        return FigureText.fraction(v);
      case MB:
        return FigureText.mb(v);
      case BYTES:
        return ByteSizes.iec(Math.round(v));
      default:
        throw new IllegalStateException("unknown unit " + unit);
    }
  }

  private static Double toDouble(Number n) {
    return n == null ? null : n.doubleValue();
  }

  private static List<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }
}
