package dev.tgmd.cli;

import dev.tgmd.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar's line, drawn to fit the terminal: {@code Exporting 42% [█████ ] 35.9 MiB /
 * 130.0 MiB · 400,000 messages · 35.9 MiB/s · 0:03 left}. The bar keeps at least {@value #MIN_BAR}
 * cells: what does not fit beside it is left out, the time left first, then the speed, then the
 * messages, then the sizes. Sizes in IEC units ({@link ByteSizes}); the speed and the time left
 * appear only after a second, when they mean something. Pure.
 */
final class BarLine {

  /** The fewest cells the bar keeps, however narrow the terminal. */
  static final int MIN_BAR = 20;

  /** The widest the bar grows. */
  static final int MAX_BAR = 40;

  private static final String SEPARATOR = " · ";

  private BarLine() {}

  /**
   * The line for a terminal {@code columns} wide (0 or less: 80), shorter than it by one column so
   * the cursor never wraps.
   *
   * @param elapsedSeconds seconds since the bar started
   */
  static String render(
      long bytesRead, long bytesTotal, long messages, double elapsedSeconds, int columns) {
    int width = (columns <= 0 ? 80 : columns) - 1;
    double fraction =
        bytesTotal > 0 ? Math.min(1.0, Math.max(0, bytesRead / (double) bytesTotal)) : 0;
    String head = String.format(Locale.ROOT, "Exporting %3d%% ", (int) Math.floor(fraction * 100));
    List<String> parts = new ArrayList<>(4);
    parts.add(ByteSizes.iec(bytesRead) + " / " + ByteSizes.iec(bytesTotal));
    parts.add(
        String.format(Locale.ROOT, "%,d %s", messages, messages == 1 ? "message" : "messages"));
    if (elapsedSeconds >= 1) {
      parts.add(ByteSizes.iec((long) (bytesRead / elapsedSeconds)) + "/s");
      if (fraction > 0.01 && fraction < 1) {
        parts.add(clock(elapsedSeconds * (1 - fraction) / fraction) + " left");
      }
    }
    String tail = tail(parts);
    while (!parts.isEmpty() && head.length() + 2 + MIN_BAR + tail.length() > width) {
      parts.remove(parts.size() - 1);
      tail = tail(parts);
    }
    int cells = Math.max(MIN_BAR, Math.min(MAX_BAR, width - head.length() - 2 - tail.length()));
    return head + '[' + bar(fraction, cells) + ']' + tail;
  }

  private static String tail(List<String> parts) {
    return parts.isEmpty() ? "" : " " + String.join(SEPARATOR, parts);
  }

  private static String bar(double fraction, int cells) {
    int full = (int) Math.floor(fraction * cells);
    StringBuilder b = new StringBuilder(cells);
    b.append("█".repeat(full));
    b.append(" ".repeat(cells - full));
    return b.toString();
  }

  /** {@code 0:05}, {@code 12:34}, {@code 1:02:03}. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * Draws the bar of progressbar's {@code ProgressBar}: its current value is the bytes read, its
   * maximum the bytes in all, its extra message the count of messages written.
   */
  static final class Renderer implements ProgressBarRenderer {
    @Override
    public String render(ProgressState state, int maxLength) {
      long messages;
      try {
        messages = Long.parseLong(state.getExtraMessage());
      } catch (NumberFormatException e) {
        messages = 0;
      }
      return BarLine.render(
          state.getCurrent(),
          state.getMax(),
          messages,
          state.getTotalElapsed().toMillis() / 1000.0,
          maxLength);
    }
  }
}
