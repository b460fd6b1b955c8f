package dev.tgmd.metrics;

/**
 * Reads some figures of the process or machine into a {@link Reading}. Called from one thread at a
 * time (the monitor serializes samples), so a probe may keep state between readings. A probe may
 * throw: the monitor logs the first failure of each probe and leaves its figures absent.
 */
interface Probe {

  /** A short name for logs, such as "heap". */
  String name();

  /** Reads this probe's figures into {@code into}. */
  void read(Reading into) throws Exception;
}
