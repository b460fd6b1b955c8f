package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.MediaRecord;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records left for later, on a real archive: written by the next turn, whoever takes it. */
class ArchiveTurnsTest {

  @TempDir Path dir;

  /** The media rows another connection sees (what is committed), by vault path. */
  private List<String> committedMedia(Path file) throws Exception {
    List<String> paths = new ArrayList<>();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        var s = c.createStatement();
        var r = s.executeQuery("SELECT vault_path FROM media ORDER BY rowid")) {
      while (r.next()) {
        paths.add(r.getString(1));
      }
    }
    return paths;
  }

  @Test
  void recordsLeftForLaterAreWrittenInOrderByTheNextTurnOfAnyThread() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    Archive archive = Archive.open(file);
    ArchiveTurns turns = new ArchiveTurns(archive);
    long run = turns.call(() -> archive.beginRun(1, "0.1.0", "in", "{}"));
    turns.later(() -> archive.recordMedia(new MediaRecord("a.jpg", 1, 1, "media/a.jpg", run)));
    turns.later(() -> archive.recordMedia(new MediaRecord("b.jpg", 2, 2, "media/b.jpg", run)));
    assertThat(committedMedia(file)).isEmpty();

    Thread other = new Thread(() -> assertThatNoException(turns));
    other.start();
    other.join();
    assertThat(committedMedia(file)).containsExactly("media/a.jpg", "media/b.jpg");

    turns.later(() -> archive.recordMedia(new MediaRecord("c.jpg", 3, 3, "media/c.jpg", run)));
    turns.close(); // written before the archive closes
    assertThat(committedMedia(file)).containsExactly("media/a.jpg", "media/b.jpg", "media/c.jpg");
  }

  private static void assertThatNoException(ArchiveTurns turns) {
    try {
      assertThat(turns.call(() -> "a turn for something else")).isNotNull();
    } catch (VaultException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRecordThatFailsFailsTheTurnThatWritesItAndNothingOfThatTurnIsKept() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    Archive archive = Archive.open(file);
    ArchiveTurns turns = new ArchiveTurns(archive);
    long run = turns.call(() -> archive.beginRun(1, "0.1.0", "in", "{}"));
    turns.later(() -> archive.recordMedia(new MediaRecord("a.jpg", 1, 1, "media/a.jpg", run)));
    turns.later(() -> archive.finishRun(run + 1, 2, "completed", "{}")); // no such run
    assertThatThrownBy(
            () ->
                turns.run(
                    () -> archive.recordMedia(new MediaRecord("b.jpg", 2, 2, "media/b.jpg", run))))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("no run " + (run + 1));
    assertThat(committedMedia(file)).isEmpty();
    turns.close();
  }
}
