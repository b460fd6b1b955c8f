package dev.tgmd.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.report.ResourceSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSeriesTest {

  /** A sample at {@code t} seconds with no figure. */
  private static ResourceSample at(double t) {
    return new ResourceSample(
        t, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static List<Double> times(SampleSeries series) {
    return series.samples().stream().map(ResourceSample::tS).toList();
  }

  private static SampleSeries offered(int capacity, int count) {
    SampleSeries series = new SampleSeries(capacity);
    for (int i = 0; i < count; i++) {
      series.add(at(i));
    }
    return series;
  }

  @Test
  void anEmptySeriesHasNoSample() {
    assertThat(new SampleSeries(8).samples()).isEmpty();
  }

  @Test
  void belowCapacityEverySampleIsKeptInOrder() {
    assertThat(times(offered(8, 7))).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
  }

  @Test
  void whenFullEveryOtherSampleIsDroppedAndTheLatestStillShown() {
    // the 8th sample fills it: 0, 2, 4, 6 are kept, 7 is the latest
    assertThat(times(offered(8, 8))).containsExactly(0.0, 2.0, 4.0, 6.0, 7.0);
    // from then on every other one is kept: 8 and 10, 11 the latest
    assertThat(times(offered(8, 12))).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 11.0);
    // 14 fills it again: every fourth is kept
    assertThat(times(offered(8, 15))).containsExactly(0.0, 4.0, 8.0, 12.0, 14.0);
    assertThat(times(offered(8, 17))).containsExactly(0.0, 4.0, 8.0, 12.0, 16.0);
  }

  @Test
  void aLongSeriesStaysBoundedEvenlySpreadFromTheFirstToTheLatest() {
    for (int count : new int[] {1, 2, 511, 512, 513, 1_000, 4_096, 10_001}) {
      List<Double> t = times(offered(ResourceMonitor.MAX_SAMPLES, count));
      assertThat(t).as("%d samples", count).hasSizeLessThanOrEqualTo(ResourceMonitor.MAX_SAMPLES);
      assertThat(t.get(0)).isEqualTo(0.0);
      assertThat(t.get(t.size() - 1)).isEqualTo(count - 1.0);
      if (t.size() > 2) {
        double step = t.get(1) - t.get(0);
        for (int i = 1; i < t.size() - 1; i++) {
          assertThat(t.get(i) - t.get(i - 1)).as("%d samples, step %d", count, i).isEqualTo(step);
        }
      }
    }
    assertThat(times(offered(ResourceMonitor.MAX_SAMPLES, 10_001)))
        .hasSizeGreaterThan(ResourceMonitor.MAX_SAMPLES / 4);
  }

  @Test
  void theSamplesAreACopyTheSeriesGoesOnWithout() {
    SampleSeries series = offered(8, 3);
    List<ResourceSample> before = series.samples();
    series.add(at(3));
    assertThat(before).hasSize(3);
    assertThat(series.samples()).hasSize(4);
  }

  @Test
  void aSeriesHoldsAtLeastTwoSamples() {
    assertThatThrownBy(() -> new SampleSeries(1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(times(offered(2, 5))).hasSizeLessThanOrEqualTo(2).endsWith(4.0);
  }
}
