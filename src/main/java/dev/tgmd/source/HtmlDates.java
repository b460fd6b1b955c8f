package dev.tgmd.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The dates of Telegram Desktop's HTML export. A message's {@code title} is {@code DD.MM.YYYY
 * HH:MM:SS}, since late 2023 followed by {@code UTC+hh:mm} (one 2026 export writes {@code
 * GMT+00:00}): the exporting machine's offset at the time of the export. The wall time is kept as
 * written; with an offset, the instant is the wall time less that offset, as the page states it.
 * Without one the instant is unknown, as in JSON exports older than {@code date_unixtime}. Date
 * separators are English days such as {@code 3 December 2025}. Pure functions, thread-safe.
 */
final class HtmlDates {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private HtmlDates() {}

  /** The date a {@code title} holds, or null when it is not one. */
  static MessageDate parse(String title) {
    String s = title.strip();
    if (s.length() < 19) {
      return null;
    }
    LocalDateTime wall;
    try {
      wall =
          LocalDateTime.of(
              number(s, 6, 10),
              number(s, 3, 5),
              number(s, 0, 2),
              number(s, 11, 13),
              number(s, 14, 16),
              number(s, 17, 19));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
    if (s.charAt(2) != '.'
        || s.charAt(5) != '.'
        || s.charAt(10) != ' '
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    String rest = s.substring(19).strip();
    if (rest.isEmpty()) {
      return new MessageDate(wall, null);
    }
    if (!(rest.startsWith("UTC") || rest.startsWith("GMT"))) {
      return null;
    }
    String offset = rest.substring(3);
    ZoneOffset zone;
    try {
      zone = offset.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(offset);
    } catch (DateTimeException e) {
      return null;
    }
    return new MessageDate(wall, wall.toInstant(zone));
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit");
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** True when {@code text} is a date separator's day, e.g. {@code 3 December 2025}. */
  static boolean isDay(String text) {
    return day(text) != null;
  }

  /** The day a date separator names, or null. */
  static LocalDate day(String text) {
    try {
      return LocalDate.parse(text, DAY);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
