package dev.tgmd.pipeline;

import static dev.tgmd.pipeline.PipelineTesting.assertNoPipelineThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tgmd.recording.FailureReport;
import dev.tgmd.recording.FailuresReport;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.recording.MetricsSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A failed item is an outcome, not an abort; a failed source or sink stops the run promptly with
 * its cause; every path ends with no pipeline thread alive.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncPipelineFailureTest {

  @RegisterExtension final RecordingProblems recordingProblems = new RecordingProblems();

  private static final Logger LOG = (Logger) LoggerFactory.getLogger(AsyncPipeline.class);
  private Level savedLevel;

  /** Failed items are logged with their stack traces; only the logging test wants to see them. */
  @BeforeEach
  void quietFailureLogs() {
    savedLevel = LOG.getLevel();
    LOG.setLevel(Level.ERROR);
  }

  @AfterEach
  void restoreLogs() {
    LOG.setLevel(savedLevel);
  }

  private static AsyncPipeline pipeline(int workers, MetricsCollector metrics) {
    return AsyncPipeline.builder()
        .workers(workers)
        .batchSize(16)
        .queueCapacity(4)
        .metrics(metrics)
        .build();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void aProcessingErrorFailsOnlyItsItem(int workers) throws Exception {
    int k = 377;
    IllegalArgumentException boom = new IllegalArgumentException("bad message");
    MetricsCollector metrics = MetricsCollector.create();
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();

    PipelineResult result =
        pipeline(workers, metrics)
            .run(
                new PipelineTesting.Counting(1000),
                item -> {
                  if (item == k) {
                    throw boom;
                  }
                  return item * 10;
                },
                sink);

    assertThat(result).isEqualTo(new PipelineResult(1000, 1000, 1, false));
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(1000));
    Outcome<Integer, Integer> failed = sink.outcomes.get(k);
    assertThat(failed.isFailure()).isTrue();
    assertThat(failed.error()).isSameAs(boom);
    assertThat(failed.result()).isNull();
    assertThat(sink.outcomes)
        .filteredOn(o -> o.item() != k)
        .allSatisfy(o -> assertThat(o.result()).isEqualTo(o.item() * 10));
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages().get("process").errors()).isEqualTo(1);
    assertThat(snapshot.failures())
        .isEqualTo(
            new FailuresReport(
                1,
                List.of(
                    new FailureReport(
                        "process", "item #377", "IllegalArgumentException: bad message"))));
    assertNoPipelineThreads();
  }

  @Test
  void theFirstFiveProcessingFailuresAreLoggedAtWarnInOneLineWithTheirStackTracesAtDebug()
      throws Exception {
    LOG.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    LOG.addAppender(appender);
    LOG.setAdditive(false);
    try {
      MetricsCollector metrics = MetricsCollector.create();
      PipelineResult result =
          pipeline(2, metrics)
              .run(
                  new PipelineTesting.Counting(200),
                  item -> {
                    if (item % 10 == 3) {
                      throw new IOException("unreadable " + item);
                    }
                    return item;
                  },
                  new PipelineTesting.Collecting());

      assertThat(result).isEqualTo(new PipelineResult(200, 200, 20, false));
      MetricsSnapshot snapshot = metrics.snapshot();
      assertThat(snapshot.stages().get("process").errors()).isEqualTo(20);
      assertThat(snapshot.failures().count()).isEqualTo(20);
      assertThat(snapshot.failures().first())
          .hasSize(20)
          .allSatisfy(f -> assertThat(f.error()).startsWith("IOException: unreadable "));
      List<ILoggingEvent> warnings =
          appender.list.stream()
              .filter(e -> e.getLevel() == Level.WARN)
              .collect(Collectors.toList());
      // Two workers log concurrently, so the closing line may come before the fifth failure.
      assertThat(warnings).hasSize(6);
      assertThat(warnings)
          .filteredOn(e -> e.getFormattedMessage().contains("not logged"))
          .hasSize(1);
      assertThat(warnings)
          .filteredOn(e -> !e.getFormattedMessage().contains("not logged"))
          .allSatisfy(
              e -> {
                assertThat(e.getFormattedMessage())
                    .startsWith("Processing failed for item #")
                    .contains(": IOException: unreadable ");
                assertThat(e.getThrowableProxy()).as("no stack trace at WARN").isNull();
              });
      assertThat(
              appender.list.stream()
                  .filter(
                      e ->
                          e.getLevel() == Level.DEBUG
                              && e.getThrowableProxy() != null
                              && e.getFormattedMessage().startsWith("Processing failed")))
          .as("the stack traces, for --verbose")
          .hasSize(5);
    } finally {
      LOG.setAdditive(true);
      LOG.detachAppender(appender);
    }
  }

  @Test
  void aSourceThatThrowsMidwayStopsTheRunWithItsCause() throws Exception {
    IOException broken = new IOException("truncated export");
    MetricsCollector metrics = MetricsCollector.create();
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();
    PipelineTesting.Counting source =
        new PipelineTesting.Counting(-1) {
          @Override
          void beforeItem(int i) throws IOException {
            if (i == 250) {
              throw broken;
            }
          }
        };

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class, () -> pipeline(2, metrics).run(source, i -> i, sink));

    assertThat(e.stage()).isEqualTo(PipelineException.Stage.FETCH);
    assertThat(e.getCause()).isSameAs(broken);
    assertThat(e.getMessage()).contains("fetch").contains("truncated export");
    PipelineResult partial = e.result();
    assertThat(partial.fetched()).isLessThanOrEqualTo(250);
    assertThat(partial.written()).isEqualTo(sink.size());
    assertThat(partial.cancelled()).isFalse();
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(sink.size()));
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages().get("fetch").errors()).isEqualTo(1);
    assertThat(snapshot.stages().get("fetch").count()).isEqualTo(partial.fetched());
    assertThat(snapshot.failures())
        .isEqualTo(
            new FailuresReport(
                1,
                List.of(
                    new FailureReport(
                        "fetch", "item 250 of the source", "IOException: truncated export"))));
    assertNoPipelineThreads();
  }

  @Test
  void aSourceThatThrowsAtOnceWritesNothing() {
    IllegalStateException broken = new IllegalStateException("no such chat");
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class,
            () ->
                pipeline(2, MetricsCollector.create())
                    .run(
                        () -> {
                          throw broken;
                        },
                        (Integer i) -> i,
                        sink));

    assertThat(e.stage()).isEqualTo(PipelineException.Stage.FETCH);
    assertThat(e.getCause()).isSameAs(broken);
    assertThat(e.result()).isEqualTo(new PipelineResult(0, 0, 0, false));
    assertThat(sink.outcomes).isEmpty();
    assertNoPipelineThreads();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 8})
  void aSinkThatThrowsStopsAnEndlessRunWithItsCause(int workers) throws Exception {
    IOException diskFull = new IOException("No space left on device");
    MetricsCollector metrics = MetricsCollector.create();
    PipelineTesting.Collecting sink =
        new PipelineTesting.Collecting() {
          @Override
          void beforeAccept(Outcome<Integer, Integer> outcome) throws IOException {
            if (outcome.item() == 100) {
              throw diskFull;
            }
          }
        };
    PipelineTesting.Counting endless = new PipelineTesting.Counting(-1);

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class, () -> pipeline(workers, metrics).run(endless, i -> i, sink));

    assertThat(e.stage()).isEqualTo(PipelineException.Stage.WRITE);
    assertThat(e.getCause()).isSameAs(diskFull);
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(100));
    assertThat(e.result().written()).isEqualTo(100);
    assertThat(e.result().fetched()).isBetween(101L, 100L + 4 * 16);
    assertThat(endless.handedOut.get()).isLessThanOrEqualTo(100 + 4 * 16);
    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.stages().get("write").errors()).isEqualTo(1);
    assertThat(snapshot.stages().get("write").count()).isEqualTo(100);
    assertThat(snapshot.failures())
        .isEqualTo(
            new FailuresReport(
                1,
                List.of(
                    new FailureReport(
                        "write", "item #100", "IOException: No space left on device"))));
    assertNoPipelineThreads();
  }

  @Test
  void anErrorFromTheProcessorStopsTheRun() {
    StackOverflowError overflow = new StackOverflowError("deep nesting");
    PipelineTesting.Collecting sink = new PipelineTesting.Collecting();

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class,
            () ->
                pipeline(2, MetricsCollector.create())
                    .run(
                        new PipelineTesting.Counting(-1),
                        item -> {
                          if (item == 40) {
                            throw overflow;
                          }
                          return item;
                        },
                        sink));

    assertThat(e.stage()).isEqualTo(PipelineException.Stage.PROCESS);
    assertThat(e.getCause()).isSameAs(overflow);
    assertThat(sink.items()).isEqualTo(PipelineTesting.range(sink.size()));
    assertThat(sink.size()).isLessThanOrEqualTo(40);
    assertNoPipelineThreads();
  }

  @Test
  void aFailingDescriptionDoesNotBreakTheRun() throws Exception {
    MetricsCollector metrics = MetricsCollector.create();
    PipelineTesting.Counting source =
        new PipelineTesting.Counting(10) {
          @Override
          public String describe(Integer item) {
            throw new IllegalStateException("no description");
          }
        };
    PipelineResult result =
        pipeline(2, metrics)
            .run(
                source,
                item -> {
                  throw new IOException("x");
                },
                new PipelineTesting.Collecting());

    assertThat(result).isEqualTo(new PipelineResult(10, 10, 10, false));
    FailuresReport failures = metrics.snapshot().failures();
    assertThat(failures.count()).isEqualTo(10);
    assertThat(failures.first())
        .hasSize(10)
        .allSatisfy(f -> assertThat(f.item()).startsWith("java.lang.Integer (no description"));
    assertNoPipelineThreads();
  }
}
