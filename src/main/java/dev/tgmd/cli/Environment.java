package dev.tgmd.cli;

import java.io.Console;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the commands need from the world around them, so that tests can stand in for it: whether a
 * person watches a terminal, the clock, when the process started, and the stop signals.
 *
 * @param terminal whether standard error and output are an interactive terminal
 * @param variables the environment variables (for NO_COLOR, TERM)
 * @param clock wall-clock time, for the report's timestamps
 * @param processStart when this process started, to the millisecond (the run's clock counts from
 *     it: see {@link #processStart(String, Instant, Instant)})
 * @param signals how to hear SIGINT and SIGTERM
 */
public record Environment(
    boolean terminal,
    Map<String, String> variables,
    Clock clock,
    Instant processStart,
    Signals signals) {

  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(processStart, "processStart");
    Objects.requireNonNull(signals, "signals");
  }

  /** Stop signals: SIGINT (Ctrl-C) and SIGTERM. */
  public interface Signals {
    /**
     * Calls {@code handler} with the signal's number (2 or 15) on the first stop signal; the second
     * one ends the process at once. Closing the returned handle restores the defaults.
     */
    AutoCloseable onStop(IntConsumer handler);

    /** Signals that are never heard (in-process tests). */
    Signals NONE = handler -> () -> {};
  }

  /** The variable through which bin/tgmd hands over when it started, ms since the epoch. */
  public static final String STARTED_AT_VARIABLE = "TGMD_STARTED_AT_MS";

  /**
   * How long before the JVM's start a hand-over may lie: the launcher's own work before it starts
   * Java takes some tens of milliseconds; an older value was inherited, not handed over.
   */
  static final Duration MAX_LAUNCHER_LEAD = Duration.ofSeconds(5);

  /**
   * The real world: this process, its terminal, its signals. The process started as {@link
   * #processStart(String, Instant, Instant)} says from {@value #STARTED_AT_VARIABLE} and the JVM's
   * start.
   */
  public static Environment system() {
    Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    Instant start = processStart(System.getenv(STARTED_AT_VARIABLE), jvmStart, Instant.now());
    return new Environment(
        isTerminal(), System.getenv(), Clock.systemUTC(), start, new SystemSignals());
  }

  /**
   * When the run started: the moment the launcher handed over ({@code handedOver}, ms since the
   * epoch: bin/tgmd takes it first thing, and again after building tgmd, which is not the run),
   * else the JVM's start (to the millisecond; the operating system's process start is no better on
   * Linux, where it is counted from the boot time in whole seconds). A hand-over that is not a
   * number, lies in the future or more than {@link #MAX_LAUNCHER_LEAD} before the JVM's start is
   * not this run's (a variable inherited from a parent) and is ignored.
   *
   * @param handedOver the variable's value; null when unset
   * @param jvmStart when the JVM started
   * @param now the time now
   */
  static Instant processStart(String handedOver, Instant jvmStart, Instant now) {
    Instant start = jvmStart.isAfter(now) ? now : jvmStart;
    if (handedOver == null) {
      return start;
    }
    Instant launcher;
    try {
      launcher = Instant.ofEpochMilli(Long.parseLong(handedOver.strip()));
    } catch (NumberFormatException e) {
      return start;
    }
    if (launcher.isAfter(now) || launcher.isBefore(start.minus(MAX_LAUNCHER_LEAD))) {
      return start;
    }
    return launcher;
  }

  /** A world without a terminal or signals, for running commands inside another program. */
  public static Environment detached() {
    return new Environment(false, System.getenv(), Clock.systemUTC(), Instant.now(), Signals.NONE);
  }

  /**
   * Whether standard output is a terminal. Before Java 22 a console exists only then; from Java 22
   * on, {@code Console.isTerminal()} says so.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * SIGINT and SIGTERM through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK): the
   * first asks the run to stop gracefully, the second halts the process with its {@link ExitCode}
   * (130 or 143).
   */
  static final class SystemSignals implements Signals {
    @Override
    public AutoCloseable onStop(IntConsumer handler) {
      java.util.concurrent.atomic.AtomicBoolean heard =
          new java.util.concurrent.atomic.AtomicBoolean();
      IntConsumer h =
          signal -> {
            if (heard.getAndSet(true)) {
              Runtime.getRuntime().halt(ExitCode.stoppedBy(signal).code());
            }
            handler.accept(signal);
          };
      AutoCloseable interrupt = OsSignals.handle("INT", h);
      AutoCloseable terminate = OsSignals.handle("TERM", h);
      return () -> {
        interrupt.close();
        terminate.close();
      };
    }
  }
}
