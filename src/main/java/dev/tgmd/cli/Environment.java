package dev.tgmd.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the commands need from the world around them, so that tests can stand in for it: whether
 * a person watches a terminal, the clock, when the process started, and the stop signals.
 *
 * @param terminal whether standard error and output are an interactive terminal
 * @param variables the environment variables (for NO_COLOR, TERM)
 * @param clock wall-clock time, for the report's timestamps
 * @param processStart when this process started (the run's duration counts from it)
 * @param signals how to hear SIGINT and SIGTERM
 */
public record Environment(
    boolean terminal, Map<String, String> variables, Clock clock, Instant processStart, Signals signals) {

  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(processStart, "processStart");
    Objects.requireNonNull(signals, "signals");
  }

  /** Stop signals: SIGINT (Ctrl-C) and SIGTERM. */
  public interface Signals {
    /**
     * Calls {@code handler} with the signal's number (2 or 15) on the first stop signal; the
     * second one ends the process at once. Closing the returned handle restores the defaults.
     */
    AutoCloseable onStop(IntConsumer handler);

    /** Signals that are never heard (in-process tests). */
    Signals NONE = handler -> () -> {};
  }

  /**
   * The real world: this process, its terminal, its signals. The process started when the
   * operating system says, or when the launcher says it handed over (after building tgmd, which
   * is not part of the run): {@code TGMD_STARTED_AT_MS}, milliseconds since the epoch.
   */
  public static Environment system() {
    Instant start = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    String handedOver = System.getenv("TGMD_STARTED_AT_MS");
    if (handedOver != null) {
      try {
        Instant launcher = Instant.ofEpochMilli(Long.parseLong(handedOver.strip()));
        if (launcher.isAfter(start) && !launcher.isAfter(Instant.now())) {
          start = launcher;
        }
      } catch (NumberFormatException e) {
        // not ours: keep the process's start
      }
    }
    return new Environment(isTerminal(), System.getenv(), Clock.systemUTC(), start, new SystemSignals());
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
   * first asks the run to stop gracefully, the second halts the process with 128 + its number.
   */
  static final class SystemSignals implements Signals {
    @Override
    @SuppressWarnings("restriction")
    public AutoCloseable onStop(IntConsumer handler) {
      java.util.concurrent.atomic.AtomicBoolean heard = new java.util.concurrent.atomic.AtomicBoolean();
      sun.misc.SignalHandler h = signal -> {
        if (heard.getAndSet(true)) {
          Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        handler.accept(signal.getNumber());
      };
      sun.misc.Signal interrupt = new sun.misc.Signal("INT");
      sun.misc.Signal terminate = new sun.misc.Signal("TERM");
      sun.misc.SignalHandler oldInt = sun.misc.Signal.handle(interrupt, h);
      sun.misc.SignalHandler oldTerm = sun.misc.Signal.handle(terminate, h);
      return () -> {
        sun.misc.Signal.handle(interrupt, oldInt);
        sun.misc.Signal.handle(terminate, oldTerm);
      };
    }
  }
}
