package dev.tgmd.export;

import dev.tgmd.recording.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one clock of a run: its start as an instant (to the millisecond) and a monotonic ticker
 * anchored to it, from which every time of the run is derived: {@code run.started_at}, {@code
 * run.finished_at}, {@code run.duration_s}, the resource monitor's start and the summary's "(X s)",
 * with metrics on or off. The wall clock is read once, when the clock is made, to place the start
 * on the ticker's scale; after that only the ticker is read, so a wall-clock jump during the run
 * changes nothing and {@code finished_at - started_at} is the duration.
 *
 * <p>Immutable and thread-safe.
 */
public final class RunClock {

  private final Instant start;

  /** The ticker's reading at {@link #start}, which may lie before the clock was made. */
  private final long startTick;

  private final Ticker ticker;

  private RunClock(Instant start, long startTick, Ticker ticker) {
    this.start = start;
    this.startTick = startTick;
    this.ticker = ticker;
  }

  /**
   * A clock for a run that started at {@code start} (the process's start, say), made now: {@code
   * wall} and {@code ticker} are read once each, together, to anchor the start to the ticker. The
   * start is kept to the millisecond; one in the future of {@code wall} is taken as now.
   */
  public static RunClock startedAt(Instant start, Clock wall, Ticker ticker) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(wall, "wall");
    Objects.requireNonNull(ticker, "ticker");
    long tick = ticker.read();
    Instant now = wall.instant();
    Instant s = (start.isAfter(now) ? now : start).truncatedTo(ChronoUnit.MILLIS);
    return new RunClock(s, tick - Duration.between(s, now).toNanos(), ticker);
  }

  /** A clock for a run that started at {@code start}, on the system's monotonic ticker. */
  public static RunClock startedAt(Instant start, Clock wall) {
    return startedAt(start, wall, Ticker.system());
  }

  /** When the run started, to the millisecond. */
  public Instant start() {
    return start;
  }

  /** Nanoseconds since the start, by the ticker; never negative. */
  public long elapsedNanos() {
    return Math.max(0, ticker.read() - startTick);
  }

  /** Now, on the run's timeline: the start plus the time elapsed since. */
  public Instant instant() {
    return start.plusNanos(elapsedNanos());
  }

  /** The run so far, read once: from its start to now. */
  public Span span() {
    long nanos = elapsedNanos();
    return new Span(start, start.plusNanos(nanos), nanos);
  }

  /** This clock as a {@link Clock} (UTC), for what stamps times of its own during the run. */
  public Clock asClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a run's clock is in UTC");
      }

      @Override
      public Instant instant() {
        return RunClock.this.instant();
      }
    };
  }

  /**
   * A stretch of the run, from its start.
   *
   * @param startedAt the run's start
   * @param finishedAt its end: {@code startedAt} plus {@code nanos}
   * @param nanos its length, by the monotonic ticker
   */
  public record Span(Instant startedAt, Instant finishedAt, long nanos) {
    public Span {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(finishedAt, "finishedAt");
      if (nanos < 0) {
        throw new IllegalArgumentException("nanos must not be negative: " + nanos);
      }
    }

    /** Its length in seconds. */
    public double seconds() {
      return nanos / 1e9;
    }
  }
}
