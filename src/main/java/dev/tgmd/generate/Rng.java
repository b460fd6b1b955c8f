package dev.tgmd.generate;

/**
 * A small, fast pseudo-random source (SplitMix64) whose sequence is fixed by this code alone, so a
 * seed gives the same export on every JDK. Not thread-safe: one per generated chat.
 */
final class Rng {

  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** A generator for one part of the export, independent of the others. */
  static Rng derive(long seed, long part) {
    Rng r = new Rng(seed ^ (part * 0xD1B54A32D192ED03L));
    r.nextLong();
    return r;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound); {@code bound} must be positive. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  <T> T pick(T[] values) {
    return values[nextInt(values.length)];
  }
}
