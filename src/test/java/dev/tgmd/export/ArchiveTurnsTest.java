package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.archive.Archive;
import dev.tgmd.archive.MediaRecord;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records left for later, on a real archive: written by the next turn, whoever takes it. */
class ArchiveTurnsTest {

  @TempDir Path dir;
  private Path file;
  private Archive archive;
  private ArchiveTurns turns;
  private long run;

  @BeforeEach
  void setUp() throws Exception {
    file = dir.resolve("archive.sqlite");
    archive = Archive.open(file);
    turns = new ArchiveTurns(archive);
    run = turns.call(() -> archive.beginRun(1, "0.1.0", "in", "{}"));
  }

  /** Leaves the record of a media file copied to {@code vaultPath} for the next turn. */
  private void leaveMedia(String vaultPath, long size) {
    turns.later(() -> archive.recordMedia(new MediaRecord("x", size, size, vaultPath, run)));
  }

  /** The media rows another connection sees (what is committed), by vault path. */
  private List<String> committedMedia() throws Exception {
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
    leaveMedia("media/a.jpg", 1);
    leaveMedia("media/b.jpg", 2);
    assertThat(committedMedia()).isEmpty();

    Thread other = new Thread(() -> takeATurn(turns));
    other.start();
    other.join();
    assertThat(committedMedia()).containsExactly("media/a.jpg", "media/b.jpg");

    leaveMedia("media/c.jpg", 3);
    turns.close(); // written before the archive closes
    assertThat(committedMedia()).containsExactly("media/a.jpg", "media/b.jpg", "media/c.jpg");
  }

  /** A turn for something else, on the calling thread. */
  private static void takeATurn(ArchiveTurns turns) {
    try {
      assertThat(turns.call(() -> "a turn for something else")).isNotNull();
    } catch (VaultException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRecordThatFailsFailsTheTurnThatWritesItAndNothingOfThatTurnIsKept() throws Exception {
    leaveMedia("media/a.jpg", 1);
    turns.later(() -> archive.finishRun(run + 1, 2, "completed", "{}")); // no such run
    assertThatThrownBy(
            () ->
                turns.run(
                    () -> archive.recordMedia(new MediaRecord("b.jpg", 2, 2, "media/b.jpg", run))))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("no run " + (run + 1));
    assertThat(committedMedia()).isEmpty();
    turns.close();
  }
}
