package dev.tgmd.resources;

import dev.tgmd.report.ResourceSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The time series of a run's samples, bounded to {@code capacity} samples evenly spread over the
 * run, the latest one always included. Every {@code stride}-th sample offered is kept (at first
 * every one); when {@code capacity - 1} are kept, every other one is dropped and the stride
 * doubles. The latest sample is held aside, so that it is in the series whether kept or not. Not
 * thread-safe: the monitor guards it.
 */
final class SampleSeries {

  private final int capacity;
  private final List<ResourceSample> kept = new ArrayList<>();
  private long offered;
  private long stride = 1;
  private ResourceSample latest;

  /**
   * A series of at most {@code capacity} samples.
   *
   * @throws IllegalArgumentException if {@code capacity} is less than 2
   */
  SampleSeries(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException(
          "a sample series holds at least 2 samples, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** Offers the next sample, in time order; allocates nothing but when the kept ones are halved. */
  void add(ResourceSample sample) {
    long index = offered++;
    latest = sample;
    if (index % stride == 0) {
      kept.add(sample);
      if (kept.size() >= capacity) {
        halve();
      }
    }
  }

  /** Keeps the kept samples of even index, in place. */
  private void halve() {
    int half = (kept.size() + 1) / 2;
    for (int i = 1; i < half; i++) {
      kept.set(i, kept.get(2 * i));
    }
    kept.subList(half, kept.size()).clear();
    stride *= 2;
  }

  /** The kept samples and the latest one, in time order: a new list of at most capacity. */
  List<ResourceSample> samples() {
    List<ResourceSample> series = new ArrayList<>(kept.size() + 1);
    series.addAll(kept);
    if (latest != null && (series.isEmpty() || series.get(series.size() - 1) != latest)) {
      series.add(latest);
    }
    return series;
  }
}
