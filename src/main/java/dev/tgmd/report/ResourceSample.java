package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * One sample of the process's resources, an entry of {@code resources.samples[]}. Immutable. Every
 * figure but {@code t_s} is null when its probe failed or is not supported on this system. Counters
 * ({@code gc_*}, {@code disk_*}, {@code net_*}) are cumulative since the first sample of the run,
 * so the last sample holds the run's totals.
 *
 * @param tS seconds since the monitor was started
 * @param cpuPercent process CPU time over the wall time since the previous sample, in percent of
 *     one core (up to 100 x cores); null for the first sample
 * @param cpuMachinePercent the same in percent of the whole machine (0 to 100)
 * @param rssMb resident set size, MiB
 * @param heapUsedMb JVM heap in use, MiB
 * @param heapCommittedMb JVM heap committed, MiB
 * @param gcCount garbage collections since the first sample, all collectors
 * @param gcTimeS seconds spent in garbage collection since the first sample, all collectors
 * @param threads live JVM threads
 * @param diskReadMb bytes the process read from storage since the first sample, MiB
 * @param diskWriteMb bytes the process wrote to storage since the first sample, MiB
 * @param netRecvMb bytes the machine received on its network interfaces (loopback excluded) since
 *     the first sample, MiB
 * @param netSentMb bytes the machine sent likewise, MiB
 */
@JsonPropertyOrder({
  "t_s",
  "cpu_percent",
  "cpu_machine_percent",
  "rss_mb",
  "heap_used_mb",
  "heap_committed_mb",
  "gc_count",
  "gc_time_s",
  "threads",
  "disk_read_mb",
  "disk_write_mb",
  "net_recv_mb",
  "net_sent_mb"
})
public record ResourceSample(
    @JsonProperty("t_s") double tS,
    @JsonProperty("cpu_percent") Double cpuPercent,
    @JsonProperty("cpu_machine_percent") Double cpuMachinePercent,
    @JsonProperty("rss_mb") Double rssMb,
    @JsonProperty("heap_used_mb") Double heapUsedMb,
    @JsonProperty("heap_committed_mb") Double heapCommittedMb,
    @JsonProperty("gc_count") Long gcCount,
    @JsonProperty("gc_time_s") Double gcTimeS,
    @JsonProperty("threads") Integer threads,
    @JsonProperty("disk_read_mb") Double diskReadMb,
    @JsonProperty("disk_write_mb") Double diskWriteMb,
    @JsonProperty("net_recv_mb") Double netRecvMb,
    @JsonProperty("net_sent_mb") Double netSentMb) {

  /** Validates: every figure non-negative; NaN and infinities become null (0 for {@code t_s}). */
  public ResourceSample {
    tS = Figures.nonNegative(tS, "t_s");
    cpuPercent = Figures.nonNegativeOrNull(cpuPercent, "cpu_percent");
    cpuMachinePercent = Figures.nonNegativeOrNull(cpuMachinePercent, "cpu_machine_percent");
    rssMb = Figures.nonNegativeOrNull(rssMb, "rss_mb");
    heapUsedMb = Figures.nonNegativeOrNull(heapUsedMb, "heap_used_mb");
    heapCommittedMb = Figures.nonNegativeOrNull(heapCommittedMb, "heap_committed_mb");
    if (gcCount != null) {
      Figures.nonNegative(gcCount, "gc_count");
    }
    gcTimeS = Figures.nonNegativeOrNull(gcTimeS, "gc_time_s");
    if (threads != null) {
      Figures.nonNegative(threads, "threads");
    }
    diskReadMb = Figures.nonNegativeOrNull(diskReadMb, "disk_read_mb");
    diskWriteMb = Figures.nonNegativeOrNull(diskWriteMb, "disk_write_mb");
    netRecvMb = Figures.nonNegativeOrNull(netRecvMb, "net_recv_mb");
    netSentMb = Figures.nonNegativeOrNull(netSentMb, "net_sent_mb");
  }
}
