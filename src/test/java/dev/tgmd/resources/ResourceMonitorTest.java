package dev.tgmd.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tgmd.recording.FakeTicker;
import dev.tgmd.report.ResourceReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResourceMonitorTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final long MB = 1024 * 1024;

  private final FakeTicker ticker = new FakeTicker();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  /** A probe that reports figures a test sets. */
  private static final class FakeProbe implements Probe {
    final AtomicLong cpu = new AtomicLong();
    final AtomicLong rss = new AtomicLong(100 * MB);
    final AtomicLong diskWrite = new AtomicLong(5 * MB);
    final AtomicLong reads = new AtomicLong();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public void read(RawFigures r) {
      reads.incrementAndGet();
      r.cpuNanos = cpu.get();
      r.rssBytes = rss.get();
      r.diskWriteBytes = diskWrite.get();
      r.heapUsedBytes = 10 * MB;
      r.threads = 7;
    }
  }

  private static final Probe FAILING =
      Probe.of(
          "broken",
          r -> {
            throw new IllegalStateException("no such counter");
          });

  private ResourceMonitor monitor(Duration interval, Probe... probes) {
    return new ResourceMonitor(interval, ticker, clock, List.of(probes), 2);
  }

  private static List<String> monitorThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(ResourceMonitor.THREAD_NAME) && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void aShortRunOfTheRealMonitorHasAtLeastTwoSamplesAndLeavesNoThread() throws Exception {
    ResourceMonitor monitor = ResourceMonitor.create(Duration.ofMillis(100));
    monitor.start();
    assertThat(monitorThreads()).hasSize(1);
    Thread.sleep(350);
    monitor.stop();

    ResourceReport r = monitor.report();
    assertThat(r.sampleCount()).isGreaterThanOrEqualTo(2);
    assertThat(r.samples()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(r.samples().get(0).tS()).isLessThanOrEqualTo(r.samples().get(1).tS());
    assertThat(r.intervalS()).isEqualTo(0.1);
    assertThat(r.heapMbPeak()).isPositive();
    assertThat(r.threadsPeak()).isPositive();
    assertThat(r.cpuPercentAvg()).isNotNull();
    assertThat(r.gcCount()).isNotNull();
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
      assertThat(r.rssMbPeak()).isGreaterThanOrEqualTo(r.rssMbAvg());
      assertThat(r.diskWriteMb()).isNotNull();
      assertThat(r.netRecvMb()).isNotNull();
    }
    assertThat(monitorThreads()).isEmpty();
  }

  @Test
  void stopIsPromptAndDoesNotWaitOutTheInterval() throws Exception {
    ResourceMonitor monitor = ResourceMonitor.create(); // every 5 s
    monitor.start();
    // Wait for the first sample (it loads OSHI, which may be slow on a busy machine).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (monitor.report().sampleCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long before = monitor.report().sampleCount();
    assertThat(before).isPositive();

    long start = System.nanoTime();
    monitor.stop();
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(stopMillis).isLessThan(1_000);
    assertThat(monitor.report().sampleCount()).isBetween(before + 1, before + 2);
    assertThat(monitorThreads()).isEmpty();
  }

  @Test
  void stopRightAfterStartStillGivesTwoSamplesInOrder() {
    FakeProbe probe = new FakeProbe();
    ResourceMonitor monitor = monitor(Duration.ofSeconds(5), probe);
    monitor.start();
    ticker.advanceMillis(1);
    monitor.stop();

    assertThat(monitor.report().sampleCount()).isEqualTo(2);
    assertThat(probe.reads.get()).isEqualTo(2);
    assertThat(monitorThreads()).isEmpty();
  }

  @Test
  void stopIsIdempotentAndCloseStops() {
    ResourceMonitor monitor = monitor(Duration.ofSeconds(5), new FakeProbe());
    try (monitor) {
      monitor.start();
      assertThat(monitor.isRunning()).isTrue();
      monitor.stop();
      monitor.stop();
    }
    assertThat(monitor.isRunning()).isFalse();
    assertThat(monitor.report().sampleCount()).isEqualTo(2);
    assertThatThrownBy(monitor::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSamplerThreadIsADaemonNamedForTheMonitor() throws Exception {
    ResourceMonitor monitor = monitor(Duration.ofMillis(100), new FakeProbe());
    monitor.start();
    try {
      Thread sampler =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals(ResourceMonitor.THREAD_NAME))
              .findFirst()
              .orElseThrow();
      assertThat(sampler.isDaemon()).isTrue();
    } finally {
      monitor.stop();
    }
  }

  @Test
  void aFailingProbeIsLoggedOnceAndLeftOutNeverFatal() throws Exception {
    FakeProbe probe = new FakeProbe();
    ResourceMonitor monitor = monitor(Duration.ofMillis(100), FAILING, probe);
    monitor.start();
    Thread.sleep(300);
    monitor.stop();

    ResourceReport r = monitor.report();
    assertThat(r.sampleCount()).isGreaterThanOrEqualTo(2);
    assertThat(monitor.failedProbes()).containsExactly("broken");
    assertThat(r.rssMbAvg()).isEqualTo(100.0); // the good probe's figures are all there
    assertThat(r.netRecvMb()).isNull(); // no probe gave it
    assertThat(r.samples().get(0).netRecvMb()).isNull();
  }

  @Test
  void aProbeThatCannotLoadItsLibraryIsTolerated() {
    Probe unlinked =
        Probe.of(
            "native",
            r -> {
              throw new UnsatisfiedLinkError("no jnidispatch in java.library.path");
            });
    ResourceMonitor monitor = monitor(Duration.ofSeconds(1), unlinked, new FakeProbe());
    monitor.begin();
    monitor.sampleNow();
    monitor.sampleNow();

    assertThat(monitor.report().sampleCount()).isEqualTo(2);
    assertThat(monitor.failedProbes()).containsExactly("native");
  }

  @Test
  void averageCpuIsCpuTimeOverWallTimeAndPeakIsTheBusiestInterval() {
    FakeProbe probe = new FakeProbe();
    ResourceMonitor monitor = monitor(Duration.ofSeconds(1), probe);
    monitor.begin();
    monitor.sampleNow(); // t=0, cpu 0
    ticker.advanceMillis(1_000);
    probe.cpu.set(1_500_000_000L); // 1.5 s of CPU in 1 s: 150 %
    monitor.sampleNow();
    ticker.advanceMillis(3_000);
    probe.cpu.set(2_100_000_000L); // 0.6 s in 3 s: 20 %
    monitor.sampleNow();

    ResourceReport r = monitor.report();
    // 2.1 s of CPU over 4 s; the mean of the samples (85 %) would be wrong
    assertThat(r.cpuPercentAvg()).isCloseTo(52.5, within(1e-9));
    assertThat(r.cpuPercentPeak()).isCloseTo(150.0, within(1e-9));
    assertThat(r.cpuMachinePercentAvg()).isCloseTo(26.25, within(1e-9));
    assertThat(r.cpuMachinePercentPeak()).isCloseTo(75.0, within(1e-9));
    assertThat(r.samples().get(0).cpuPercent()).isNull();
    assertThat(r.samples().get(1).cpuPercent()).isCloseTo(150.0, within(1e-9));
    assertThat(r.samples().get(2).cpuMachinePercent()).isCloseTo(10.0, within(1e-9));
    assertThat(r.durationS()).isEqualTo(4.0);
    assertThat(r.startedAt()).isEqualTo(T0);
  }

  @Test
  void countersAreDeltasFromTheFirstSample() {
    FakeProbe probe = new FakeProbe();
    ResourceMonitor monitor = monitor(Duration.ofSeconds(1), probe);
    monitor.begin();
    monitor.sampleNow();
    ticker.advanceMillis(1_000);
    probe.diskWrite.addAndGet(3 * MB);
    monitor.sampleNow();

    ResourceReport r = monitor.report();
    assertThat(r.diskWriteMb()).isEqualTo(3.0);
    assertThat(r.samples().get(0).diskWriteMb()).isEqualTo(0.0);
    assertThat(r.samples().get(1).diskWriteMb()).isEqualTo(3.0);
  }

  @Test
  void longRunsKeepABoundedEvenlySpreadSeriesButAverageAndPeakOverEverySample() {
    FakeProbe probe = new FakeProbe();
    ResourceMonitor monitor = monitor(Duration.ofSeconds(1), probe);
    monitor.begin();
    int samples = 2_000;
    for (int i = 0; i < samples; i++) {
      probe.rss.set(i * MB); // 0 .. 1999 MiB
      monitor.sampleNow();
      ticker.advanceMillis(1_000);
    }

    ResourceReport r = monitor.report();
    assertThat(r.sampleCount()).isEqualTo(samples);
    assertThat(r.samples()).hasSizeLessThanOrEqualTo(ResourceMonitor.MAX_SAMPLES);
    assertThat(r.samples()).hasSizeGreaterThan(ResourceMonitor.MAX_SAMPLES / 4);
    assertThat(r.samples().get(0).tS()).isEqualTo(0.0);
    assertThat(r.samples().get(r.samples().size() - 1).rssMb()).isEqualTo(1999.0); // the last
    // evenly spread: one stride between kept samples (the last one aside)
    double step = r.samples().get(1).tS() - r.samples().get(0).tS();
    for (int i = 1; i < r.samples().size() - 1; i++) {
      assertThat(r.samples().get(i).tS() - r.samples().get(i - 1).tS()).isEqualTo(step);
    }
    assertThat(r.rssMbAvg()).isEqualTo(999.5); // mean of 0..1999, not of the kept ones
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_SAMPLES);
    assertThat(r.rssMbPeak()).isEqualTo(1999.0);
  }

  @Test
  void thePeakRssIsTheKernelHighWaterMarkWhenThereIsOne() {
    FakeProbe probe = new FakeProbe();
    Probe hwm = Probe.of("vmhwm", r -> r.peakRssBytes = 900 * MB);
    ResourceMonitor monitor = monitor(Duration.ofSeconds(1), probe, hwm);
    monitor.begin();
    monitor.sampleNow();

    ResourceReport r = monitor.report();
    assertThat(r.rssMbPeak()).isEqualTo(900.0);
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
  }

  /**
   * The peaks of a report include what happened after the last sample: here, with samples an hour
   * apart, 40 MiB more resident memory, 16 more threads at once and a 64 MiB array, all after the
   * monitor stopped sampling and before the report.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  void thePeaksAreTheProcessesOwnReadWhenTheReportIsMadeNotTheLargestSample() throws Exception {
    ResourceMonitor monitor = ResourceMonitor.create(Duration.ofHours(1));
    monitor.start();
    monitor.stop();

    long rss = status("VmRSS");
    long hwm = status("VmHWM");
    java.nio.ByteBuffer resident =
        java.nio.ByteBuffer.allocateDirect((int) (Math.max(0, hwm - rss) + 40 * MB));
    for (int i = 0; i < resident.capacity(); i += 4096) {
      resident.put(i, (byte) 1);
    }
    assertThat(status("VmHWM")).as("the high-water mark rose").isGreaterThan(hwm + 30 * MB);
    byte[] heap = new byte[64 * (int) MB];
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    int peakThreads = java.lang.management.ManagementFactory.getThreadMXBean().getPeakThreadCount();
    long pools = 0;
    for (java.lang.management.MemoryPoolMXBean pool :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        pools += pool.getPeakUsage().getUsed();
      }
    }
    long poolsPeak = pools;

    ResourceReport r = monitor.report();
    long hwmAfter = status("VmHWM");

    org.assertj.core.api.SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(r.rssMbPeak())
              .as("rss_mb_peak against VmHWM %.1f MiB", hwmAfter / (double) MB)
              .isGreaterThanOrEqualTo(0.99 * hwmAfter / MB)
              .isLessThanOrEqualTo(1.01 * hwmAfter / MB);
          soft.assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
          soft.assertThat(r.threadsPeak()).as("threads_peak").isGreaterThanOrEqualTo(peakThreads);
          // (the report keeps 12 significant digits)
          soft.assertThat(r.heapMbPeak())
              .as("heap_mb_peak")
              .isGreaterThanOrEqualTo(poolsPeak / (double) MB - 1e-6)
              .isGreaterThanOrEqualTo(64.0);
        });
    java.lang.ref.Reference.reachabilityFence(resident);
    java.lang.ref.Reference.reachabilityFence(heap);
  }

  /** A line of /proc/self/status in bytes, e.g. VmHWM. */
  private static long status(String key) throws java.io.IOException {
    for (String line :
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]) * 1024;
      }
    }
    throw new AssertionError("no " + key + " in /proc/self/status");
  }

  @Test
  void intervalsBelowOneHundredMillisecondsAreRejected() {
    assertThatThrownBy(() -> ResourceMonitor.create(Duration.ofMillis(99)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 ms");
    assertThat(ResourceMonitor.create(Duration.ofMillis(100)).interval())
        .isEqualTo(Duration.ofMillis(100));
    assertThat(ResourceMonitor.create().interval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aReportBeforeStartIsRefused() {
    assertThatThrownBy(() -> monitor(Duration.ofSeconds(1)).report())
        .isInstanceOf(IllegalStateException.class);
  }
}
