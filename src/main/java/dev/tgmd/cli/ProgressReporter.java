package dev.tgmd.cli;

import dev.tgmd.export.Exporter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how an export is going, on standard error: a progress bar on a terminal (the export file
 * read so far, speed, time left, messages written), a plain line every few seconds otherwise (for
 * logs and CI), nothing when quiet. Polls the exporter from a daemon thread; stopping it is prompt.
 */
final class ProgressReporter implements AutoCloseable {

  /** How progress is shown. */
  enum Mode {
    NONE,
    BAR,
    LINES
  }

  private static final long MB = 1 << 20;

  private final Mode mode;
  private final Supplier<Exporter.Progress> progress;
  private final PrintWriter err;
  private final LongSupplier nanos;
  private final long lineIntervalNanos;
  private final Thread thread;
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
  }

  /**
   * Starts showing progress.
   *
   * @param lineInterval how often a plain line is printed in {@link Mode#LINES}, in seconds
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
    long start = nanos.getAsLong();
    long nextLine = start + lineIntervalNanos;
    try {
      while (true) {
        synchronized (lock) {
          if (stopped) {
            return;
          }
          lock.wait(mode == Mode.BAR ? 200 : 1000);
          if (stopped) {
            return;
          }
          Exporter.Progress p = progress.get();
          if (mode == Mode.BAR) {
            updateBar(p);
          } else if (nanos.getAsLong() >= nextLine) {
            err.println(line(p, nanos.getAsLong() - start));
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
              .setUnit(" MB", MB)
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .showSpeed()
              .setUpdateIntervalMillis(200)
              .build();
    }
    bar.stepTo(Math.min(p.bytesRead(), p.bytesTotal()));
    bar.setExtraMessage(String.format(Locale.ROOT, "%,d messages", p.messagesWritten()));
  }

  /** "tgmd: 42% of 130 MB read, 98,000 messages written (74,000/s), about 3 s left". */
  static String line(Exporter.Progress p, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double fraction =
        p.bytesTotal() > 0 ? Math.min(1.0, (double) p.bytesRead() / p.bytesTotal()) : 0;
    StringBuilder sb = new StringBuilder("tgmd: ");
    sb.append(
        String.format(
            Locale.ROOT,
            "%.0f%% of %,.0f MB read, %,d messages written (%,.0f/s)",
            fraction * 100,
            p.bytesTotal() / (double) MB,
            p.messagesWritten(),
            p.messagesWritten() / seconds));
    if (fraction > 0.01 && fraction < 1) {
      sb.append(
          String.format(Locale.ROOT, ", about %.0f s left", seconds * (1 - fraction) / fraction));
    }
    return sb.toString();
  }

  /** Stops showing progress: the bar is completed and closed; no line is printed afterwards. */
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
        bar.setExtraMessage(String.format(Locale.ROOT, "%,d messages", p.messagesWritten()));
        bar.close();
      }
    }
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
