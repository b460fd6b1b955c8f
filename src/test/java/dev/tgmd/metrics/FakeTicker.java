package dev.tgmd.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A ticker that tests advance by hand; counts its readings. Thread-safe. */
final class FakeTicker implements Ticker {

  private final AtomicLong now = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();

  @Override
  public long read() {
    reads.incrementAndGet();
    return now.get();
  }

  FakeTicker advance(long nanos) {
    now.addAndGet(nanos);
    return this;
  }

  FakeTicker advanceMillis(long millis) {
    return advance(millis * 1_000_000L);
  }

  long reads() {
    return reads.get();
  }
}
