package dev.tgmd.units;

import java.util.Locale;

/**
 * A count and its noun, as notes and the command line say them: {@code 1 message}, {@code 12,345
 * messages}.
 */
public final class Counts {

  private Counts() {}

  /** {@code n} with thousands separators, then {@code one} when it is 1, else {@code many}. */
  public static String of(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
