package dev.tgmd.recording;

import java.util.concurrent.atomic.AtomicLong;

/** A ticker that tests advance by hand; counts its readings. Thread-safe. */
public final class FakeTicker implements Ticker {

  private final AtomicLong now = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();

  @Override
  public long read() {
    reads.incrementAndGet();
    return now.get();
  }

  public FakeTicker advance(long nanos) {
    now.addAndGet(nanos);
    return this;
  }

  public FakeTicker advanceMillis(long millis) {
    return advance(millis * 1_000_000L);
  }

  public long reads() {
    return reads.get();
  }
}
