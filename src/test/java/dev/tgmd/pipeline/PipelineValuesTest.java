package dev.tgmd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The values that cross the pipeline's boundary validate themselves; the builder its options. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipelineValuesTest {

  @Test
  void anOutcomeIsASuccessOrAFailureNeverBoth() {
    Outcome<String, Integer> ok = Outcome.success("a", 1);
    Outcome<String, Integer> nothing = Outcome.success("b", null);
    IOException error = new IOException("x");
    Outcome<String, Integer> failed = Outcome.failure("c", error);

    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.result()).isEqualTo(1);
    assertThat(nothing.isSuccess()).isTrue();
    assertThat(nothing.result()).isNull();
    assertThat(failed.isFailure()).isTrue();
    assertThat(failed.error()).isSameAs(error);
    assertThat(failed.result()).isNull();
    assertThatThrownBy(() -> new Outcome<>("d", 1, error))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Outcome.success(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Outcome.failure("e", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aResultsCountsAreConsistent() {
    PipelineResult result = new PipelineResult(10, 7, 2, true);

    assertThat(result.dropped()).isEqualTo(3);
    assertThatThrownBy(() -> new PipelineResult(5, 6, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PipelineResult(5, 3, 4, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PipelineResult(5, 3, -1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPipelineExceptionNamesItsStageAndKeepsItsCause() {
    IOException cause = new IOException("disk full");
    PipelineException e =
        new PipelineException(
            PipelineException.Stage.WRITE, cause, new PipelineResult(3, 2, 0, false));

    assertThat(e.stage()).isEqualTo(PipelineException.Stage.WRITE);
    assertThat(e).hasCause(cause).hasMessage("write stage failed: java.io.IOException: disk full");
    assertThat(e.result().written()).isEqualTo(2);
  }

  @Test
  void theBuilderRefusesNonsense() {
    assertThatThrownBy(() -> AsyncPipeline.builder().workers(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsyncPipeline.builder().batchSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsyncPipeline.builder().queueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsyncPipeline.builder().onCancel(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AsyncPipeline.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("metrics");
  }
}
