package dev.tgmd.cli;

import dev.tgmd.export.Exporter;
import dev.tgmd.report.ProgressEvents;
import dev.tgmd.units.ByteSizes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows how an export is going, on standard error: a progress bar on a terminal (the export file
 * read so far, messages written, speed, time left: {@link BarLine}), a plain line every few seconds
 * otherwise (for logs and CI), a JSON {@code status} line every interval for programs ({@link
 * ProgressEvents}), nothing when quiet. Polls the exporter from a daemon thread; stopping it is
 * prompt. In {@link Mode#JSON} a last status line is printed when it stops, so every stream has
 * one.
 */
final class ProgressReporter implements AutoCloseable {

  /** How progress is shown. */
  enum Mode {
    NONE,
    BAR,
    LINES,
    JSON
  }

  private final Mode mode;
  private final Supplier<Exporter.Progress> progress;
  private final PrintWriter err;
  private final LongSupplier nanos;
  private final long lineIntervalNanos;
  private final Thread thread;
  private final long start;
  private final Object lock = new Object();
  private boolean stopped;
  private ProgressBar bar;

  private ProgressReporter(
      Mode mode,
      Supplier<Exporter.Progress> progress,
      PrintWriter err,
      LongSupplier nanos,
      long lineIntervalNanos) {
    this.mode = mode;
    this.progress = progress;
    this.err = err;
    this.nanos = nanos;
    this.lineIntervalNanos = lineIntervalNanos;
    this.thread = new Thread(this::loop, "tgmd-progress");
    this.thread.setDaemon(true);
    this.start = nanos.getAsLong();
  }

  /**
   * Starts showing progress.
   *
   * @param lineInterval how often a line is printed in {@link Mode#LINES} and {@link Mode#JSON}, in
   *     seconds
   */
  static ProgressReporter start(
      Mode mode, Supplier<Exporter.Progress> progress, PrintWriter err, long lineInterval) {
    ProgressReporter r =
        new ProgressReporter(
            mode, progress, err, System::nanoTime, TimeUnit.SECONDS.toNanos(lineInterval));
    if (mode != Mode.NONE) {
      r.thread.start();
    }
    return r;
  }

  private void loop() {
    long nextLine = start + lineIntervalNanos;
    try {
      while (true) {
        synchronized (lock) {
          if (stopped) {
            return;
          }
          lock.wait(mode == Mode.BAR ? 200 : Math.min(1000, lineIntervalNanos / 1_000_000));
          if (stopped) {
            return;
          }
          Exporter.Progress p = progress.get();
          if (mode == Mode.BAR) {
            updateBar(p);
          } else if (nanos.getAsLong() >= nextLine) {
            long elapsed = nanos.getAsLong() - start;
            err.println(mode == Mode.JSON ? json(p, elapsed) : line(p, elapsed));
            err.flush();
            nextLine += lineIntervalNanos;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void updateBar(Exporter.Progress p) {
    if (p.bytesTotal() <= 0) {
      return;
    }
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Exporting")
              .setInitialMax(p.bytesTotal())
              .setRenderer(new BarLine.Renderer())
              .setUpdateIntervalMillis(200)
              .build();
    }
    bar.stepTo(Math.min(p.bytesRead(), p.bytesTotal()));
    bar.setExtraMessage(Long.toString(p.messagesWritten())); // read back by BarLine.Renderer
  }

  /** The JSON status line: see {@link ProgressEvents#status}. */
  static String json(Exporter.Progress p, long elapsedNanos) {
    return ProgressEvents.status(
        p.bytesRead(), p.bytesTotal(), p.messagesWritten(), elapsedNanos / 1e9);
  }

  /** "tgmd: 42% of 130.0 MiB read, 98,000 messages written (74,000/s), about 3 s left". */
  static String line(Exporter.Progress p, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double fraction =
        p.bytesTotal() > 0 ? Math.min(1.0, (double) p.bytesRead() / p.bytesTotal()) : 0;
    StringBuilder sb = new StringBuilder("tgmd: ");
    sb.append(
        String.format(
            Locale.ROOT,
            "%.0f%% of %s read, %,d %s written (%,.0f/s)",
            fraction * 100,
            ByteSizes.iec(p.bytesTotal()),
            p.messagesWritten(),
            p.messagesWritten() == 1 ? "message" : "messages",
            p.messagesWritten() / seconds));
    if (fraction > 0.01 && fraction < 1) {
      sb.append(
          String.format(Locale.ROOT, ", about %.0f s left", seconds * (1 - fraction) / fraction));
    }
    return sb.toString();
  }

  /**
   * Stops showing progress: the bar is completed and closed, in JSON a last status line printed; no
   * line is printed afterwards.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
      lock.notifyAll();
      if (bar != null) {
        Exporter.Progress p = progress.get();
        bar.stepTo(p.bytesRead());
        bar.setExtraMessage(Long.toString(p.messagesWritten()));
        bar.close();
      }
      if (mode == Mode.JSON) {
        err.println(json(progress.get(), nanos.getAsLong() - start));
        err.flush();
      }
    }
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
