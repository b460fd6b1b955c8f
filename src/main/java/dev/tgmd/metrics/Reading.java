package dev.tgmd.metrics;

/**
 * The raw figures of one sample, filled in by the {@link Probe}s; a figure no probe gave stays
 * {@link #ABSENT}. Counters are cumulative as the OS or JVM reports them. Not thread-safe: one
 * reading is filled by one thread.
 */
final class Reading {

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
}
