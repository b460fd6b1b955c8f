package dev.tgmd.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSProcess;
import oshi.util.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probes of the {@link ResourceMonitor}: the JVM's management beans for CPU time, heap, GC and
 * threads; OSHI for the resident set size, the process's disk I/O and the machine's network I/O;
 * /proc/self/status for the kernel's peak RSS on Linux.
 */
final class Probes {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceMonitor.class);

  /** Where Linux tells a process its peak resident set size (VmHWM). */
  static final Path PROC_SELF_STATUS = Path.of("/proc/self/status");

  private Probes() {}

  /** Where Linux tells a process its storage I/O. */
  static final Path PROC_SELF_IO = Path.of("/proc/self/io");

  /** Where Linux tells the machine's network traffic per interface. */
  static final Path PROC_NET_DEV = Path.of("/proc/net/dev");

  /**
   * The probes of a real monitor. On Linux, the process and network figures are read from /proc
   * with OSHI's file utilities: OSHI's process object costs 200 to 250 ms and about 0.4 s of CPU to
   * create on this kind of machine (it runs {@code uname}, {@code getconf} twice and {@code id}, or
   * loads JNA), which alone would be many times the metrics budget of a short export; reading the
   * same /proc files OSHI reads costs under a millisecond a sample. Elsewhere, OSHI's process and
   * network objects, created lazily on the first sample.
   */
  static List<Probe> defaults() {
    List<Probe> probes = new ArrayList<>();
    probes.add(cpu());
    probes.add(heap());
    probes.add(gc());
    probes.add(threads());
    if (Files.isReadable(PROC_SELF_STATUS) && Files.isReadable(PROC_SELF_IO)) {
      probes.add(procProcess(PROC_SELF_STATUS, PROC_SELF_IO));
      if (Files.isReadable(PROC_NET_DEV)) {
        probes.add(procNetwork(PROC_NET_DEV));
      }
    } else {
      Oshi oshi = new Oshi();
      probes.add(new OshiProcessProbe(oshi));
      probes.add(new OshiNetworkProbe(oshi));
    }
    return probes;
  }

  /**
   * The probes of the true peaks, read when a report is made rather than at each sample: the
   * kernel's RSS high-water mark (Linux), the JVM's peak thread count and its heap pools' peaks.
   * Each covers the whole life of the process or JVM, so no peak between two samples is missed.
   */
  static List<Probe> peaks() {
    List<Probe> probes = new ArrayList<>();
    if (Files.isReadable(PROC_SELF_STATUS)) {
      probes.add(peakRss(PROC_SELF_STATUS));
    }
    probes.add(peakThreads());
    probes.add(peakHeap());
    return probes;
  }

  /** The JVM's peak live thread count since it started. */
  static Probe peakThreads() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return probe("peak-threads", r -> r.peakThreads = bean.getPeakThreadCount());
  }

  /**
   * The sum of each heap pool's own peak usage since the JVM started: an upper bound of the
   * heap's peak, since the pools may peak at different moments (the young generation just before
   * a collection, the old one later).
   */
  static Probe peakHeap() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
      }
    }
    return probe(
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

  /** RSS (VmRSS in /proc/self/status) and storage I/O (read_bytes, write_bytes in /proc/self/io). */
  static Probe procProcess(Path status, Path io) {
    return probe(
        "process",
        r -> {
          Map<String, String> s = FileUtil.getKeyValueMapFromFile(status.toString(), ":");
          r.rssBytes = kibibytes(s.get("VmRSS"), "VmRSS", status);
          Map<String, String> i = FileUtil.getKeyValueMapFromFile(io.toString(), ":");
          r.diskReadBytes = number(i.get("read_bytes"), "read_bytes", io);
          r.diskWriteBytes = number(i.get("write_bytes"), "write_bytes", io);
        });
  }

  /** Bytes received and sent by the machine, summed over its interfaces but loopback. */
  static Probe procNetwork(Path netDev) {
    return probe(
        "network",
        r -> {
          long[] totals = parseNetDev(FileUtil.readFile(netDev.toString(), false));
          r.netRecvBytes = totals[0];
          r.netSentBytes = totals[1];
        });
  }

  /**
   * Sums /proc/net/dev's received and sent bytes ("lo: 123 ... ", receive bytes first, transmit
   * bytes ninth) over every interface but loopback.
   */
  static long[] parseNetDev(List<String> lines) throws IOException {
    long recv = 0;
    long sent = 0;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue; // the two header lines
      }
      String name = line.substring(0, colon).trim();
      if (name.equals("lo")) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length < 9) {
        throw new IOException("unexpected /proc/net/dev line: " + line);
      }
      recv += Long.parseLong(f[0]);
      sent += Long.parseLong(f[8]);
    }
    return new long[] {recv, sent};
  }

  private static long kibibytes(String value, String key, Path file) throws IOException {
    if (value == null) {
      throw new IOException("no " + key + " in " + file);
    }
    String[] parts = value.trim().split("\\s+");
    return Long.parseLong(parts[0]) * (parts.length > 1 && parts[1].equals("kB") ? 1024 : 1);
  }

  private static long number(String value, String key, Path file) throws IOException {
    if (value == null) {
      throw new IOException("no " + key + " in " + file);
    }
    return Long.parseLong(value.trim());
  }

  /** Process CPU time from {@code com.sun.management.OperatingSystemMXBean}. */
  static Probe cpu() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    return probe(
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
    return probe(
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
    return probe(
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
    return probe("threads", r -> r.threads = bean.getThreadCount());
  }

  /** The kernel's peak resident set size, VmHWM in a /proc/PID/status file. */
  static Probe peakRss(Path status) {
    return probe(
        "vmhwm",
        r -> {
          long bytes = parseVmHwm(Files.readAllLines(status, StandardCharsets.ISO_8859_1));
          if (bytes < 0) {
            throw new IOException("no VmHWM line in " + status);
          }
          r.peakRssBytes = bytes;
        });
  }

  /** The VmHWM line of /proc/PID/status in bytes ({@code VmHWM:   123456 kB}), or -1. */
  static long parseVmHwm(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        String unit = parts.length > 1 ? parts[1] : "kB";
        switch (unit) {
          case "kB":
            return value * 1024;
          case "mB":
          case "MB":
            return value * 1024 * 1024;
          default:
            return value;
        }
      }
    }
    return -1;
  }

  /** A probe from a name and a body. */
  static Probe probe(String name, ProbeBody body) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void read(Reading into) throws Exception {
        body.read(into);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** The body of a probe. */
  @FunctionalInterface
  interface ProbeBody {
    void read(Reading into) throws Exception;
  }

  /**
   * OSHI's entry point, created on first use (loading JNA takes a few hundred milliseconds, so it
   * happens on the monitor's thread, not the caller's). A failure to create it is remembered and
   * thrown again at once on later uses.
   */
  static final class Oshi {
    private SystemInfo systemInfo;
    private RuntimeException failure;

    synchronized SystemInfo get() {
      if (systemInfo == null && failure == null) {
        long start = System.nanoTime();
        try {
          SystemInfo si = new SystemInfo();
          si.getOperatingSystem();
          systemInfo = si;
          LOG.debug("OSHI initialised in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
          failure = new IllegalStateException("OSHI is unavailable: " + Num.oneLine(e), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return systemInfo;
    }
  }

  /** Resident set size and the process's storage I/O, from OSHI. */
  static final class OshiProcessProbe implements Probe {
    private final Oshi oshi;
    private OSProcess process;

    OshiProcessProbe(Oshi oshi) {
      this.oshi = oshi;
    }

    @Override
    public String name() {
      return "process";
    }

    @Override
    public void read(Reading into) {
      if (process == null) {
        process = oshi.get().getOperatingSystem().getCurrentProcess();
        if (process == null) {
          throw new IllegalStateException("OSHI does not see this process");
        }
      } else if (!process.updateAttributes()) {
        throw new IllegalStateException("OSHI could not update this process's figures");
      }
      into.rssBytes = process.getResidentMemory();
      into.diskReadBytes = process.getBytesRead();
      into.diskWriteBytes = process.getBytesWritten();
    }
  }

  /** Bytes received and sent by the machine, summed over its interfaces but loopback, from OSHI. */
  static final class OshiNetworkProbe implements Probe {
    private final Oshi oshi;
    private List<NetworkIF> interfaces;

    OshiNetworkProbe(Oshi oshi) {
      this.oshi = oshi;
    }

    @Override
    public String name() {
      return "network";
    }

    @Override
    public void read(Reading into) {
      if (interfaces == null) {
        interfaces = oshi.get().getHardware().getNetworkIFs(false);
      } else {
        for (NetworkIF nif : interfaces) {
          nif.updateAttributes();
        }
      }
      long recv = 0;
      long sent = 0;
      for (NetworkIF nif : interfaces) {
        recv += Math.max(0, nif.getBytesRecv());
        sent += Math.max(0, nif.getBytesSent());
      }
      into.netRecvBytes = recv;
      into.netSentBytes = sent;
    }
  }
}
