package dev.tgmd.export;

import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.Ticker;
import dev.tgmd.report.ResourceReport;
import dev.tgmd.resources.ResourceMonitor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an export run measures itself, chosen once for the run: fully (a live collector, a resource
 * monitor sampling every interval, a report written beside the notes) or not at all (the no-op
 * collector, no monitor thread, no report). The run calls the same methods either way.
 */
public abstract sealed class Measurement {

  /** The shortest resource sampling interval. */
  public static final Duration MIN_INTERVAL = ResourceMonitor.MIN_INTERVAL;

  /** Measures nothing: no timing, no sampling, no report. */
  public static Measurement off() {
    return new Off();
  }

  /**
   * Measures everything, sampling resources every {@code interval}.
   *
   * @throws IllegalArgumentException when {@code interval} is shorter than {@link
   *     ResourceMonitor#MIN_INTERVAL}
   */
  public static Measurement every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(ResourceMonitor.MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "the resource sampling interval must be at least "
              + ResourceMonitor.MIN_INTERVAL.toMillis()
              + "ms: "
              + interval.toMillis()
              + "ms");
    }
    return new On(interval, null);
  }

  private Measurement() {}

  /**
   * This measurement, also writing the run's figures to {@code file} in the OpenMetrics text format
   * (atomically, on every outcome; {@code --openmetrics}).
   *
   * @throws IllegalArgumentException when measuring nothing: there are no figures to write
   */
  public abstract Measurement withOpenMetrics(Path file);

  /** Where the OpenMetrics file goes; empty when none is written. */
  public abstract Optional<Path> openMetricsFile();

  /** The collector the run records into. */
  abstract MetricsCollector collector();

  /** Starts sampling resources, stamping the start with {@code clock}. */
  abstract void start(Clock clock);

  /** Stops sampling (a last sample is taken). Idempotent. */
  abstract void stop();

  /**
   * The resources seen, their true peaks read now; empty when measuring nothing, or when the
   * figures could not be read.
   */
  abstract Optional<ResourceReport> resources();

  /** The sampling interval; empty when measuring nothing. */
  public abstract Optional<Duration> interval();

  /** Whether a report is made and written. */
  public abstract boolean reports();

  private static final class Off extends Measurement {
    @Override
    public Measurement withOpenMetrics(Path file) {
      throw new IllegalArgumentException(
          "--openmetrics needs the metrics: it cannot be used with --no-metrics");
    }

    @Override
    public Optional<Path> openMetricsFile() {
      return Optional.empty();
    }

    @Override
    MetricsCollector collector() {
      return MetricsCollector.noop();
    }

    @Override
    void start(Clock clock) {}

    @Override
    void stop() {}

    @Override
    Optional<ResourceReport> resources() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> interval() {
      return Optional.empty();
    }

    @Override
    public boolean reports() {
      return false;
    }
  }

  private static final class On extends Measurement {
    private final Duration interval;
    private final Path openMetrics;
    private final MetricsCollector collector = MetricsCollector.create();
    private ResourceMonitor monitor;

    On(Duration interval, Path openMetrics) {
      this.interval = interval;
      this.openMetrics = openMetrics;
    }

    @Override
    public Measurement withOpenMetrics(Path file) {
      return new On(interval, Objects.requireNonNull(file, "file"));
    }

    @Override
    public Optional<Path> openMetricsFile() {
      return Optional.ofNullable(openMetrics);
    }

    @Override
    MetricsCollector collector() {
      return collector;
    }

    @Override
    synchronized void start(Clock clock) {
      monitor = ResourceMonitor.create(interval, Ticker.system(), clock);
      monitor.start();
    }

    @Override
    synchronized void stop() {
      if (monitor != null) {
        monitor.stop();
      }
    }

    @Override
    synchronized Optional<ResourceReport> resources() {
      if (monitor == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(monitor.report());
      } catch (RuntimeException e) {
        ExportRun.log.warn("resource figures unavailable: {}", e.toString());
        return Optional.empty();
      }
    }

    @Override
    public Optional<Duration> interval() {
      return Optional.of(interval);
    }

    @Override
    public boolean reports() {
      return true;
    }
  }
}
