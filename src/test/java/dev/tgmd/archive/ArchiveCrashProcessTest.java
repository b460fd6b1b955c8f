package dev.tgmd.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while it merges leaves an archive that holds whole batches only,
 * passes SQLite's integrity check, and, merged again by the same run, is what an uninterrupted run
 * gives; and a chat of more bytes than the heap reads back through a cursor.
 */
@EnabledOnOs(OS.LINUX)
class ArchiveCrashProcessTest {

  private static final int BATCHES = 150;

  @TempDir static Path shared;
  static Path whole;

  @TempDir Path dir;

  /** An archive merged by one uninterrupted process: what every other must equal. */
  @BeforeAll
  static void mergeWithoutInterruption() throws Exception {
    whole = shared.resolve("whole.sqlite");
    assertThat(writer(whole, Integer.toString(BATCHES)).waitFor()).isZero();
  }

  private static Process writer(Path file, int batches) throws Exception {
    return writer(file, Integer.toString(batches));
  }

  private static Process writer(Path file, String what, String... jvmOptions) throws Exception {
    List<String> command =
        ChildJvm.command(
            List.of(jvmOptions), ArchiveWriterProcess.class.getName(), file.toString(), what);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Every message's id and source checksum, by id: what the archive holds. */
  private static List<String> contents(Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Archive a = Archive.open(file);
        MessageCursor cursor = a.messages(1)) {
      StoredMessage m;
      CRC32C crc = new CRC32C();
      while ((m = cursor.next()) != null) {
        crc.reset();
        crc.update(m.source().bytes());
        rows.add(m.messageId() + " " + m.dateUnix() + " " + crc.getValue());
      }
    }
    return rows;
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aKillInTheMiddleOfAMergeLeavesWholeBatchesAndARerunCompletesIt() throws Exception {
    Path killed = dir.resolve("killed.sqlite");
    Process p = writer(killed, BATCHES);
    int merged = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && merged < 5) {
        assertThat(line).startsWith("merged ");
        merged = Integer.parseInt(line.substring("merged ".length()));
      }
      p.destroyForcibly(); // SIGKILL, in the middle of the next batches
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(merged).isEqualTo(5);

    try (Archive a = Archive.open(killed);
        Statement s = a.connection().createStatement();
        var r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("ok");
      long count = a.count(1);
      assertThat(count % ArchiveWriterProcess.BATCH).as("whole batches only").isZero();
      assertThat(count).isBetween(5L * ArchiveWriterProcess.BATCH, BATCHES * 1_000L);
      assertThat(a.run(1).orElseThrow().status()).isEqualTo("running");
    }

    assertThat(writer(killed, BATCHES).waitFor()).isZero();
    List<String> expected = contents(whole);
    assertThat(expected).hasSize(BATCHES * ArchiveWriterProcess.BATCH);
    assertThat(contents(killed)).isEqualTo(expected);
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void theCursorStreamsAChatLargerThanTheHeap() throws Exception {
    assertThat(java.nio.file.Files.size(whole)).isGreaterThan(70L << 20);
    Process p = writer(whole, "read", "-Xmx24m", "-XX:+UseSerialGC");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    long count = BATCHES * (long) ArchiveWriterProcess.BATCH;
    assertThat(out).startsWith("read " + count + " ");
    assertThat(Long.parseLong(out.split(" ")[2])).isGreaterThan(70L << 20);
  }
}
