package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.archive.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeBehindTest {

  @Test
  void mergesRunInOrderOnTheirOwnThreadOneAtATime() throws Exception {
    List<String> done = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (MergeBehind m = new MergeBehind()) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        m.submit(
            () -> {
              threads.add(Thread.currentThread().getName());
              done.add("batch " + n);
            });
        // at most one in flight: every batch before the one just submitted is merged
        assertThat(done).hasSizeGreaterThanOrEqualTo(n);
      }
      m.drain();
      assertThat(done).containsExactly("batch 0", "batch 1", "batch 2", "batch 3", "batch 4");
      assertThat(threads).containsOnly(MergeBehind.THREAD_NAME);
    }
  }

  @Test
  void aFailedMergeIsThrownByTheNextCallAsOneLine(@TempDir Path dir) throws Exception {
    Path notAnArchive = Files.writeString(dir.resolve("archive.sqlite"), "not a database");
    try (MergeBehind m = new MergeBehind()) {
      m.submit(() -> new ArchiveTurns(null).run(() -> Archive.open(notAnArchive).close()));
      assertThatThrownBy(m::drain)
          .isInstanceOf(VaultException.class)
          .hasMessage(notAnArchive + " is not a SQLite database (damaged, or not a tgmd archive)");
      m.drain(); // thrown once: nothing is in flight any more
    }
  }

  @Test
  void closeWaitsForTheMergeInFlightAndThrowsNothing() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    MergeBehind m = new MergeBehind();
    m.submit(
        () -> {
          started.countDown();
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.set(true);
          throw new IllegalStateException("failed after the run was cancelled");
        });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    m.close();
    assertThat(finished).isTrue(); // the archive may be closed now: nothing runs under it
  }
}
