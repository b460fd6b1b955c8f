package dev.tgmd.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tgmd.report.ResourceReport;
import dev.tgmd.report.ResourceSample;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The figures a run's samples add up to, fed by hand: no thread, no probe, no clock. */
class ResourceAggregateTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final long MB = 1024 * 1024;
  private static final long SECOND = 1_000_000_000L;

  private final ResourceAggregate aggregate =
      new ResourceAggregate(Duration.ofSeconds(1), 2, T0, 7 * SECOND, ResourceMonitor.MAX_SAMPLES);

  /** Raw figures with the given resident set, heap used and committed, and threads. */
  private static RawFigures memory(long rssMb, long heapMb, long committedMb, long threads) {
    RawFigures r = new RawFigures();
    r.rssBytes = rssMb * MB;
    r.heapUsedBytes = heapMb * MB;
    r.heapCommittedBytes = committedMb * MB;
    r.threads = threads;
    return r;
  }

  private static RawFigures cpu(long nanos) {
    RawFigures r = new RawFigures();
    r.cpuNanos = nanos;
    return r;
  }

  /** Adds {@code r} as read at {@code seconds} after the start, taking no time. */
  private void addAt(double seconds, RawFigures r) {
    long tick = 7 * SECOND + (long) (seconds * SECOND);
    aggregate.add(tick, tick, r);
  }

  private static RawFigures noPeaks() {
    return new RawFigures();
  }

  @Test
  void averagesAreOverEverySampleAndPeaksAreTheLargestSample() {
    addAt(0, memory(100, 10, 64, 7));
    addAt(1, memory(300, 50, 128, 12));
    addAt(2, memory(200, 30, 96, 9));

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.sampleCount()).isEqualTo(3);
    assertThat(r.rssMbAvg()).isEqualTo(200.0);
    assertThat(r.rssMbPeak()).isEqualTo(300.0);
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_SAMPLES);
    assertThat(r.heapMbPeak()).isEqualTo(50.0);
    assertThat(r.heapCommittedMbPeak()).isEqualTo(128.0);
    assertThat(r.threadsPeak()).isEqualTo(12);
    assertThat(r.samples()).extracting(ResourceSample::rssMb).containsExactly(100.0, 300.0, 200.0);
    assertThat(r.samples()).extracting(ResourceSample::threads).containsExactly(7, 12, 9);
  }

  @Test
  void theTruePeaksReadAtReportTimeWinOverTheSamples() {
    addAt(0, memory(100, 10, 64, 7));
    addAt(1, memory(300, 50, 128, 12));
    RawFigures peaks = new RawFigures();
    peaks.peakRssBytes = 900 * MB; // VmHWM: a peak between or after the samples
    peaks.peakThreads = 40;
    peaks.peakHeapUsedBytes = 64 * MB;

    ResourceReport r = aggregate.report(peaks);
    assertThat(r.rssMbPeak()).isEqualTo(900.0);
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
    assertThat(r.threadsPeak()).isEqualTo(40);
    assertThat(r.heapMbPeak()).isEqualTo(64.0);
    assertThat(r.rssMbAvg()).as("averages stay the samples'").isEqualTo(200.0);
    assertThat(r.heapCommittedMbPeak()).as("no true peak of it").isEqualTo(128.0);
  }

  @Test
  void aTruePeakBelowASampleDoesNotLowerThePeak() {
    addAt(0, memory(300, 50, 128, 12));
    RawFigures peaks = new RawFigures();
    peaks.peakRssBytes = 250 * MB; // read at another moment, with other rounding
    peaks.peakThreads = 10;
    peaks.peakHeapUsedBytes = 40 * MB;

    ResourceReport r = aggregate.report(peaks);
    assertThat(r.rssMbPeak()).isEqualTo(300.0);
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
    assertThat(r.threadsPeak()).isEqualTo(12);
    assertThat(r.heapMbPeak()).isEqualTo(50.0);
  }

  @Test
  void aHighWaterMarkSampledCountsAsTheKernelsPeakToo() {
    RawFigures sampled = memory(100, 10, 64, 7);
    sampled.peakRssBytes = 500 * MB;
    addAt(0, sampled);

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.rssMbPeak()).isEqualTo(500.0);
    assertThat(r.rssPeakSource()).isEqualTo(ResourceReport.PEAK_FROM_VMHWM);
  }

  @Test
  void truePeaksAloneGiveThePeaksOfFiguresNeverSampled() {
    addAt(0, new RawFigures());
    RawFigures peaks = new RawFigures();
    peaks.peakThreads = 5;
    peaks.peakHeapUsedBytes = 8 * MB;

    ResourceReport r = aggregate.report(peaks);
    assertThat(r.threadsPeak()).isEqualTo(5);
    assertThat(r.heapMbPeak()).isEqualTo(8.0);
    assertThat(r.rssMbPeak()).isNull();
    assertThat(r.rssPeakSource()).isNull();
  }

  @Test
  void averageCpuIsCpuTimeOverWallTimeAndPeakIsTheBusiestInterval() {
    addAt(0, cpu(0));
    addAt(1, cpu(1_500_000_000L)); // 1.5 s of CPU in 1 s: 150 %
    addAt(4, cpu(2_100_000_000L)); // 0.6 s in 3 s: 20 %

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.cpuPercentAvg()).isCloseTo(52.5, within(1e-9)); // not the mean of the samples
    assertThat(r.cpuPercentPeak()).isCloseTo(150.0, within(1e-9));
    assertThat(r.cpuMachinePercentAvg()).isCloseTo(26.25, within(1e-9));
    assertThat(r.cpuMachinePercentPeak()).isCloseTo(75.0, within(1e-9));
    assertThat(r.samples().get(0).cpuPercent()).isNull();
    assertThat(r.samples().get(2).cpuPercent()).isCloseTo(20.0, within(1e-9));
    assertThat(r.samples().get(2).cpuMachinePercent()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void cpuIsClampedToEveryCoreAndLeftOutOverTooShortAnInterval() {
    addAt(0, cpu(0));
    addAt(0.005, cpu(1_000_000L)); // 5 ms after: too short to tell
    addAt(1, cpu(9 * SECOND)); // 9 s of CPU in 1 s on 2 cores: at most 200 %

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.samples().get(1).cpuPercent()).isNull();
    assertThat(r.samples().get(2).cpuPercent()).isEqualTo(200.0);
    assertThat(r.cpuPercentPeak()).isEqualTo(200.0);
    assertThat(r.cpuPercentAvg()).isEqualTo(200.0);
  }

  @Test
  void countersAreDeltasFromTheFirstSampleAndNeverNegative() {
    RawFigures first = new RawFigures();
    first.gcCount = 10;
    first.gcMillis = 2_000;
    first.diskReadBytes = 1 * MB;
    first.diskWriteBytes = 5 * MB;
    first.netRecvBytes = 100 * MB;
    first.netSentBytes = 0;
    addAt(0, first);
    RawFigures second = new RawFigures();
    second.gcCount = 13;
    second.gcMillis = 2_345;
    second.diskReadBytes = 3 * MB;
    second.diskWriteBytes = 8 * MB;
    second.netRecvBytes = 50 * MB; // the counter was reset
    second.netSentBytes = 2 * MB;
    addAt(1, second);

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.gcCount()).isEqualTo(3L);
    assertThat(r.gcTimeS()).isCloseTo(0.345, within(1e-9));
    assertThat(r.diskReadMb()).isEqualTo(2.0);
    assertThat(r.diskWriteMb()).isEqualTo(3.0);
    assertThat(r.netRecvMb()).isEqualTo(0.0);
    assertThat(r.netSentMb()).isEqualTo(2.0);
    ResourceSample s0 = r.samples().get(0);
    ResourceSample s1 = r.samples().get(1);
    assertThat(s0.gcCount()).isEqualTo(0L);
    assertThat(s0.diskWriteMb()).isEqualTo(0.0);
    assertThat(s1.gcCount()).isEqualTo(3L);
    assertThat(s1.gcTimeS()).isCloseTo(0.345, within(1e-9));
    assertThat(s1.diskWriteMb()).isEqualTo(3.0);
    assertThat(s1.netRecvMb()).isEqualTo(0.0);
  }

  @Test
  void figuresNoProbeGaveAreNull() {
    addAt(0, new RawFigures());
    addAt(1, new RawFigures());

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.sampleCount()).isEqualTo(2);
    assertThat(r.cpuPercentAvg()).isNull();
    assertThat(r.cpuPercentPeak()).isNull();
    assertThat(r.rssMbAvg()).isNull();
    assertThat(r.heapMbPeak()).isNull();
    assertThat(r.heapCommittedMbPeak()).isNull();
    assertThat(r.gcCount()).isNull();
    assertThat(r.gcTimeS()).isNull();
    assertThat(r.threadsPeak()).isNull();
    assertThat(r.diskReadMb()).isNull();
    assertThat(r.netSentMb()).isNull();
    assertThat(r.samples().get(1))
        .isEqualTo(
            new ResourceSample(
                1, null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void timesAreFromTheStartAndTheOverheadIsTheTimeSpentReading() {
    ResourceReport empty = aggregate.report(noPeaks());
    assertThat(empty.sampleCount()).isZero();
    assertThat(empty.durationS()).isZero();
    assertThat(empty.samples()).isEmpty();
    assertThat(empty.startedAt()).isEqualTo(T0);
    assertThat(empty.intervalS()).isEqualTo(1.0);
    assertThat(empty.cores()).isEqualTo(2);

    aggregate.add(7 * SECOND + SECOND / 4, 7 * SECOND + SECOND / 2, new RawFigures()); // 0.25 s
    aggregate.add(9 * SECOND, 9 * SECOND + SECOND / 10, new RawFigures()); // 0.1 s

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.samples()).extracting(ResourceSample::tS).containsExactly(0.25, 2.0);
    assertThat(r.durationS()).isEqualTo(2.0);
    assertThat(r.overheadS()).isCloseTo(0.35, within(1e-9));
  }

  @Test
  void aLongRunKeepsABoundedSeriesButAveragesAndPeaksOverEverySample() {
    int samples = 2_000;
    for (int i = 0; i < samples; i++) {
      RawFigures r = new RawFigures();
      r.rssBytes = i * MB; // 0 .. 1999 MiB
      addAt(i, r);
    }

    ResourceReport r = aggregate.report(noPeaks());
    assertThat(r.sampleCount()).isEqualTo(samples);
    assertThat(r.samples()).hasSizeLessThanOrEqualTo(ResourceMonitor.MAX_SAMPLES);
    assertThat(r.samples().get(r.samples().size() - 1).rssMb()).isEqualTo(1999.0);
    assertThat(r.rssMbAvg()).isEqualTo(999.5); // the mean of 0..1999, not of the kept ones
    assertThat(r.rssMbPeak()).isEqualTo(1999.0);
  }

  @Test
  void aReportLeavesTheAggregateGoingOn() {
    addAt(0, memory(100, 10, 64, 7));
    ResourceReport first = aggregate.report(noPeaks());
    addAt(1, memory(300, 10, 64, 7));

    assertThat(first.sampleCount()).isEqualTo(1);
    assertThat(first.samples()).hasSize(1);
    assertThat(aggregate.report(noPeaks()).rssMbAvg()).isEqualTo(200.0);
  }
}
