package dev.tgmd.benchmarks;

import dev.tgmd.media.MediaLink;
import dev.tgmd.pipeline.AsyncPipeline;
import dev.tgmd.pipeline.PipelineResult;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.render.Flavor;
import dev.tgmd.render.MediaSlot;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.RenderedMessage;
import dev.tgmd.recording.MetricsSnapshot;
import dev.tgmd.recording.StageReport;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.Message;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The pipeline against a source that costs 1 ms per page of 100 items, like a remote API, with
 * real rendering and a real file written: is the pipeline's wall time close to its slowest stage's
 * own time rather than the sum of the stages? Runs the same work in one thread for comparison.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.tgmd.benchmarks.SimulatedRemoteSource EXPORT [MESSAGES] [ROUNDS] [WORKERS]</pre>
 */
public final class SimulatedRemoteSource {

  private static final int PAGE = 100;
  private static final long PAGE_NANOS = 1_000_000;

  public static void main(String[] args) throws Exception {
    Path export = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    List<MessageView> views = load(export, limit);
    MessageRenderer renderer = new MessageRenderer(Flavor.OBSIDIAN);
    Path out = Files.createTempFile("tgmd-bench", ".md");
    System.out.printf(Locale.ROOT, "%d messages, pages of %d items costing %.1f ms, %d workers, %d rounds%n",
        views.size(), PAGE, PAGE_NANOS / 1e6, workers, rounds);
    double[] ratios = new double[rounds];
    double[] speedups = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sequential(views, renderer, out);
      double sequential = (System.nanoTime() - t0) / 1e9;

      MetricsCollector metrics = MetricsCollector.create();
      AsyncPipeline pipeline = AsyncPipeline.builder().workers(workers).metrics(metrics).build();
      long t1 = System.nanoTime();
      try (Writer w = writer(out)) {
        Page source = new Page(views);
        PipelineResult result = pipeline.run(source::next,
            v -> block(renderer, v),
            o -> w.write(o.result()));
        if (result.written() != views.size()) {
          throw new IllegalStateException("wrote " + result.written());
        }
      }
      double wall = (System.nanoTime() - t1) / 1e9;
      MetricsSnapshot s = metrics.snapshot();
      double fetch = own(s.stages().get("fetch"));
      double process = own(s.stages().get("process"));
      double write = own(s.stages().get("write"));
      double slowest = Math.max(fetch, Math.max(process, write));
      double sum = fetch + process + write;
      ratios[r] = wall / slowest;
      speedups[r] = sequential / wall;
      System.out.printf(Locale.ROOT,
          "round %d: pipeline %.3f s; stages' own time fetch %.3f s, process %.3f s, write %.3f s "
              + "(slowest %.3f s, sum %.3f s); wall / slowest %.2f; one thread %.3f s (%.2fx)%n",
          r + 1, wall, fetch, process, write, slowest, sum, ratios[r], sequential, speedups[r]);
    }
    Files.deleteIfExists(out);
    System.out.printf(Locale.ROOT, "median: wall / slowest stage %.2f, speedup over one thread %.2fx%n",
        median(ratios), median(speedups));
  }

  /** A stage's own time: its busy time per worker (the time the stage needs, if alone). */
  private static double own(StageReport stage) {
    return stage.totalS() / Math.max(1, stage.workers());
  }

  private static void sequential(List<MessageView> views, MessageRenderer renderer, Path out) throws IOException {
    try (Writer w = writer(out)) {
      Page source = new Page(views);
      MessageView v;
      while ((v = source.next()) != null) {
        w.write(block(renderer, v));
      }
    }
  }

  /** A message's block, its files named but not copied (as with --media none). */
  private static String block(MessageRenderer renderer, MessageView v) {
    RenderedMessage r = renderer.render(v);
    List<MediaLink> links = new ArrayList<>(r.media().size());
    for (MediaSlot slot : r.media()) {
      links.add(slot.file().isPlaceholder() ? new MediaLink.Placeholder(slot.file().placeholder())
          : new MediaLink.NotCopied(slot.file().path()));
    }
    return renderer.assemble(r, links, "./");
  }

  private static Writer writer(Path out) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Serves the messages in pages, each page first costing {@link #PAGE_NANOS} of waiting. */
  private static final class Page {
    private final List<MessageView> views;
    private int next;

    Page(List<MessageView> views) {
      this.views = views;
    }

    MessageView next() {
      if (next == views.size()) {
        return null;
      }
      if (next % PAGE == 0) {
        long until = System.nanoTime() + PAGE_NANOS;
        while (System.nanoTime() < until) {
          LockSupport.parkNanos(until - System.nanoTime());
        }
      }
      return views.get(next++);
    }
  }

  private static List<MessageView> load(Path export, int limit) throws Exception {
    List<MessageView> views = new ArrayList<>();
    try (ExportReader reader = ExportReader.open(export)) {
      ExportEvent e;
      while (views.size() < limit && (e = reader.next()) != null) {
        if (e instanceof ExportEvent.MessageRead) {
          Message m = ((ExportEvent.MessageRead) e).message();
          views.add(new MessageView(m, "m" + m.id(), m.date() == null ? null : m.date().in(ZoneOffset.UTC), null, null));
        }
      }
    }
    return views;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
