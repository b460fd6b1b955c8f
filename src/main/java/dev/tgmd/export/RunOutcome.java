package dev.tgmd.export;

import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.RunHeadline;
import dev.tgmd.report.RunStatus;
import dev.tgmd.report.TotalsReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export run did, whatever the outcome: how it ended, why it failed, the chats it wrote,
 * its duration and its report.
 *
 * @param status how the run ended
 * @param failure why it failed; empty when it completed or was interrupted
 * @param started whether the input was an export and the run began: when not, nothing was touched
 *     and no report was written
 * @param chats what the run did with each chat it began, in export order
 * @param seconds the run's duration, from the process's start
 * @param report the metrics report; empty when measuring nothing or when the run never started
 * @param reportFile where the report was written; empty when it was not (see {@code reportError})
 * @param reportError why the report could not be written; empty when it was, or was not to be
 * @param out the output folder, as the user named it
 * @param filtered whether the options selected chats or dates (--chat, --type, --since, --until)
 * @param mediaProblems the missing and refused media files, the first few of them, and the file in
 *     OUT that lists them all
 */
public record RunOutcome(
    RunStatus status,
    Optional<Failure> failure,
    boolean started,
    List<ChatSummary> chats,
    double seconds,
    Optional<MetricsReport> report,
    Optional<Path> reportFile,
    Optional<String> reportError,
    Path out,
    boolean filtered,
    Exporter.MediaProblems mediaProblems) {

  public RunOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    chats = List.copyOf(chats);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(reportFile, "reportFile");
    Objects.requireNonNull(reportError, "reportError");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(mediaProblems, "mediaProblems");
  }

  /** Why a run failed, in one line, and what kind of failure it was. */
  public record Failure(Kind kind, String message) {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** What kind of failure ended a run. */
  public enum Kind {
    /** The input is no readable export, or OUT cannot be used: the user's to fix. */
    BAD_INPUT,
    /** Reading or writing failed midway (a full disk, a vanished file). */
    IO,
    /** A fault of tgmd's own. */
    UNEXPECTED
  }

  /** The run-wide totals of its chats. */
  public TotalsReport totals() {
    return ExportResult.totalsOf(chats);
  }

  /** Media copies avoided because the same content was already copied. */
  public long duplicates() {
    return new ExportResult(status, chats).duplicates();
  }

  /**
   * Whether the run completed with filters that matched no message: no note was written, which is
   * most likely a mistake in the filters.
   */
  public boolean nothingMatched() {
    return status == RunStatus.COMPLETED && filtered && totals().chats() == 0;
  }

  /**
   * Whether there is anything to summarise: the run began and either exported something or did not
   * fail on the input.
   */
  public boolean hasSummary() {
    return started
        && !(totals().chats() == 0
            && failure.map(f -> f.kind() == Kind.BAD_INPUT).orElse(false)
            && status == RunStatus.FAILED);
  }

  /** The summary's first lines: what was exported where, in how long; failed messages; media. */
  public String headline() {
    return RunHeadline.format(status, totals(), duplicates(), out.toString(), seconds);
  }
}
