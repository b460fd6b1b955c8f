package dev.tgmd.resources;

/**
 * The raw figures one round of {@link Probe}s reads, as the OS and JVM give them: bytes,
 * nanoseconds and cumulative counters, not yet turned into MiB, seconds or deltas. A figure no
 * probe gave stays {@link #ABSENT}. The monitor fills one at every sample (the sampled figures) and
 * one at every report (the true peaks). Not thread-safe: filled and read by one thread at a time.
 */
final class RawFigures {

  /** A figure no probe gave. */
  static final long ABSENT = -1;

  /** Process CPU time, ns. */
  long cpuNanos = ABSENT;

  /** Resident set size, bytes. */
  long rssBytes = ABSENT;

  /** The kernel's peak resident set size (VmHWM), bytes. */
  long peakRssBytes = ABSENT;

  /** JVM heap used, bytes. */
  long heapUsedBytes = ABSENT;

  /** JVM heap committed, bytes. */
  long heapCommittedBytes = ABSENT;

  /** Garbage collections, all collectors. */
  long gcCount = ABSENT;

  /** Time spent in garbage collection, ms, all collectors. */
  long gcMillis = ABSENT;

  /** Live JVM threads. */
  long threads = ABSENT;

  /** The most live JVM threads since the JVM started (its own peak count). */
  long peakThreads = ABSENT;

  /** The sum of each heap memory pool's own peak usage since the JVM started, bytes. */
  long peakHeapUsedBytes = ABSENT;

  /** Bytes the process read from storage. */
  long diskReadBytes = ABSENT;

  /** Bytes the process wrote to storage. */
  long diskWriteBytes = ABSENT;

  /** Bytes the machine received, loopback excluded. */
  long netRecvBytes = ABSENT;

  /** Bytes the machine sent, loopback excluded. */
  long netSentBytes = ABSENT;

  /** Sets every figure back to {@link #ABSENT}, so that one instance serves sample after sample. */
  void clear() {
    cpuNanos = ABSENT;
    rssBytes = ABSENT;
    peakRssBytes = ABSENT;
    heapUsedBytes = ABSENT;
    heapCommittedBytes = ABSENT;
    gcCount = ABSENT;
    gcMillis = ABSENT;
    threads = ABSENT;
    peakThreads = ABSENT;
    peakHeapUsedBytes = ABSENT;
    diskReadBytes = ABSENT;
    diskWriteBytes = ABSENT;
    netRecvBytes = ABSENT;
    netSentBytes = ABSENT;
  }
}
