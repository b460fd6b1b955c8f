package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.recording.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every time of a run comes from one start and one monotonic ticker. */
class RunClockTest {

  private static final Instant WALL = Instant.parse("2024-05-01T10:00:02Z");

  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final Ticker ticker = nanos::get;

  @Test
  void theRunCountsFromItsStartNotFromWhenTheClockWasMade() {
    Instant start = WALL.minusMillis(750);
    RunClock clock = RunClock.startedAt(start, Clock.fixed(WALL, ZoneOffset.UTC), ticker);

    assertThat(clock.start()).isEqualTo(start);
    assertThat(clock.elapsedNanos()).isEqualTo(Duration.ofMillis(750).toNanos());
    nanos.addAndGet(Duration.ofMillis(1250).toNanos());
    RunClock.Span span = clock.span();
    assertThat(span.startedAt()).isEqualTo(start);
    assertThat(span.nanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
    assertThat(span.seconds()).isEqualTo(2.0);
    assertThat(span.finishedAt()).isEqualTo(start.plusSeconds(2));
    assertThat(Duration.between(span.startedAt(), span.finishedAt()).toNanos())
        .isEqualTo(span.nanos());
  }

  @Test
  void onlyTheTickerIsReadAfterTheStartSoAWallClockStepChangesNothing() {
    MutableClock wall = new MutableClock(WALL);
    RunClock clock = RunClock.startedAt(WALL.minusMillis(100), wall, ticker);
    wall.now = WALL.minusSeconds(3600);
    nanos.addAndGet(Duration.ofMillis(400).toNanos());
    assertThat(clock.span().seconds()).isEqualTo(0.5);
    assertThat(clock.instant()).isEqualTo(WALL.plusMillis(400));
    assertThat(clock.asClock().instant()).isEqualTo(WALL.plusMillis(400));
  }

  @Test
  void theStartIsKeptToTheMillisecondAndNeverInTheFuture() {
    RunClock ms =
        RunClock.startedAt(WALL.minusNanos(1_500_001), Clock.fixed(WALL, ZoneOffset.UTC), ticker);
    assertThat(ms.start()).isEqualTo(WALL.minusMillis(2));
    assertThat(ms.elapsedNanos()).isEqualTo(2_000_000L);
    RunClock future =
        RunClock.startedAt(WALL.plusSeconds(9), Clock.fixed(WALL, ZoneOffset.UTC), ticker);
    assertThat(future.start()).isEqualTo(WALL);
    assertThat(future.elapsedNanos()).isZero();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
