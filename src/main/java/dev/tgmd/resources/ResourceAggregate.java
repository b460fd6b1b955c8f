package dev.tgmd.resources;

import dev.tgmd.report.ResourceReport;
import dev.tgmd.report.ResourceSample;
import dev.tgmd.units.Figures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The figures of a run's resources, folded sample by sample: CPU from the first to the last sample
 * and per interval, the sum, count and maximum of each gauge (resident set, heap, threads), the
 * first and last value of each cumulative counter (GC, disk, network), and the bounded {@link
 * SampleSeries}. Pure: no thread, no clock, no probe; the {@link ResourceMonitor} feeds it the
 * {@link RawFigures} it reads and the ticks it reads them at. Not thread-safe: the monitor guards
 * it.
 *
 * <p>Averages are over every sample added. The peaks of resident memory, threads and heap are the
 * larger of the samples' maximum and the true peaks given to {@link #report(RawFigures)}, which the
 * process and JVM keep over their whole life.
 */
final class ResourceAggregate {

  /** Samples closer than this to the previous one get no CPU percentage (too noisy). */
  static final long MIN_CPU_INTERVAL_NANOS = 10_000_000L;

  private final Duration interval;
  private final int cores;
  private final Instant startedAt;
  private final long startTick;
  private final SampleSeries series;

  private long sampleCount;
  private long lastTick;
  private long overheadNanos;

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

  /**
   * An aggregate of no sample yet.
   *
   * @param interval the time between two samples, as configured (reported, not used)
   * @param cores processors available, for the machine percentages and the CPU clamp
   * @param startedAt when the run started, as reported
   * @param startTick the ticker's reading at the start, ns: sample times are measured from it
   * @param maxSamples the most samples the series keeps
   */
  ResourceAggregate(
      Duration interval, int cores, Instant startedAt, long startTick, int maxSamples) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1");
    }
    this.interval = Objects.requireNonNull(interval, "interval");
    this.cores = cores;
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.startTick = startTick;
    this.series = new SampleSeries(maxSamples);
  }

  /**
   * Folds in one sample whose probes were read from {@code tick} to {@code after} (ns, the
   * ticker's), the time between counting as the monitor's overhead. Keeps nothing of {@code r}.
   */
  void add(long tick, long after, RawFigures r) {
    fold(tick, r);
    overheadNanos += Math.max(0, after - tick);
  }

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

    series.add(
        new ResourceSample(
            Figures.seconds(Math.max(0, tick - startTick)),
            cpuPercent,
            cpuPercent == null ? null : cpuPercent / cores,
            mbOrNull(r.rssBytes),
            mbOrNull(r.heapUsedBytes),
            mbOrNull(r.heapCommittedBytes),
            gcCount.sinceFirst(r.gcCount),
            r.gcMillis == RawFigures.ABSENT ? null : gcMillis.sinceFirst(r.gcMillis) / 1000d,
            r.threads == RawFigures.ABSENT ? null : (int) r.threads,
            r.diskReadBytes == RawFigures.ABSENT
                ? null
                : Figures.mb(diskRead.sinceFirst(r.diskReadBytes)),
            r.diskWriteBytes == RawFigures.ABSENT
                ? null
                : Figures.mb(diskWrite.sinceFirst(r.diskWriteBytes)),
            r.netRecvBytes == RawFigures.ABSENT
                ? null
                : Figures.mb(netRecv.sinceFirst(r.netRecvBytes)),
            r.netSentBytes == RawFigures.ABSENT
                ? null
                : Figures.mb(netSent.sinceFirst(r.netSentBytes))));
  }

  /**
   * The report of the samples so far, with the true peaks {@code peaks} (the kernel's RSS
   * high-water mark, the JVM's peak thread count and heap pools' peaks, each {@link
   * RawFigures#ABSENT} when unknown) combined with the samples' maxima: the larger wins.
   */
  ResourceReport report(RawFigures peaks) {
    Double cpuAvg = null;
    if (firstCpu != RawFigures.ABSENT && lastCpuTick - firstCpuTick >= MIN_CPU_INTERVAL_NANOS) {
      cpuAvg = clampCpu(100d * (lastCpu - firstCpu) / (lastCpuTick - firstCpuTick));
    }
    Double cpuPeakOrNull = cpuPeak < 0 ? null : cpuPeak;
    Double rssPeak;
    String rssPeakSource;
    long hwm = Math.max(peakRss, peaks.peakRssBytes);
    if (hwm != RawFigures.ABSENT) {
      rssPeak = Figures.mb(Math.max(hwm, rss.max));
      rssPeakSource = ResourceReport.PEAK_FROM_VMHWM;
    } else if (rss.n > 0) {
      rssPeak = Figures.mb(rss.max);
      rssPeakSource = ResourceReport.PEAK_FROM_SAMPLES;
    } else {
      rssPeak = null;
      rssPeakSource = null;
    }
    return new ResourceReport(
        interval.toNanos() / Figures.NANOS_PER_SECOND,
        startedAt,
        sampleCount == 0 ? 0 : Figures.seconds(Math.max(0, lastTick - startTick)),
        sampleCount,
        Figures.seconds(overheadNanos),
        cores,
        cpuAvg,
        cpuPeakOrNull,
        cpuAvg == null ? null : cpuAvg / cores,
        cpuPeakOrNull == null ? null : cpuPeakOrNull / cores,
        rss.n == 0 ? null : rss.sum / rss.n / Figures.BYTES_PER_MB,
        rssPeak,
        rssPeakSource,
        peakOrNull(heapUsed.max, peaks.peakHeapUsedBytes),
        heapCommitted.n == 0 ? null : Figures.mb(heapCommitted.max),
        gcCount.total(),
        gcMillis.present() ? gcMillis.total() / 1000d : null,
        threads.max == RawFigures.ABSENT && peaks.peakThreads == RawFigures.ABSENT
            ? null
            : (int) Math.max(threads.max, peaks.peakThreads),
        diskRead.present() ? Figures.mb(diskRead.total()) : null,
        diskWrite.present() ? Figures.mb(diskWrite.total()) : null,
        netRecv.present() ? Figures.mb(netRecv.total()) : null,
        netSent.present() ? Figures.mb(netSent.total()) : null,
        series.samples());
  }

  private double clampCpu(double percent) {
    return Figures.clamp(Figures.finiteOrZero(percent), 0, 100d * cores);
  }

  /** The larger of a sampled maximum and a peak figure, in MiB; null when neither is known. */
  private static Double peakOrNull(long sampledMax, long peak) {
    long max = Math.max(sampledMax, peak);
    return max == RawFigures.ABSENT ? null : Figures.mb(max);
  }

  private static Double mbOrNull(long bytes) {
    return bytes == RawFigures.ABSENT ? null : Figures.mb(bytes);
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
