package dev.tgmd.layout;

import java.time.LocalDate;

/** How a chat's messages are split into notes: one note per month (default), year, day, or none. */
public enum Split {
  MONTH,
  YEAR,
  DAY,
  NONE;

  /** The period a date falls in, as it appears in note names: {@code 2024-03}, {@code 2024}... */
  public String period(LocalDate date) {
    switch (this) {
      case YEAR:
        return String.format("%04d", date.getYear());
      case DAY:
        return date.toString();
      case NONE:
        return "all";
      case MONTH:
      default:
        return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
    }
  }
}
