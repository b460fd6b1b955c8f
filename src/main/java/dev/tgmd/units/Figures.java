package dev.tgmd.units;

/**
 * How the figures of the recording, resources and report classes are checked and rounded: units,
 * ratios, non-negative and finite values, significant digits. Stateless.
 */
public final class Figures {

  public static final double NANOS_PER_SECOND = 1_000_000_000d;
  public static final double BYTES_PER_MB = 1024d * 1024d;

  private Figures() {}

  /** Nanoseconds as seconds. */
  public static double seconds(long nanos) {
    return nanos / NANOS_PER_SECOND;
  }

  /** Bytes as mebibytes (2^20 bytes), the unit of every {@code _mb} figure. */
  public static double mb(long bytes) {
    return bytes / BYTES_PER_MB;
  }

  /**
   * {@code numerator / denominator}, or null when the denominator is zero or the result not finite.
   */
  public static Double ratio(double numerator, double denominator) {
    if (denominator == 0) {
      return null;
    }
    return finiteOrNull(numerator / denominator);
  }

  /** The value, or null when it is NaN or infinite. */
  public static Double finiteOrNull(Double value) {
    return value == null || Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }

  /** The value, or 0 when it is NaN or infinite. */
  public static double finiteOrZero(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? 0d : value;
  }

  /** {@code value} limited to {@code [min, max]}. */
  public static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** Rejects a negative count. */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  /**
   * A finite, non-negative figure rounded to {@value #SIGNIFICANT_DIGITS} significant digits: NaN
   * and infinities become 0, a negative value is rejected.
   */
  public static double nonNegative(double value, String name) {
    double v = finiteOrZero(value);
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return significant(v);
  }

  /**
   * A nullable figure rounded to {@value #SIGNIFICANT_DIGITS} significant digits: NaN and
   * infinities become null, a negative value is rejected.
   */
  public static Double nonNegativeOrNull(Double value, String name) {
    Double v = finiteOrNull(value);
    if (v != null && v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 or null, was " + value);
    }
    return v == null ? null : significant(v);
  }

  /** Figures in reports keep this many significant digits, far finer than what they measure. */
  public static final int SIGNIFICANT_DIGITS = 12;

  private static final java.math.MathContext SIGNIFICANT =
      new java.math.MathContext(SIGNIFICANT_DIGITS, java.math.RoundingMode.HALF_EVEN);

  /**
   * A finite value rounded to {@value #SIGNIFICANT_DIGITS} significant digits, so that reports show
   * {@code 0.00000237114} rather than {@code 0.0000023711409999999997}. Idempotent.
   */
  public static double significant(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return new java.math.BigDecimal(Double.toString(value)).round(SIGNIFICANT).doubleValue();
  }

  /** Rejects a null or blank text. */
  public static String nonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }
}
