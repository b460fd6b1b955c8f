package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the {@code ResourceMonitor} saw, under {@code resources} in the report. Immutable. Every
 * figure that a probe gives is null when that probe failed in every sample or is not supported on
 * this system. Averages are over every sample taken, including those dropped from {@code samples}
 * to keep it bounded; peaks are the process's and JVM's own, read when the report was made (at
 * least the largest sample). MiB = 2^20 bytes.
 *
 * @param intervalS seconds between two samples, as configured
 * @param startedAt when the monitor was started (ISO-8601 UTC in the JSON, to the millisecond)
 * @param durationS seconds from the start to the last sample
 * @param sampleCount samples taken in all (at least the size of {@code samples})
 * @param overheadS seconds the monitor spent taking samples: its own cost (the first sample loads
 *     OSHI, some hundred milliseconds)
 * @param cores processors available to the JVM, used for the machine percentages
 * @param cpuPercentAvg process CPU time over wall time from the first to the last sample, in
 *     percent of one core (up to 100 x cores)
 * @param cpuPercentPeak the highest per-interval CPU percentage of one core
 * @param cpuMachinePercentAvg {@code cpu_percent_avg / cores}, percent of the whole machine
 * @param cpuMachinePercentPeak {@code cpu_percent_peak / cores}
 * @param rssMbAvg mean resident set size over the samples, MiB
 * @param rssMbPeak peak resident set size, MiB: on Linux the kernel's high-water mark (VmHWM, over
 *     the process's whole life, read when the report was made), else the largest sample
 * @param rssPeakSource where {@code rss_mb_peak} comes from: {@code vmhwm} or {@code samples}
 * @param heapMbPeak peak JVM heap in use, MiB: the sum of each heap pool's own peak since the JVM
 *     started (an upper bound: the pools may peak at different moments)
 * @param heapCommittedMbPeak the largest JVM heap committed over the samples, MiB
 * @param gcCount garbage collections from the first to the last sample
 * @param gcTimeS seconds spent in garbage collection from the first to the last sample
 * @param threadsPeak the most live JVM threads at once since the JVM started
 * @param diskReadMb bytes the process read from storage, first to last sample, MiB
 * @param diskWriteMb bytes the process wrote to storage, first to last sample, MiB
 * @param netRecvMb bytes the machine received (all interfaces but loopback), first to last sample,
 *     MiB
 * @param netSentMb bytes the machine sent likewise, MiB
 * @param samples the time series, at most 512 samples ({@code ResourceMonitor.MAX_SAMPLES}) kept
 *     evenly spread over the run, the last sample always included
 */
