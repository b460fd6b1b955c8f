package dev.tgmd.report;

import dev.tgmd.recording.StageReport;
import dev.tgmd.units.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The summary an export prints by default: one screen, at most {@value #MAX_LINES} lines, none
 * wider than the terminal's columns unless a single word (a long path) is: what was exported where
 * and in how long (the {@link RunHeadline}), the missing and refused media (listed when few, else
 * where the list is), the bottleneck and the peaks, what went wrong, and where the metrics file and
 * the full tables are. Lines are wrapped between words, continued indented. Immutable.
 *
 * @param headline the {@link RunHeadline}, lines ended by a newline
 * @param mediaProblems how many media files were missing or refused
 * @param mediaListed the first of them, one line each (all of them when that many)
 * @param mediaFile the file listing every one; null when none was written
 * @param report the metrics report; null when measuring nothing
 * @param metricsFile where the report was written; null when it was not
 * @param warnings what else needs the reader's eyes (the run's error, a report not written), one
 *     line each
 */
public record BriefSummary(
    String headline,
    long mediaProblems,
    List<String> mediaListed,
    String mediaFile,
    MetricsReport report,
    String metricsFile,
    List<String> warnings) {

  /** The most lines the summary takes. */
  public static final int MAX_LINES = 20;

  /** What a stage does, in words, for the bottleneck's line. */
  private static final Map<String, String> STAGE_WORDS =
      Map.of(
          "fetch", "reading the export",
          "process", "rendering messages",
          "write", "writing notes",
          "media", "storing media files",
          "archive", "keeping messages in the vault");

  public BriefSummary {
    Objects.requireNonNull(headline, "headline");
    mediaListed = List.copyOf(mediaListed);
    warnings = List.copyOf(warnings);
  }

  /** The summary for a terminal {@code columns} wide, lines ended by a newline. */
  public String format(int columns) {
    List<String> lines = new ArrayList<>();
    for (String h : headline.lines().toList()) {
      lines.add(h);
      if (h.startsWith("Media:")) {
        lines.addAll(media());
      }
    }
    if (report != null) {
      lines.add(performance(report));
    }
    for (String w : warnings) {
      lines.add("Warning: " + w);
    }
    if (metricsFile != null) {
      lines.add("Metrics: " + metricsFile);
      lines.add("  all tables: tgmd metrics show " + metricsFile + " (or --summary full)");
    }
    List<String> body = new ArrayList<>();
    for (String l : lines) {
      body.addAll(wrap(l, columns));
    }
    List<String> last = new ArrayList<>();
    if (metricsFile != null) {
      last.addAll(wrap(lines.get(lines.size() - 2), columns));
      last.addAll(wrap(lines.get(lines.size() - 1), columns));
    }
    if (body.size() > MAX_LINES) {
      // never more than a screen: the metrics line stays, what is cut before it is in the file
      List<String> cut = new ArrayList<>(body.subList(0, MAX_LINES - 1 - last.size()));
      cut.add("...");
      cut.addAll(last);
      body = cut;
    }
    StringBuilder b = new StringBuilder();
    for (String l : body) {
      b.append(l).append('\n');
    }
    return b.toString();
  }

  /** The missing and refused files, one a line when all are known, else where they are listed. */
  private List<String> media() {
    List<String> lines = new ArrayList<>();
    if (mediaProblems > 0 && mediaListed.size() == mediaProblems) {
      for (String m : mediaListed) {
        lines.add("  " + m);
      }
    } else if (mediaProblems > 0 && mediaFile != null) {
      lines.add(
          "  the "
              + FigureText.count(mediaProblems)
              + " missing or refused files are listed in "
              + mediaFile);
    }
    return lines;
  }

  /** "Bottleneck: fetch (reading the export), 46.8 % busy; CPU 88.7 % of 2 cores, peak RSS ..." */
  private static String performance(MetricsReport report) {
    StringBuilder b = new StringBuilder();
    String bottleneck = report.bottleneck();
    if (bottleneck != null) {
      StageReport s = report.stages().get(bottleneck);
      b.append("Bottleneck: ")
          .append(bottleneck)
          .append(" (")
          .append(STAGE_WORDS.getOrDefault(bottleneck, "a stage"))
          .append("), ")
          .append(FigureText.fraction(s.utilization()))
          .append(" busy");
    } else {
      b.append("Bottleneck: none measured");
    }
    ResourceReport r = report.resources();
    if (r != null) {
      b.append("; CPU ")
          .append(FigureText.percent(r.cpuMachinePercentAvg()))
          .append(" of ")
          .append(r.cores())
          .append(r.cores() == 1 ? " core" : " cores")
          .append(", peak RSS ")
          .append(FigureText.mb(r.rssMbPeak()));
    }
    return b.toString();
  }

  /**
   * {@code line} cut between words into lines of at most {@code columns}, continued with two more
   * spaces than it is indented; a word longer than a line stays whole on a line of its own.
   */
  static List<String> wrap(String line, int columns) {
    List<String> out = new ArrayList<>();
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String more = " ".repeat(indent + 2);
    StringBuilder current = new StringBuilder(line.substring(0, indent));
    boolean empty = true;
    for (String word : line.substring(indent).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int width = DisplayWidth.of(current.toString());
      if (!empty && width + 1 + DisplayWidth.of(word) > columns) {
        out.add(current.toString());
        current = new StringBuilder(more);
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = false;
    }
    out.add(current.toString());
    return out;
  }
}
