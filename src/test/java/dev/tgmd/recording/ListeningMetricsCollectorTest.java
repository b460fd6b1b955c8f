package dev.tgmd.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ListeningMetricsCollectorTest {

  @Test
  void everyFailureIsHeardAndStillRecorded() {
    List<FailureReport> heard = new CopyOnWriteArrayList<>();
    MetricsCollector live = MetricsCollector.create(new FakeTicker());
    MetricsCollector c = MetricsCollector.listening(live, heard::add);
    for (int i = 0; i < FailuresReport.KEPT + 5; i++) {
      c.recordFailure("media", "file " + i + "\nof message", new IOException("gone\r\nnow"));
    }
    assertThat(heard).hasSize(FailuresReport.KEPT + 5);
    assertThat(heard.get(0))
        .isEqualTo(new FailureReport("media", "file 0 of message", "IOException: gone now"));
    assertThat(c.snapshot().failures().count()).isEqualTo(FailuresReport.KEPT + 5);
    assertThat(c.snapshot().failures().first().get(0)).isEqualTo(heard.get(0));
    // stages and caches are the wrapped collector's own
    assertThat(c.stage("fetch")).isSameAs(live.stage("fetch"));
  }

  @Test
  void withMetricsOffFailuresAreStillHeard() {
    List<FailureReport> heard = new CopyOnWriteArrayList<>();
    MetricsCollector c = MetricsCollector.listening(MetricsCollector.noop(), heard::add);
    c.recordFailure("process", "message 1", new IllegalStateException("bad"));
    assertThat(heard)
        .extracting(FailureReport::error)
        .containsExactly("IllegalStateException: bad");
    assertThat(c.snapshot()).isEqualTo(MetricsSnapshot.empty());
  }

  @Test
  void aListenerThatThrowsNeverFailsTheRun() {
    MetricsCollector live = MetricsCollector.create(new FakeTicker());
    MetricsCollector c =
        MetricsCollector.listening(
            live,
            f -> {
              throw new IllegalStateException("broken pipe");
            });
    c.recordFailure("process", "message 1", new RuntimeException());
    assertThat(c.snapshot().failures().count()).isOne();
  }

  @Test
  void hearingNothingWrapsNothing() {
    MetricsCollector noop = MetricsCollector.noop();
    assertThat(MetricsCollector.listening(noop, FailureListener.NONE)).isSameAs(noop);
  }
}
