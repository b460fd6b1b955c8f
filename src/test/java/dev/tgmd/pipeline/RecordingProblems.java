package dev.tgmd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tgmd.recording.MetricsCollector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test in which the pipeline made a recording call that a live collector refused (a
 * negative depth, count or time, a batch ended before it started...). The collector swallows such
 * calls so that metrics cannot fail an export, and logs the first at WARN on the {@link
 * MetricsCollector} logger: this extension listens there. Register it with
 * {@code @RegisterExtension}.
 */
final class RecordingProblems implements BeforeEachCallback, AfterEachCallback {

  private static final Logger LOG = (Logger) LoggerFactory.getLogger(MetricsCollector.class);

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    LOG.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LOG.detachAppender(appender);
    appender.stop();
    assertThat(appender.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .as("recording calls the collector refused")
        .isEmpty();
  }
}
