package dev.tgmd.resources;

import dev.tgmd.recording.Ticker;
import dev.tgmd.report.ResourceReport;
import dev.tgmd.units.OneLine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the process's resources while a run goes on: CPU, resident memory, JVM heap, garbage
 * collection, threads, the process's disk I/O and the machine's network I/O. Thread-safe.
 *
 * <pre>{@code
 * try (ResourceMonitor monitor = ResourceMonitor.create()) {
 *   monitor.start();
 *   export();
 *   monitor.stop();
 *   ResourceReport resources = monitor.report();
 * }
 * }</pre>
 *
 * <p>{@link #start()} returns at once; the first sample is taken at once on the monitor's own
 * daemon thread, named {@value #THREAD_NAME} (the first one also loads OSHI, which takes some
 * hundred milliseconds), then one every interval. {@link #stop()} takes a last sample on the
 * caller's thread, so every run has at least two; it does not wait out the interval, only a sample
 * in progress, and leaves no thread behind. A probe that throws is logged once and its figures are
 * left out (null) of that sample; the monitor never throws from sampling.
 *
 * <p>The time series is bounded: at most {@value #MAX_SAMPLES} samples are kept, evenly spread
 * (when full, every other one is dropped and from then on only every other one kept, and so on),
 * the last one always kept. Averages are computed over every sample taken; the peaks of resident
 * memory, threads and heap are the process's own, read by {@link #report()} and combined with the
 * samples.
 *
 * <p>This class owns the lifecycle (thread, start, stop) and the reading of the probes; what the
 * samples add up to is a {@link ResourceAggregate}'s, and the bounded series a {@link
 * SampleSeries}'.
 */
public final class ResourceMonitor implements AutoCloseable {

  /** The default time between two samples. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** The shortest time between two samples accepted. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** The most samples kept in the time series. */
  public static final int MAX_SAMPLES = 512;

  /** The name of the sampling thread. */
  public static final String THREAD_NAME = "tgmd-resource-monitor";

  /** The longest {@link #stop()} waits for a sample in progress. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ResourceMonitor.class);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final Duration interval;
  private final Ticker ticker;
  private final Clock clock;
  private final List<Probe> probes;
  private final List<Probe> peaks;
  private final int cores;

  /** Guards the lifecycle: state, executor, thread. */
  private final Object lifecycle = new Object();

  private State state = State.NEW;
  private ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  /** Held while probes are read, so that no two samples run at once. */
  private final ReentrantLock sampling = new ReentrantLock();

  /** Probes whose failure was logged; guarded by sampling. */
  private final Set<String> failedProbes = new HashSet<>();

  /** What the sampled probes read, cleared and filled again at each sample; guarded by sampling. */
  private final RawFigures sampled = new RawFigures();

  /** Guards the aggregate, which samples update and reports read. */
  private final Object figures = new Object();

  /** The figures so far; null until {@link #begin()}. Guarded by figures. */
  private ResourceAggregate aggregate;

  /** A monitor sampling every {@link #DEFAULT_INTERVAL}. */
  public static ResourceMonitor create() {
    return create(DEFAULT_INTERVAL);
  }

  /**
   * A monitor sampling every {@code interval}.
   *
   * @throws IllegalArgumentException if {@code interval} is shorter than {@link #MIN_INTERVAL}
   */
  public static ResourceMonitor create(Duration interval) {
    return create(interval, Ticker.system(), Clock.systemUTC());
  }

  /**
   * A monitor sampling every {@code interval}, timing samples with {@code ticker} and stamping the
   * start with {@code clock}, so that a test can control the time it reports.
   *
   * @throws IllegalArgumentException if {@code interval} is shorter than {@link #MIN_INTERVAL}
   */
  public static ResourceMonitor create(Duration interval, Ticker ticker, Clock clock) {
    return new ResourceMonitor(
        interval,
        ticker,
        clock,
        SystemProbes.sampled(),
        SystemProbes.truePeaks(),
        Runtime.getRuntime().availableProcessors());
  }

  /** A monitor with its own time sources and sampled probes (no peak probes), for tests. */
  ResourceMonitor(Duration interval, Ticker ticker, Clock clock, List<Probe> probes, int cores) {
    this(interval, ticker, clock, probes, List.of(), cores);
  }

  /**
   * A monitor with its own time sources and probes.
   *
   * @param probes read at every sample
   * @param peaks read at every {@link #report()}: probes of true peaks (over the process's life)
   */
  ResourceMonitor(
      Duration interval,
      Ticker ticker,
      Clock clock,
      List<Probe> probes,
      List<Probe> peaks,
      int cores) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "the sampling interval must be at least "
              + MIN_INTERVAL.toMillis()
              + " ms, was "
              + interval.toMillis()
              + " ms");
    }
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1");
    }
    this.interval = interval;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.probes = List.copyOf(probes);
    this.peaks = List.copyOf(peaks);
    this.cores = cores;
  }

  /** The time between two samples. */
  public Duration interval() {
    return interval;
  }

  /**
   * Starts sampling: the first sample is taken at once on the monitor's thread, then one every
   * interval. Returns at once.
   *
   * @throws IllegalStateException if it was started before
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("a resource monitor can be started only once");
      }
      begin();
      executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                thread = t;
                return t;
              });
      // One-shot: still runs if stop() comes before it did, so there are always two samples.
      executor.execute(this::sampleNow);
      long nanos = interval.toNanos();
      // Fixed delay, not rate: after a stall (a suspended machine) no burst of catch-up samples.
      executor.scheduleWithFixedDelay(this::sampleNow, nanos, nanos, TimeUnit.NANOSECONDS);
      state = State.RUNNING;
    }
  }

  /**
   * Stops sampling: waits for a sample in progress (never for the interval), takes a last sample on
   * the caller's thread and ends the monitor's thread. Idempotent; a monitor never started is just
   * marked stopped.
   */
  public void stop() {
    synchronized (lifecycle) {
      if (state != State.RUNNING) {
        state = State.STOPPED;
        return;
      }
      state = State.STOPPED;
      boolean interrupted = false;
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      executor.shutdown(); // cancels the periodic sampling; the first sample still runs
      try {
        if (!executor.awaitTermination(STOP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
          LOG.warn(
              "resource monitor: a sample took over {} s; stopping it", STOP_TIMEOUT.toSeconds());
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        interrupted = true;
        executor.shutdownNow();
      }
      try {
        if (sampling.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          try {
            sample();
          } finally {
            sampling.unlock();
          }
        }
        Thread t = thread;
        if (t != null) {
          t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Whether it was started and not stopped yet. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return state == State.RUNNING;
    }
  }

  /**
   * What was seen so far: during the run a report up to the latest sample, after {@link #stop()}
   * the final one. The peaks (resident set, threads, heap) are read now, from the kernel's and the
   * JVM's own peak figures, and combined with the samples: they include whatever happened after the
   * last sample, so make the report as late as you can.
   *
   * @throws IllegalStateException if it was never started
   */
  public ResourceReport report() {
    synchronized (figures) {
      if (aggregate == null) {
        throw new IllegalStateException("the resource monitor was never started");
      }
    }
    RawFigures truePeaks = new RawFigures();
    sampling.lock();
    try {
      read(peaks, truePeaks);
    } finally {
      sampling.unlock();
    }
    synchronized (figures) {
      return aggregate.report(truePeaks);
    }
  }

  /** Probes that failed at least once, by name. */
  Set<String> failedProbes() {
    sampling.lock();
    try {
      return Set.copyOf(failedProbes);
    } finally {
      sampling.unlock();
    }
  }

  /** Marks the start without a thread, for tests that drive the samples with {@link #sampleNow}. */
  void begin() {
    synchronized (figures) {
      long startTick = ticker.read();
      aggregate = new ResourceAggregate(interval, cores, clock.instant(), startTick, MAX_SAMPLES);
    }
  }

  /** Takes one sample on the caller's thread; the monitor's thread runs it too. */
  void sampleNow() {
    sampling.lock();
    try {
      sample();
    } finally {
      sampling.unlock();
    }
  }

  /** Reads every probe and folds the figures into the aggregate; never throws. Holds sampling. */
  private void sample() {
    long tick = ticker.read();
    sampled.clear();
    read(probes, sampled);
    long after = ticker.read();
    try {
      synchronized (figures) {
        aggregate.add(tick, after, sampled);
      }
    } catch (RuntimeException e) {
      if (failedProbes.add("(monitor)")) {
        LOG.warn("resource monitor: a sample could not be recorded ({})", OneLine.of(e), e);
      }
    }
  }

  /**
   * Reads the probes into {@code r}; a probe that fails is logged once and left out. Holds
   * sampling.
   */
  private void read(List<Probe> from, RawFigures r) {
    for (Probe probe : from) {
      try {
        probe.read(r);
      } catch (Exception | LinkageError e) {
        if (failedProbes.add(probe.name())) {
          LOG.warn(
              "resource monitor: probe {} failed and is left out of this sample ({}); "
                  + "its further failures are not logged",
              probe.name(),
              OneLine.of(e));
          LOG.debug("probe {} failure", probe.name(), e);
        }
      }
    }
  }
}
