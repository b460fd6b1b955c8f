package dev.tgmd.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * caller's thread, so every run has at least two; it does not wait out the interval, only a
 * sample in progress, and leaves no thread behind. A probe that throws is logged once and its
 * figures are left out (null) of that sample; the monitor never throws from sampling.
 *
 * <p>The time series is bounded: at most {@value #MAX_SAMPLES} samples are kept, evenly spread
 * (when full, every other one is dropped and from then on only every other one kept, and so on),
 * the last one always kept. Averages are computed over every sample taken; the peaks of resident
 * memory, threads and heap are the process's own, read by {@link #report()} and combined with the
 * samples.
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

  /** Samples closer than this to the previous one get no CPU percentage (too noisy). */
  static final long MIN_CPU_INTERVAL_NANOS = 10_000_000L;

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

  /** Guards the figures below, which samples update and reports read. */
  private final Object figures = new Object();

  private long startTick;
  private Instant startedAt;
  private long sampleCount;
  private long lastTick;
  private long overheadNanos;
  private final List<ResourceSample> kept = new ArrayList<>();
  private long keepEvery = 1;
  private ResourceSample latest;

  private long previousCpuTick;
  private long previousCpu = RawFigures.ABSENT;
  private long firstCpuTick;
  private long firstCpu = RawFigures.ABSENT;
  private long lastCpuTick;
  private long lastCpu = RawFigures.ABSENT;
  private double cpuPeak = -1;

  private final Gauge rss = new Gauge();
  private final Gauge heapUsed = new Gauge();
  private final Gauge heapCommitted = new Gauge();
  private final Gauge threads = new Gauge();
  private long peakRss = RawFigures.ABSENT;

  private final Counter gcCount = new Counter();
  private final Counter gcMillis = new Counter();
  private final Counter diskRead = new Counter();
  private final Counter diskWrite = new Counter();
  private final Counter netRecv = new Counter();
  private final Counter netSent = new Counter();

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
        interval, ticker, clock, SystemProbes.sampled(), SystemProbes.truePeaks(), Runtime.getRuntime().availableProcessors());
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
      Duration interval, Ticker ticker, Clock clock, List<Probe> probes, List<Probe> peaks, int cores) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "the sampling interval must be at least " + MIN_INTERVAL.toMillis() + " ms, was "
              + interval.toMillis() + " ms");
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
      executor.execute(this::sampleOnThread);
      long nanos = interval.toNanos();
      // Fixed delay, not rate: after a stall (a suspended machine) no burst of catch-up samples.
      executor.scheduleWithFixedDelay(this::sampleOnThread, nanos, nanos, TimeUnit.NANOSECONDS);
      state = State.RUNNING;
    }
  }

  /**
   * Stops sampling: waits for a sample in progress (never for the interval), takes a last sample
   * on the caller's thread and ends the monitor's thread. Idempotent; a monitor never started is
   * just marked stopped.
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
          LOG.warn("resource monitor: a sample took over {} s; stopping it", STOP_TIMEOUT.toSeconds());
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
   * JVM's own peak figures, and combined with the samples: they include whatever happened after
   * the last sample, so make the report as late as you can.
   *
   * @throws IllegalStateException if it was never started
   */
  public ResourceReport report() {
    synchronized (figures) {
      if (startedAt == null) {
        throw new IllegalStateException("the resource monitor was never started");
      }
    }
    RawFigures now = new RawFigures();
    sampling.lock();
    try {
      read(peaks, now);
    } finally {
      sampling.unlock();
    }
    synchronized (figures) {
      Double cpuAvg = null;
      if (firstCpu != RawFigures.ABSENT && lastCpuTick - firstCpuTick >= MIN_CPU_INTERVAL_NANOS) {
        cpuAvg = clampCpu(100d * (lastCpu - firstCpu) / (lastCpuTick - firstCpuTick));
      }
      Double cpuPeakOrNull = cpuPeak < 0 ? null : cpuPeak;
      Double rssPeak;
      String rssPeakSource;
      long hwm = Math.max(peakRss, now.peakRssBytes);
      if (hwm != RawFigures.ABSENT) {
        rssPeak = Num.mb(Math.max(hwm, rss.max));
        rssPeakSource = ResourceReport.PEAK_FROM_VMHWM;
      } else if (rss.n > 0) {
        rssPeak = Num.mb(rss.max);
        rssPeakSource = ResourceReport.PEAK_FROM_SAMPLES;
      } else {
        rssPeak = null;
        rssPeakSource = null;
      }
      return new ResourceReport(
          interval.toNanos() / Num.NANOS_PER_SECOND,
          startedAt,
          sampleCount == 0 ? 0 : Num.seconds(Math.max(0, lastTick - startTick)),
          sampleCount,
          Num.seconds(overheadNanos),
          cores,
          cpuAvg,
          cpuPeakOrNull,
          cpuAvg == null ? null : cpuAvg / cores,
          cpuPeakOrNull == null ? null : cpuPeakOrNull / cores,
          rss.n == 0 ? null : rss.sum / rss.n / Num.BYTES_PER_MB,
          rssPeak,
          rssPeakSource,
          peakOrNull(heapUsed.max, now.peakHeapUsedBytes),
          heapCommitted.n == 0 ? null : Num.mb(heapCommitted.max),
          gcCount.total(),
          gcMillis.present() ? gcMillis.total() / 1000d : null,
          threads.max == RawFigures.ABSENT && now.peakThreads == RawFigures.ABSENT
              ? null
              : (int) Math.max(threads.max, now.peakThreads),
          diskRead.present() ? Num.mb(diskRead.total()) : null,
          diskWrite.present() ? Num.mb(diskWrite.total()) : null,
          netRecv.present() ? Num.mb(netRecv.total()) : null,
          netSent.present() ? Num.mb(netSent.total()) : null,
          series());
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
      startTick = ticker.read();
      startedAt = clock.instant();
    }
  }

  /** Takes one sample on the caller's thread, for tests. */
  void sampleNow() {
    sampling.lock();
    try {
      sample();
    } finally {
      sampling.unlock();
    }
  }

  private void sampleOnThread() {
    sampleNow();
  }

  /** Reads every probe and folds the reading into the figures; never throws. Holds sampling. */
  private void sample() {
    long tick = ticker.read();
    RawFigures r = new RawFigures();
    read(probes, r);
    long after = ticker.read();
    try {
      synchronized (figures) {
        fold(tick, r);
        overheadNanos += Math.max(0, after - tick);
      }
    } catch (RuntimeException e) {
      if (failedProbes.add("(monitor)")) {
        LOG.warn("resource monitor: a sample could not be recorded ({})", Num.oneLine(e), e);
      }
    }
  }

  /** Reads the probes into {@code r}; a probe that fails is logged once and left out. Holds sampling. */
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
              Num.oneLine(e));
          LOG.debug("probe {} failure", probe.name(), e);
        }
      }
    }
  }

  /** Folds one reading taken at {@code tick} into the figures. Holds figures. */
  private void fold(long tick, RawFigures r) {
    sampleCount++;
    lastTick = tick;

    Double cpuPercent = null;
    if (r.cpuNanos != RawFigures.ABSENT) {
      if (previousCpu != RawFigures.ABSENT && tick - previousCpuTick >= MIN_CPU_INTERVAL_NANOS) {
        cpuPercent = clampCpu(100d * (r.cpuNanos - previousCpu) / (tick - previousCpuTick));
        cpuPeak = Math.max(cpuPeak, cpuPercent);
      }
      previousCpu = r.cpuNanos;
      previousCpuTick = tick;
      if (firstCpu == RawFigures.ABSENT) {
        firstCpu = r.cpuNanos;
        firstCpuTick = tick;
      }
      lastCpu = r.cpuNanos;
      lastCpuTick = tick;
    }
    rss.add(r.rssBytes);
    heapUsed.add(r.heapUsedBytes);
    heapCommitted.add(r.heapCommittedBytes);
    threads.add(r.threads);
    if (r.peakRssBytes != RawFigures.ABSENT) {
      peakRss = Math.max(peakRss, r.peakRssBytes);
    }
    gcCount.add(r.gcCount);
    gcMillis.add(r.gcMillis);
    diskRead.add(r.diskReadBytes);
    diskWrite.add(r.diskWriteBytes);
    netRecv.add(r.netRecvBytes);
    netSent.add(r.netSentBytes);

    ResourceSample sample =
        new ResourceSample(
            Num.seconds(Math.max(0, tick - startTick)),
            cpuPercent,
            cpuPercent == null ? null : cpuPercent / cores,
            mbOrNull(r.rssBytes),
            mbOrNull(r.heapUsedBytes),
            mbOrNull(r.heapCommittedBytes),
            gcCount.sinceFirst(r.gcCount),
            r.gcMillis == RawFigures.ABSENT ? null : gcMillis.sinceFirst(r.gcMillis) / 1000d,
            r.threads == RawFigures.ABSENT ? null : (int) r.threads,
            r.diskReadBytes == RawFigures.ABSENT ? null : Num.mb(diskRead.sinceFirst(r.diskReadBytes)),
            r.diskWriteBytes == RawFigures.ABSENT
                ? null
                : Num.mb(diskWrite.sinceFirst(r.diskWriteBytes)),
            r.netRecvBytes == RawFigures.ABSENT ? null : Num.mb(netRecv.sinceFirst(r.netRecvBytes)),
            r.netSentBytes == RawFigures.ABSENT ? null : Num.mb(netSent.sinceFirst(r.netSentBytes)));
    keep(sample);
  }

  /**
   * Keeps the sample in the bounded series. Samples whose index is a multiple of {@code keepEvery}
   * are kept, at most {@code MAX_SAMPLES - 1} of them: when full, every other one is dropped and
   * {@code keepEvery} doubles. The latest sample is kept aside, so that it is always reported.
   */
  private void keep(ResourceSample sample) {
    long index = sampleCount - 1;
    latest = sample;
    if (index % keepEvery == 0) {
      kept.add(sample);
      if (kept.size() >= MAX_SAMPLES) {
        List<ResourceSample> halved = new ArrayList<>(MAX_SAMPLES / 2);
        for (int i = 0; i < kept.size(); i += 2) {
          halved.add(kept.get(i));
        }
        kept.clear();
        kept.addAll(halved);
        keepEvery *= 2;
      }
    }
  }

  /** The kept samples and the latest one, in time order. Holds figures. */
  private List<ResourceSample> series() {
    List<ResourceSample> series = new ArrayList<>(kept.size() + 1);
    series.addAll(kept);
    if (latest != null && (series.isEmpty() || series.get(series.size() - 1) != latest)) {
      series.add(latest);
    }
    return series;
  }

  private double clampCpu(double percent) {
    return Num.clamp(Num.finiteOrZero(percent), 0, 100d * cores);
  }

  /** The larger of a sampled maximum and a peak figure, in MiB; null when neither is known. */
  private static Double peakOrNull(long sampledMax, long peak) {
    long max = Math.max(sampledMax, peak);
    return max == RawFigures.ABSENT ? null : Num.mb(max);
  }

  private static Double mbOrNull(long bytes) {
    return bytes == RawFigures.ABSENT ? null : Num.mb(bytes);
  }

  /** A figure's sum, count and maximum over the samples that had it. */
  private static final class Gauge {
    double sum;
    long n;
    long max = RawFigures.ABSENT;

    void add(long value) {
      if (value == RawFigures.ABSENT) {
        return;
      }
      sum += value;
      n++;
      max = Math.max(max, value);
    }
  }

  /** A cumulative counter's first and last values over the samples that had it. */
  private static final class Counter {
    long first = RawFigures.ABSENT;
    long last = RawFigures.ABSENT;

    void add(long value) {
      if (value == RawFigures.ABSENT) {
        return;
      }
      if (first == RawFigures.ABSENT) {
        first = value;
      }
      last = value;
    }

    boolean present() {
      return first != RawFigures.ABSENT;
    }

    /** From the first value to the last; null when never read. Never negative (counters reset). */
    Long total() {
      return present() ? Math.max(0, last - first) : null;
    }

    /** {@code value} since the first value; call after {@link #add}. */
    Long sinceFirst(long value) {
      return value == RawFigures.ABSENT ? null : Math.max(0, value - first);
    }
  }
}
