import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * The read stage alone: tgmd's reader over an export, every event taken and nothing done with it,
 * READS times in one JVM (bench/read.sh compiles it against a jar and runs it). Prints each read's
 * wall and CPU time (the reader runs on the calling thread).
 *
 * <p>{@code java -cp tgmd.jar:CLASSES Read EXPORT READS}
 */
public final class Read {
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < Integer.parseInt(args[1]); r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      long events = 0;
      try (ExportReader in = ExportReader.open(Path.of(args[0]))) {
        while (in.next() != null) {
          events++;
        }
      }
      System.out.printf(
          "%d events: read wall %.3f s, CPU %.3f s%n",
          events,
          (System.nanoTime() - wall0) / 1e9,
          (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
  }
}