@JsonPropertyOrder({
  "interval_s",
  "started_at",
  "duration_s",
  "sample_count",
  "overhead_s",
  "cores",
  "cpu_percent_avg",
  "cpu_percent_peak",
  "cpu_machine_percent_avg",
  "cpu_machine_percent_peak",
  "rss_mb_avg",
  "rss_mb_peak",
  "rss_peak_source",
  "heap_mb_peak",
  "heap_committed_mb_peak",
  "gc_count",
  "gc_time_s",
  "threads_peak",
  "disk_read_mb",
  "disk_write_mb",
  "net_recv_mb",
  "net_sent_mb",
  "samples"
})
public record ResourceReport(
    @JsonProperty("interval_s") double intervalS,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("duration_s") double durationS,
    @JsonProperty("sample_count") long sampleCount,
    @JsonProperty("overhead_s") double overheadS,
    @JsonProperty("cores") int cores,
    @JsonProperty("cpu_percent_avg") Double cpuPercentAvg,
    @JsonProperty("cpu_percent_peak") Double cpuPercentPeak,
    @JsonProperty("cpu_machine_percent_avg") Double cpuMachinePercentAvg,
    @JsonProperty("cpu_machine_percent_peak") Double cpuMachinePercentPeak,
    @JsonProperty("rss_mb_avg") Double rssMbAvg,
    @JsonProperty("rss_mb_peak") Double rssMbPeak,
    @JsonProperty("rss_peak_source") String rssPeakSource,
    @JsonProperty("heap_mb_peak") Double heapMbPeak,
    @JsonProperty("heap_committed_mb_peak") Double heapCommittedMbPeak,
    @JsonProperty("gc_count") Long gcCount,
    @JsonProperty("gc_time_s") Double gcTimeS,
    @JsonProperty("threads_peak") Integer threadsPeak,
    @JsonProperty("disk_read_mb") Double diskReadMb,
    @JsonProperty("disk_write_mb") Double diskWriteMb,
    @JsonProperty("net_recv_mb") Double netRecvMb,
    @JsonProperty("net_sent_mb") Double netSentMb,
    @JsonProperty("samples") List<ResourceSample> samples) {

  /** {@code rss_peak_source} when the peak is the kernel's high-water mark. */
  public static final String PEAK_FROM_VMHWM = "vmhwm";

  /** {@code rss_peak_source} when the peak is the largest sample. */
  public static final String PEAK_FROM_SAMPLES = "samples";

  /** Validates; see the parameters. NaN and infinities become null (0 when not nullable). */
  public ResourceReport {
    intervalS = Figures.nonNegative(intervalS, "interval_s");
    if (intervalS == 0) {
      throw new IllegalArgumentException("interval_s must be > 0");
    }
    if (startedAt == null) {
      throw new IllegalArgumentException("started_at must not be null");
    }
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    durationS = Figures.nonNegative(durationS, "duration_s");
    Figures.nonNegative(sampleCount, "sample_count");
    overheadS = Figures.nonNegative(overheadS, "overhead_s");
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1, was " + cores);
    }
    cpuPercentAvg = Figures.nonNegativeOrNull(cpuPercentAvg, "cpu_percent_avg");
    cpuPercentPeak = Figures.nonNegativeOrNull(cpuPercentPeak, "cpu_percent_peak");
    cpuMachinePercentAvg =
        Figures.nonNegativeOrNull(cpuMachinePercentAvg, "cpu_machine_percent_avg");
    cpuMachinePercentPeak =
        Figures.nonNegativeOrNull(cpuMachinePercentPeak, "cpu_machine_percent_peak");
    rssMbAvg = Figures.nonNegativeOrNull(rssMbAvg, "rss_mb_avg");
    rssMbPeak = Figures.nonNegativeOrNull(rssMbPeak, "rss_mb_peak");
    if (rssPeakSource != null
        && !rssPeakSource.equals(PEAK_FROM_VMHWM)
        && !rssPeakSource.equals(PEAK_FROM_SAMPLES)) {
      throw new IllegalArgumentException("rss_peak_source must be vmhwm, samples or null");
    }
    heapMbPeak = Figures.nonNegativeOrNull(heapMbPeak, "heap_mb_peak");
    heapCommittedMbPeak = Figures.nonNegativeOrNull(heapCommittedMbPeak, "heap_committed_mb_peak");
    if (gcCount != null) {
      Figures.nonNegative(gcCount, "gc_count");
    }
    gcTimeS = Figures.nonNegativeOrNull(gcTimeS, "gc_time_s");
    if (threadsPeak != null) {
      Figures.nonNegative(threadsPeak, "threads_peak");
    }
    diskReadMb = Figures.nonNegativeOrNull(diskReadMb, "disk_read_mb");
    diskWriteMb = Figures.nonNegativeOrNull(diskWriteMb, "disk_write_mb");
    netRecvMb = Figures.nonNegativeOrNull(netRecvMb, "net_recv_mb");
    netSentMb = Figures.nonNegativeOrNull(netSentMb, "net_sent_mb");
    if (samples == null) {
      throw new IllegalArgumentException("samples must not be null");
    }
    samples = List.copyOf(samples);
    if (sampleCount < samples.size()) {
      throw new IllegalArgumentException(
          "sample_count " + sampleCount + " is less than the " + samples.size() + " samples kept");
    }
  }
}
