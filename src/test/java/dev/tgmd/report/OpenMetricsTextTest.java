package dev.tgmd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMetricsTextTest {

  /**
   * Sample lines by name with labels, e.g. {@code tgmd_stage_busy_seconds_total{stage="fetch"}}.
   */
  static Map<String, String> samples(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        m.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return m;
  }

  @Test
  void theFiguresAreTheReportsInBaseUnits() {
    MetricsReport r = Reports.before();
    Map<String, String> s = samples(OpenMetricsText.of(r));
    assertThat(s)
        .containsEntry("tgmd_info{version=\"0.1.0\"}", "1")
        .containsEntry("tgmd_run_success", "1")
        .containsEntry("tgmd_run_status{tgmd_run_status=\"completed\"}", "1")
        .containsEntry("tgmd_run_status{tgmd_run_status=\"failed\"}", "0")
        .containsEntry("tgmd_run_duration_seconds", "12.75")
        .containsEntry("tgmd_last_run_timestamp_seconds", "1714557612.875")
        .containsEntry("tgmd_messages_total", "12345")
        .containsEntry("tgmd_messages_failed_total", "2")
        .containsEntry("tgmd_media_bytes_total", "47815065")
        .containsEntry("tgmd_written_bytes_total", "52531456")
        .containsEntry("tgmd_stage_busy_seconds_total{stage=\"process\"}", "21.5")
        .containsEntry("tgmd_stage_items_total{stage=\"fetch\"}", "12345")
        .containsEntry("tgmd_stage_utilization_ratio{stage=\"process\"}", "0.86")
        .containsEntry("tgmd_queue_max_depth{queue=\"fetch->process\"}", "64")
        .containsEntry("tgmd_cache_hits_total{cache=\"media-dedup\"}", "1200")
        .containsEntry("tgmd_cache_misses_total{cache=\"media-dedup\"}", "120")
        .containsEntry("tgmd_failures_total", "2")
        // 512.25 MiB
        .containsEntry("tgmd_peak_rss_bytes", Long.toString(512L * 1048576 + 262144) + ".0")
        .containsEntry("tgmd_cpu_average_ratio", "0.9525");
    assertThat(String.join(" ", s.keySet())).doesNotContain("Alice", "Work");
  }

  @Test
  void everyFamilyIsDeclaredOnceAndEndsTheWaySpecSays() {
    String text = OpenMetricsText.of(Reports.before());
    assertThat(text).endsWith("\n# EOF\n");
    assertThat(text.indexOf("# EOF")).isEqualTo(text.length() - "# EOF\n".length());
    List<String> families = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    String current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] p = line.split(" ");
        assertThat(families).doesNotContain(p[2]);
        families.add(p[2]);
        types.put(p[2], p[3]);
        current = p[2];
      } else if (line.startsWith("# UNIT ")) {
        String[] p = line.split(" ");
        assertThat(p[2]).isEqualTo(current);
        units.put(p[2], p[3]);
        assertThat(p[2]).endsWith("_" + p[3]);
      } else if (line.startsWith("# HELP ")) {
        assertThat(line.split(" ")[2]).isEqualTo(current);
      } else if (!line.equals("# EOF")) {
        String name = line.split("[{ ]")[0];
        String type = types.get(current);
        switch (type) {
          case "counter" -> assertThat(name).isEqualTo(current + "_total");
          case "info" -> assertThat(name).isEqualTo(current + "_info");
          default -> assertThat(name).isEqualTo(current);
        }
        assertThat(line).matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"\\})? -?[0-9]+(\\.[0-9]+)?");
      }
    }
    assertThat(units.values()).containsOnly("seconds", "bytes", "ratio");
    assertThat(families)
        .contains(
            "tgmd_last_run_timestamp_seconds",
            "tgmd_run_duration_seconds",
            "tgmd_run_success",
            "tgmd_messages",
            "tgmd_stage_busy_seconds",
            "tgmd_peak_rss_bytes",
            "tgmd_cache_hits");
  }

  @Test
  void aRunThatNeverBeganStillSaysItFailed() {
    String text =
        OpenMetricsText.failedBeforeStart("0.1.0", Instant.parse("2024-05-01T10:00:00.5Z"), 0.25);
    assertThat(samples(text))
        .containsEntry("tgmd_run_success", "0")
        .containsEntry("tgmd_run_status{tgmd_run_status=\"failed\"}", "1")
        .containsEntry("tgmd_last_run_timestamp_seconds", "1714557600.5")
        .containsEntry("tgmd_run_duration_seconds", "0.25");
    assertThat(text).endsWith("# EOF\n");
  }

  @Test
  void aFailedRunHasNoSuccess() {
    assertThat(samples(OpenMetricsText.of(Reports.empty())))
        .containsEntry("tgmd_run_success", "0")
        .doesNotContainKey("tgmd_peak_rss_bytes");
  }
}
