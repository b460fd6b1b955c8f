package dev.tgmd.benchmarks;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.ArchivedMessage;
import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the archive costs an export: MESSAGES messages of SIZE bytes (10 chats) merged into a fresh
 * archive in batches of BATCH (made as they are merged, as an export hands them over), then the same messages merged again (all unchanged), RUNS times in
 * fresh files under DIR; prints each run and the medians. Wall time and the merging thread's CPU
 * time, since wall time on a shared machine says as much about the neighbours.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx192m \
 *     dev.tgmd.benchmarks.ArchiveMergeBenchmark [MESSAGES=200000] [RUNS=5] [DIR=.] [SIZE=600] [BATCH=1000]
 * </pre>
 */
public final class ArchiveMergeBenchmark {

  private ArchiveMergeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Path.of(args.length > 2 ? args[2] : ".");
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    // 1,000 distinct sources, message i taking source i % 1,000: the heap holds one batch at a
    // time, as in an export, and merging again finds each message's bytes unchanged
    SourceText[] pool = new SourceText[1_000];
    Random random = new Random(1);
    for (int i = 0; i < pool.length; i++) {
      byte[] b = new byte[size];
      for (int j = 0; j < size; j++) {
        b[j] = (byte) ('a' + random.nextInt(26));
      }
      pool[i] = new SourceText(SourceFormat.JSON, b);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] fresh = new double[runs];
    double[] freshCpu = new double[runs];
    double[] closing = new double[runs];
    double[] again = new double[runs];
    for (int r = 0; r < runs; r++) {
      Path folder = Files.createTempDirectory(dir, "archive-bench");
      Path file = folder.resolve("archive.sqlite");
      long closeStart;
      try (Archive a = Archive.open(file)) {
        long run = a.beginRun(0, "bench", "generated", "{}");
        for (long chat = 1; chat <= 10; chat++) {
          a.putChat(run, chat, "chat " + chat, "personal_chat");
        }
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        merge(a, run, n, pool, batchSize);
        fresh[r] = (System.nanoTime() - t0) / 1e9;
        freshCpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        closeStart = System.nanoTime();
      }
      closing[r] = (System.nanoTime() - closeStart) / 1e9;
      long t1 = System.nanoTime();
      try (Archive a = Archive.open(file)) {
        merge(a, a.beginRun(0, "bench", "generated", "{}"), n, pool, batchSize);
      }
      again[r] = (System.nanoTime() - t1) / 1e9;
      long bytes = Files.size(file);
      System.out.printf(
          Locale.ROOT,
          "run %d: fresh merge %.3f s (CPU %.3f s), close %.3f s; merged again (unchanged) %.3f s;"
              + " %d MiB%n",
          r + 1,
          fresh[r],
          freshCpu[r],
          closing[r],
          again[r],
          bytes >> 20);
      try (var files = Files.list(folder)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
    }
    System.out.printf(
        Locale.ROOT,
        "median of %d: fresh merge %.3f s (CPU %.3f s), close %.3f s; merged again %.3f s"
            + " (%,d messages of %d bytes, batches of %d)%n",
        runs,
        median(fresh),
        median(freshCpu),
        median(closing),
        median(again),
        n,
        size,
        batchSize);
  }

  private static void merge(Archive a, long run, int n, SourceText[] pool, int batchSize)
      throws Exception {
    List<ArchivedMessage> batch = new ArrayList<>(batchSize);
    for (int i = 1; i <= n; i++) {
      long chat = 1 + (long) (i - 1) * 10 / n;
      batch.add(new ArchivedMessage(chat, i, 1_700_000_000L + i, null, pool[i % pool.length]));
      if (batch.size() == batchSize || i == n) {
        a.merge(run, batch);
        batch.clear();
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
