package dev.tgmd.benchmarks;

import dev.tgmd.render.MessageRenderer;
import dev.tgmd.source.ExportFormatException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one reply snippet costs ({@link MessageRenderer#snippet}: the start of a message's text,
 * whitespace folded, cut at 60 code points), for texts in English, Russian with emoji, and one in
 * formatted parts, under the JVM options of {@code bin/tgmd} (C1 only).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgs = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx176m"})
public class SnippetBenchmark {

  private static final String[] TEXTS = {
    "\"Meet at the trailhead at seven tomorrow, bring water and a headlamp: the hut is two hours"
        + " up the ridge and the light goes early in October.\"",
    "\"Встречаемся у входа в парк в семь 🌲 возьмите воду и фонарик, до хижины два часа"
        + " по хребту 🏔️ и темнеет рано\"",
    "[\"Plan: \", {\"type\": \"bold\", \"text\": \"Saturday\"}, \" at the\\n\\n  station, then\","
        + " {\"type\": \"link\", \"text\": \"the map\"}, \" and   lunch at the lake\"]"
  };

  private BenchmarkMessages messages;

  @Setup
  public void setUp() throws ExportFormatException {
    messages = new BenchmarkMessages(TEXTS);
  }

  @Benchmark
  public String snippet() {
    return MessageRenderer.snippet(messages.next());
  }
}
