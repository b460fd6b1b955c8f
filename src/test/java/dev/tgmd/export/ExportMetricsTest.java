package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tgmd.recording.CacheReport;
import dev.tgmd.recording.StageReport;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.Total;
import dev.tgmd.testing.SchemaValidator;
import dev.tgmd.testing.TdesktopJson;
import dev.tgmd.testing.Tgmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of the demo with metrics on: the report exists beside the notes, is valid, and its
 * figures agree with what the export holds and with what is on disk.
 */
class ExportMetricsTest {

  private static final Path DEMO = Path.of("examples", "demo-export");

  @TempDir static Path out;
  static Tgmd.Run run;
  static MetricsReport report;
  static String json;

  /** The kernel's RSS high-water mark right after the export, in MiB; -1 where there is none. */
  static double hwmAfter = -1;

  @BeforeAll
  static void exportTheDemo() throws Exception {
    run =
        Tgmd.run(
            "export",
            DEMO.toString(),
            "--out",
            out.toString(),
            "--timezone",
            "UTC",
            "--metrics-interval",
            "100ms");
    Path status = Path.of("/proc/self/status");
    if (Files.isReadable(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          hwmAfter = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
        }
      }
    }
    json = Files.readString(out.resolve("export_metrics.json"));
    report = MetricsReportJson.read(out.resolve("export_metrics.json"));
  }

  @Test
  void theReportIsBesideTheNotesAndValid() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(SchemaValidator.errors(json)).isEmpty();
    assertThat(report.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(report.run().error()).isNull();
    assertThat(report.resources().sampleCount()).isGreaterThanOrEqualTo(2);
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("Bottleneck: ", "Metrics: " + out.resolve("export_metrics.json"));
  }

  @Test
  void thePeaksAreTheProcessesOwnAtTheEndOfTheRun() {
    org.junit.jupiter.api.Assumptions.assumeTrue(hwmAfter > 0, "Linux: VmHWM");
    assertThat(report.resources().rssMbPeak())
        .as("rss_mb_peak against VmHWM %.1f MiB right after", hwmAfter)
        .isGreaterThanOrEqualTo(0.99 * hwmAfter)
        // the kernel's RSS counters are per CPU, summed loosely: a sample may exceed a later VmHWM
        // a little
        .isLessThanOrEqualTo(1.01 * hwmAfter);
    assertThat(report.resources().threadsPeak())
        .isGreaterThanOrEqualTo(
            report.resources().samples().stream()
                .mapToInt(sample -> sample.threads() == null ? 0 : sample.threads())
                .max()
                .orElse(0));
  }

  @Test
  void everyStageCountsEveryMessage() throws Exception {
    long messages = 0;
    JsonNode root = TdesktopJson.read(DEMO.resolve("result.json"));
    for (JsonNode chat : chats(root)) {
      messages += chat.get("messages").size();
    }
    assertThat(report.totals().get(Total.MESSAGES)).isEqualTo(messages);
    for (String stage : new String[] {"fetch", "process", "write"}) {
      StageReport s = report.stages().get(stage);
      assertThat(s.count()).as(stage).isEqualTo(messages);
      assertThat(s.errors()).as(stage).isZero();
    }
    assertThat(report.stages()).containsKeys("media");
    assertThat(report.bottleneck()).isIn("fetch", "process", "write", "media");
  }

  @Test
  void theReplyIndexCountsTheRepliesTheExportHolds() throws Exception {
    int found = 0;
    int absent = 0;
    for (JsonNode chat : chats(TdesktopJson.read(DEMO.resolve("result.json")))) {
      Set<Long> seen = new HashSet<>();
      Set<Long> topics = new HashSet<>();
      for (JsonNode m : chat.get("messages")) {
        long target = -1;
        if (m.has("reply_to_message_id") && !m.has("reply_to_peer_id")) {
          target = m.get("reply_to_message_id").asLong();
          if (topics.contains(target)) {
            target = -1; // posted in a topic: not a reply
          }
        } else if ("pin_message".equals(m.path("action").asText())) {
          target = m.get("message_id").asLong();
        }
        if (target != -1) {
          if (seen.contains(target)) {
            found++;
          } else {
            absent++;
          }
        }
        if ("topic_created".equals(m.path("action").asText())) {
          topics.add(m.get("id").asLong());
        }
        seen.add(m.get("id").asLong());
      }
    }
    CacheReport replies = report.caches().get("reply_index");
    assertThat(replies.hits()).isEqualTo(found).isPositive();
    assertThat(replies.misses()).isEqualTo(absent).isPositive();
    assertThat(replies.evictions()).isZero();
  }

  @Test
  void theMediaCacheCountsTheDuplicatesTheExportHolds() throws Exception {
    int duplicates = 0;
    for (JsonNode chat : chats(TdesktopJson.read(DEMO.resolve("result.json")))) {
      Set<String> contents = new HashSet<>();
      for (JsonNode m : chat.get("messages")) {
        for (String field : new String[] {"photo", "file", "contact_vcard"}) {
          Path file = m.has(field) ? DEMO.resolve(m.get(field).asText()) : null;
          if (file != null && Files.isRegularFile(file) && !contents.add(sha256(file))) {
            duplicates++;
          }
        }
      }
    }
    CacheReport dedup = report.caches().get("media_dedup");
    assertThat(dedup.hits()).isEqualTo(duplicates).isPositive();
    assertThat(dedup.entries()).isEqualTo(report.totals().get(Total.MEDIA_FILES));
  }

  @Test
  void theTotalsAreWhatIsOnDisk() throws Exception {
    Map<String, Long> media = new HashMap<>();
    long notes;
    try (Stream<Path> files = Files.walk(out)) {
      Set<Path> all = files.filter(Files::isRegularFile).collect(Collectors.toSet());
      // the chats' notes: the note that lists every chat belongs to none
      notes =
          all.stream()
              .filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !p.equals(out.resolve("Telegram chats.md")))
              .count();
      for (Path p : all) {
        if (out.relativize(p).toString().contains("/media/")) {
          media.put(p.toString(), Files.size(p));
        }
      }
    }
    assertThat(report.totals().get(Total.NOTES)).isEqualTo(notes);
    assertThat(report.totals().get(Total.MEDIA_FILES)).isEqualTo(media.size());
    assertThat(report.totals().get(Total.MEDIA_BYTES))
        .isEqualTo(media.values().stream().mapToLong(Long::longValue).sum());
    assertThat(report.totals().get(Total.CHATS)).isEqualTo(report.chats().size()).isEqualTo(6);
    assertThat(report.chats()).allSatisfy(c -> assertThat(c.status()).isEqualTo("completed"));
  }

  private static Iterable<JsonNode> chats(JsonNode root) {
    java.util.List<JsonNode> chats = new java.util.ArrayList<>();
    root.path("chats").path("list").forEach(chats::add);
    root.path("left_chats").path("list").forEach(chats::add);
    return chats;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
