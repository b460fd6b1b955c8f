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
        return pad(date.getYear(), 4);
      case DAY:
        return date.toString();
      case NONE:
        return "all";
      case MONTH:
      default:
        return pad(date.getYear(), 4) + "-" + pad(date.getMonthValue(), 2);
    }
  }

  private static String pad(int value, int width) {
    String s = Integer.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
