package dev.tgmd.generate;

/**
 * Formats epoch seconds as tdesktop does, without java.time on the hot path: {@code date} is the
 * exporting machine's wall time ({@code 2021-03-04T12:34:56}) and media file names carry {@code
 * 04-03-2021_12-34-56}.
 */
final class Dates {

  /** The exporting machine's zone offset: UTC+03:00, no daylight saving. */
  static final int OFFSET_SECONDS = 3 * 3600;

  private Dates() {}

  /** Writes {@code yyyy-MM-ddTHH:mm:ss} into {@code out[0..19)}. */
  static void iso(long epochSeconds, char[] out) {
    long local = epochSeconds + OFFSET_SECONDS;
    long days = Math.floorDiv(local, 86400);
    int secs = Math.floorMod(local, 86400);
    long ymd = civil(days);
    int year = (int) (ymd >> 16);
    int month = (int) ((ymd >> 8) & 0xFF);
    int day = (int) (ymd & 0xFF);
    four(out, 0, year);
    out[4] = '-';
    two(out, 5, month);
    out[7] = '-';
    two(out, 8, day);
    out[10] = 'T';
    two(out, 11, secs / 3600);
    out[13] = ':';
    two(out, 14, secs / 60 % 60);
    out[16] = ':';
    two(out, 17, secs % 60);
  }

  /** Appends tdesktop's file name date part {@code dd-MM-yyyy_HH-mm-ss}. */
  static void fileNamePart(long epochSeconds, StringBuilder sb) {
    char[] iso = new char[19];
    iso(epochSeconds, iso);
    sb.append(iso, 8, 2).append('-').append(iso, 5, 2).append('-').append(iso, 0, 4).append('_');
    sb.append(iso, 11, 2).append('-').append(iso, 14, 2).append('-').append(iso, 17, 2);
  }

  /** Year, month and day packed as {@code year << 16 | month << 8 | day}, from days since epoch. */
  private static long civil(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return (year << 16) | (month << 8) | day;
  }

  private static void two(char[] out, int at, int v) {
    out[at] = (char) ('0' + v / 10);
    out[at + 1] = (char) ('0' + v % 10);
  }

  private static void four(char[] out, int at, int v) {
    out[at] = (char) ('0' + v / 1000);
    out[at + 1] = (char) ('0' + v / 100 % 10);
    out[at + 2] = (char) ('0' + v / 10 % 10);
    out[at + 3] = (char) ('0' + v % 10);
  }
}
