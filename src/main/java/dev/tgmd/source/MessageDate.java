package dev.tgmd.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When something happened, as precisely as the export says it.
 *
 * <p>Telegram Desktop writes {@code date} as the local wall time of the exporting machine, without
 * an offset, and since v3.7.6 also {@code date_unixtime}. When the instant is known it wins; when
 * it is not (older exports), the wall time is taken as it is.
 *
 * <p>Telegram Desktop's HTML export gives a service message no time, only the day of the date
 * separator above it: such a date is {@link #dayOnly()}, its wall time the day's start.
 *
 * @param wall the wall time as written in {@code date}; never null
 * @param instant the instant, from {@code date_unixtime} or from an offset in {@code date}; null
 *     when unknown (always for a day alone)
 * @param dayOnly true when only the day is known, in the exporting machine's time
 */
public record MessageDate(LocalDateTime wall, Instant instant, boolean dayOnly) {

  public MessageDate {
    Objects.requireNonNull(wall, "wall");
    if (dayOnly && (instant != null || !wall.equals(wall.toLocalDate().atStartOfDay()))) {
      throw new IllegalArgumentException("a day alone has no time and no instant: " + wall);
    }
  }

  /** A date and time as exported. */
  public MessageDate(LocalDateTime wall, Instant instant) {
    this(wall, instant, false);
  }

  /** A day alone, without a time. */
  public static MessageDate day(LocalDate day) {
    return new MessageDate(day.atStartOfDay(), null, true);
  }

  /**
   * The wall time in {@code zone}: the instant converted when known, else the wall time as is (for
   * a day alone, its start: see {@link #dayOnly()}).
   */
  public LocalDateTime in(ZoneId zone) {
    return instant == null ? wall : LocalDateTime.ofInstant(instant, zone);
  }
}
