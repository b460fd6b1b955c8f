package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Which start a run counts from: the launcher's hand-over when it is this run's, else the JVM's.
 */
class EnvironmentTest {

  private static final Instant JVM = Instant.parse("2024-05-01T10:00:00.500Z");
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:01.250Z");

  private static Instant start(String handedOver) {
    return Environment.processStart(handedOver, JVM, NOW);
  }

  private static String ms(Instant t) {
    return Long.toString(t.toEpochMilli());
  }

  @Test
  void withoutAHandOverTheRunStartsWithTheJvm() {
    assertThat(start(null)).isEqualTo(JVM);
  }

  @Test
  void theLaunchersHandOverWinsWhenItCameShortlyBeforeTheJvm() {
    Instant launcher = JVM.minusMillis(37);
    assertThat(start(ms(launcher))).isEqualTo(launcher);
    assertThat(start(" " + ms(launcher) + "\n")).isEqualTo(launcher);
    assertThat(start(ms(JVM.minus(Environment.MAX_LAUNCHER_LEAD))))
        .isEqualTo(JVM.minus(Environment.MAX_LAUNCHER_LEAD));
  }

  @Test
  void aHandOverAfterTheJvmStartedButNotInTheFutureIsKept() {
    // the launcher's clock and the JVM's are the same, read to the millisecond; a later reading
    // can only be a rounding or a clock step, and still says when the run began
    assertThat(start(ms(JVM.plusMillis(1)))).isEqualTo(JVM.plusMillis(1));
    assertThat(start(ms(NOW))).isEqualTo(NOW);
  }

  @Test
  void aStaleInheritedVariableIsIgnored() {
    assertThat(start(ms(JVM.minus(Environment.MAX_LAUNCHER_LEAD).minusMillis(1)))).isEqualTo(JVM);
    assertThat(start(ms(JVM.minusSeconds(3600)))).isEqualTo(JVM);
  }

  @Test
  void aHandOverInTheFutureIsIgnored() {
    assertThat(start(ms(NOW.plusMillis(1)))).isEqualTo(JVM);
  }

  @Test
  void whatIsNotANumberOfMillisecondsIsIgnored() {
    assertThat(start("")).isEqualTo(JVM);
    assertThat(start("1714557600.5")).isEqualTo(JVM);
    assertThat(start("17145576003N")).as("date without %N support").isEqualTo(JVM);
    assertThat(start("yesterday")).isEqualTo(JVM);
  }

  @Test
  void aJvmStartInTheFutureIsTakenAsNow() {
    assertThat(Environment.processStart(null, NOW.plusSeconds(2), NOW)).isEqualTo(NOW);
  }
}
