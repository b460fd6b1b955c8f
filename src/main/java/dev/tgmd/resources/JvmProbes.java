package dev.tgmd.resources;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/** Probes of the JVM's own figures, from its management beans: CPU time, heap, GC, threads. */
final class JvmProbes {

  private JvmProbes() {}

  /** Process CPU time from {@code com.sun.management.OperatingSystemMXBean}. */
  static Probe cpu() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    return Probe.of(
        "cpu",
        r -> {
          if (!(bean instanceof com.sun.management.OperatingSystemMXBean)) {
            throw new UnsupportedOperationException("this JVM does not report process CPU time");
          }
          long nanos = ((com.sun.management.OperatingSystemMXBean) bean).getProcessCpuTime();
          if (nanos < 0) {
            throw new UnsupportedOperationException("this JVM does not report process CPU time");
          }
          r.cpuNanos = nanos;
        });
  }

  /** JVM heap used and committed. */
  static Probe heap() {
    MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    return Probe.of(
        "heap",
        r -> {
          MemoryUsage heap = bean.getHeapMemoryUsage();
          r.heapUsedBytes = heap.getUsed();
          r.heapCommittedBytes = heap.getCommitted();
        });
  }

  /** Garbage collections and their time, summed over every collector. */
  static Probe gc() {
    List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
    return Probe.of(
        "gc",
        r -> {
          long count = 0;
          long millis = 0;
          for (GarbageCollectorMXBean bean : beans) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
          }
          r.gcCount = count;
          r.gcMillis = millis;
        });
  }

  /** Live JVM threads. */
  static Probe threads() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return Probe.of("threads", r -> r.threads = bean.getThreadCount());
  }

  /** The JVM's peak live thread count since it started. */
  static Probe peakThreads() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return Probe.of("peak-threads", r -> r.peakThreads = bean.getPeakThreadCount());
  }

  /**
   * The sum of each heap pool's own peak usage since the JVM started: an upper bound of the heap's
   * peak, since the pools may peak at different moments (the young generation just before a
   * collection, the old one later).
   */
  static Probe peakHeap() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
      }
    }
    return Probe.of(
        "peak-heap",
        r -> {
          long sum = 0;
          for (MemoryPoolMXBean pool : pools) {
            MemoryUsage peak = pool.getPeakUsage();
            if (peak != null) {
              sum += Math.max(0, peak.getUsed());
            }
          }
          if (pools.isEmpty()) {
            throw new UnsupportedOperationException("this JVM reports no heap memory pool");
          }
          r.peakHeapUsedBytes = sum;
        });
  }
}
