package dev.tgmd.source;

import java.time.Instant;
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
 * @param wall the wall time as written in {@code date}; never null
 * @param instant the instant, from {@code date_unixtime} or from an offset in {@code date}; null
 *     when unknown
 */
public record MessageDate(LocalDateTime wall, Instant instant) {

  public MessageDate {
    Objects.requireNonNull(wall, "wall");
  }

  /** The wall time in {@code zone}: the instant converted when known, else the wall time as is. */
  public LocalDateTime in(ZoneId zone) {
    return instant == null ? wall : LocalDateTime.ofInstant(instant, zone);
  }
}
