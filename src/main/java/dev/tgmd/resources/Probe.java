package dev.tgmd.resources;

/**
 * Reads some figures of the process or machine into {@link RawFigures}. Called from one thread at a
 * time (the monitor serializes its readings), so a probe may keep state between readings. A probe
 * may throw: the monitor logs the first failure of each probe and leaves its figures absent. The
 * probes of a real system are {@link SystemProbes}'.
 */
interface Probe {

  /** A short name for logs, such as "heap". */
  String name();

  /** Reads this probe's figures into {@code into}, leaving the others as they are. */
  void read(RawFigures into) throws Exception;

  /** A stateless probe from a name and what it reads. */
  static Probe of(String name, Body body) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void read(RawFigures into) throws Exception {
        body.read(into);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** What a stateless probe reads. */
  @FunctionalInterface
  interface Body {
    void read(RawFigures into) throws Exception;
  }
}
