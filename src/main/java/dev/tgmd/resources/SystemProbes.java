package dev.tgmd.resources;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes a real {@link ResourceMonitor} reads, chosen for the system it runs on: the JVM's own
 * figures ({@link JvmProbes}) everywhere; the process's and machine's from Linux's /proc files
 * ({@link ProcProbes}) where they are readable, else from OSHI ({@link OshiProbes}).
 */
final class SystemProbes {

  private SystemProbes() {}

  /**
   * The probes read at every sample. On Linux, the process and network figures are read from /proc
   * with OSHI's file utilities: OSHI's process object costs 200 to 250 ms and about 0.4 s of CPU to
   * create on this kind of machine (it runs {@code uname}, {@code getconf} twice and {@code id}, or
   * loads JNA), which alone would be many times the metrics budget of a short export; reading the
   * same /proc files OSHI reads costs under a millisecond a sample. Elsewhere, OSHI's process and
   * network objects, created lazily on the first sample.
   */
  static List<Probe> sampled() {
    List<Probe> probes = new ArrayList<>();
    probes.add(JvmProbes.cpu());
    probes.add(JvmProbes.heap());
    probes.add(JvmProbes.gc());
    probes.add(JvmProbes.threads());
    if (Files.isReadable(ProcProbes.SELF_STATUS) && Files.isReadable(ProcProbes.SELF_IO)) {
      probes.add(ProcProbes.process(ProcProbes.SELF_STATUS, ProcProbes.SELF_IO));
      if (Files.isReadable(ProcProbes.NET_DEV)) {
        probes.add(ProcProbes.network(ProcProbes.NET_DEV));
      }
    } else {
      OshiProbes.Oshi oshi = new OshiProbes.Oshi();
      probes.add(new OshiProbes.ProcessProbe(oshi));
      probes.add(new OshiProbes.NetworkProbe(oshi));
    }
    return probes;
  }

  /**
   * The probes of the true peaks, read when a report is made rather than at each sample: the
   * kernel's RSS high-water mark (Linux), the JVM's peak thread count and its heap pools' peaks.
   * Each covers the whole life of the process or JVM, so no peak between two samples is missed.
   */
  static List<Probe> truePeaks() {
    List<Probe> probes = new ArrayList<>();
    if (Files.isReadable(ProcProbes.SELF_STATUS)) {
      probes.add(ProcProbes.peakRss(ProcProbes.SELF_STATUS));
    }
    probes.add(JvmProbes.peakThreads());
    probes.add(JvmProbes.peakHeap());
    return probes;
  }
}
