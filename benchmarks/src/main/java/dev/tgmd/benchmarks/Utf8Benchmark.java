package dev.tgmd.benchmarks;

import dev.tgmd.layout.Utf8;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What writing a note's body as UTF-8 costs: 256 Ki chars of a note in English, or in Russian
 * with emoji, through a buffered {@code OutputStreamWriter} (as tgmd wrote notes before) and
 * through {@link Utf8#write}, into a stream that keeps nothing, under the JVM options of {@code
 * bin/tgmd} (C1 only).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgs = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx176m"})
public class Utf8Benchmark {

  @Param({"english", "russian"})
  public String language;

  private StringBuilder note;
  private final OutputStream nowhere = OutputStream.nullOutputStream();

  @Setup
  public void setUp() {
    String line =
        language.equals("english")
            ? "> **Alex Quill** · 16:33\n> Meet at the trailhead at seven, bring water. ^m1204\n\n"
            : "> **Алекс Квилл** · 16:33\n> Встречаемся у входа в парк в семь 🌲 возьмите воду."
                + " ^m1204\n\n";
    note = new StringBuilder();
    while (note.length() < 256 * 1024) {
      note.append(line);
    }
  }

  @Benchmark
  public void writer() throws IOException {
    Writer w =
        new BufferedWriter(new OutputStreamWriter(nowhere, StandardCharsets.UTF_8), 1 << 16);
    w.write(note.toString());
    w.flush();
  }

  @Benchmark
  public void utf8() throws IOException {
    Utf8.write(note, nowhere);
  }
}
