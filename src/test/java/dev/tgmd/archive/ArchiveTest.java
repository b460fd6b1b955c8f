package dev.tgmd.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive on a real SQLite file: runs, chats, the merge rule, reading back, media, notes. */
class ArchiveTest {

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("vault with space, ü and ?").resolve(".tgmd"));
    file = dir.resolve("vault with space, ü and ?").resolve(".tgmd").resolve("archive.sqlite");
  }

  static SourceText json(String text) {
    return new SourceText(SourceFormat.JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  static ArchivedMessage message(long chat, long id, Long edited, String text) {
    return new ArchivedMessage(chat, id, 1_700_000_000L + id, edited, json(text));
  }

  static long newRun(Archive a) throws ArchiveException {
    return a.beginRun(1_000, "0.1.0", "/exports/chat", "{\"media\":\"copy\"}");
  }

  static List<StoredMessage> all(Archive a, long chat) throws ArchiveException {
    List<StoredMessage> out = new ArrayList<>();
    try (MessageCursor cursor = a.messages(chat)) {
      StoredMessage m;
      while ((m = cursor.next()) != null) {
        out.add(m);
      }
    }
    return out;
  }

  static String text(StoredMessage m) {
    return new String(m.source().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aNewArchiveIsCreatedInWalModeAtTheLatestSchema() throws Exception {
    try (Archive a = Archive.open(file)) {
      assertThat(a.schemaVersion()).isEqualTo(ArchiveSchema.MIGRATIONS.size());
      assertThat(ArchiveSchema.intPragma(a.connection(), "foreign_keys")).isEqualTo(1);
      assertThat(ArchiveSchema.intPragma(a.connection(), "synchronous")).isZero(); // OFF
      try (var s = a.connection().createStatement();
          var r = s.executeQuery("PRAGMA journal_mode")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("wal");
      }
    }
    assertThat(file).exists();
  }

  @Test
  void preparingTheDriverOnAnotherThreadTouchesNoFileAndTheArchiveStillOpens() throws Exception {
    Thread t = new Thread(Archive::prepare);
    t.start();
    try (Archive a = Archive.open(file)) { // may meet the driver half initialized: it waits
      t.join();
      assertThat(a.schemaVersion()).isEqualTo(ArchiveSchema.MIGRATIONS.size());
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .allMatch(n -> n.startsWith(file.getFileName().toString()));
    }
  }

  @Test
  void runsAreRecordedWithTheirOptionsAndOutcome() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      assertThat(a.run(run).orElseThrow().status()).isEqualTo("running");
      a.finishRun(run, 2_000, "ok", "{\"messages\":3}");
    }
    try (Archive a = Archive.open(file)) {
      RunRecord r = a.run(1).orElseThrow();
      assertThat(r)
          .isEqualTo(
              new RunRecord(
                  1,
                  1_000,
                  2_000L,
                  "0.1.0",
                  "/exports/chat",
                  "{\"media\":\"copy\"}",
                  "ok",
                  "{\"messages\":3}"));
      assertThat(newRun(a)).isEqualTo(2);
      assertThat(a.run(3)).isEmpty();
      assertThatThrownBy(() -> a.finishRun(7, 0, "ok", null))
          .isInstanceOf(ArchiveException.class)
          .hasMessageContaining("no run 7");
    }
  }

  @Test
  void aChatKeepsItsFirstRunAndTakesItsLatestNameAndRun() throws Exception {
    try (Archive a = Archive.open(file)) {
      long one = newRun(a);
      a.putChat(one, 42, "Old name", "personal_chat");
      long two = newRun(a);
      a.putChat(two, 42, "New name", "personal_chat");
      assertThat(a.chats()).containsExactly(new ChatRecord(42, "New name", "personal_chat", 1, 2));
    }
  }

  @Test
  void theMergeAddsNewMessagesAndCountsThem() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      MergeCounts counts =
          a.merge(run, List.of(message(1, 1, null, "{1}"), message(1, 2, null, "{2}")));
      assertThat(counts).isEqualTo(new MergeCounts(2, 0, 0, 0));
      assertThat(a.count(1)).isEqualTo(2);
      assertThat(a.hasMessages(1)).isTrue();
      assertThat(a.hasMessages(2)).isFalse();
      assertThat(all(a, 1)).extracting(ArchiveTest::text).containsExactly("{1}", "{2}");
      assertThat(all(a, 1).get(0).dateUnix()).isEqualTo(1_700_000_001L);
    }
  }

  @Test
  void theSameBytesAreUnchangedAndOtherBytesReplaceTheArchivedOnes() throws Exception {
    try (Archive a = Archive.open(file)) {
      long one = newRun(a);
      a.putChat(one, 1, "A", "personal_chat");
      a.merge(one, List.of(message(1, 1, null, "{1}"), message(1, 2, null, "{2}")));
      long two = newRun(a);
      MergeCounts counts =
          a.merge(two, List.of(message(1, 1, null, "{1}"), message(1, 2, null, "{2, reacted}")));
      assertThat(counts).isEqualTo(new MergeCounts(0, 1, 1, 0));
      assertThat(all(a, 1)).extracting(ArchiveTest::text).containsExactly("{1}", "{2, reacted}");
      assertThat(runs(a, 1)).containsExactly("1 1", "1 2");
    }
  }

  /** first_run and last_run of each message of the chat, by id. */
  private static List<String> runs(Archive a, long chat) throws Exception {
    List<String> runs = new ArrayList<>();
    try (var s =
        a.connection()
            .prepareStatement(
                "SELECT first_run, last_run FROM messages WHERE chat_id = ? ORDER BY message_id")) {
      s.setLong(1, chat);
      try (var r = s.executeQuery()) {
        while (r.next()) {
          runs.add(r.getLong(1) + " " + r.getLong(2));
        }
      }
    }
    return runs;
  }

  @Test
  void aNewerEditDateWinsAndAnOlderOneOrNoneIsKeptOut() throws Exception {
    try (Archive a = Archive.open(file)) {
      long one = newRun(a);
      a.putChat(one, 1, "A", "personal_chat");
      a.merge(
          one,
          List.of(
              message(1, 1, 500L, "{edited at 500}"),
              message(1, 2, 500L, "{edited at 500}"),
              message(1, 3, 500L, "{edited at 500}"),
              message(1, 4, null, "{never edited}"),
              message(1, 5, 500L, "{edited at 500}")));
      long two = newRun(a);
      MergeCounts counts =
          a.merge(
              two,
              List.of(
                  message(1, 1, 400L, "{edited at 400}"), // older edit: an older export
                  message(1, 2, 600L, "{edited at 600}"), // newer edit
                  message(1, 3, null, "{not edited}"), // Telegram cannot undo an edit
                  message(1, 4, 700L, "{edited at 700}"), // first edit
                  message(1, 5, 500L, "{edited at 500, reacted}"))); // same edit: newer export
      assertThat(counts).isEqualTo(new MergeCounts(0, 3, 0, 2));
      assertThat(all(a, 1))
          .extracting(ArchiveTest::text)
          .containsExactly(
              "{edited at 500}",
              "{edited at 600}",
              "{edited at 500}",
              "{edited at 700}",
              "{edited at 500, reacted}");
    }
  }

  @Test
  void messagesAbsentFromAnExportAreKept() throws Exception {
    try (Archive a = Archive.open(file)) {
      long one = newRun(a);
      a.putChat(one, 1, "A", "personal_chat");
      a.merge(one, List.of(message(1, 1, null, "{1}"), message(1, 2, null, "{2}")));
    }
    try (Archive a = Archive.open(file)) {
      long two = newRun(a);
      a.putChat(two, 1, "A", "personal_chat");
      MergeCounts counts =
          a.merge(two, List.of(message(1, 3, null, "{3}"), message(1, 4, null, "{4}")));
      assertThat(counts).isEqualTo(new MergeCounts(2, 0, 0, 0));
      assertThat(all(a, 1))
          .extracting(ArchiveTest::text)
          .containsExactly("{1}", "{2}", "{3}", "{4}");
    }
  }

  @Test
  void aMessageNamedTwiceInABatchIsMergedTwiceInOrder() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      MergeCounts counts =
          a.merge(
              run,
              List.of(
                  message(1, 1, null, "{first}"),
                  message(1, 1, null, "{first}"),
                  message(1, 1, null, "{second}")));
      assertThat(counts).isEqualTo(new MergeCounts(1, 1, 1, 0));
      assertThat(all(a, 1)).extracting(ArchiveTest::text).containsExactly("{second}");
    }
  }

  @Test
  void aBatchOfManyRowsIsWrittenWholeAndInOrderRepeatsIncluded() throws Exception {
    // more than two statements of MessageMerge.ROWS rows, and a rest written one row at a time
    int n = 2 * MessageMerge.ROWS + 23;
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      a.merge(run, List.of(message(1, 7, null, "{7 before}")));
      List<ArchivedMessage> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        batch.add(message(1, i, null, "{" + i + "}"));
      }
      batch.set(30, message(1, 10, null, "{10 again}")); // a repeat in the first statement
      batch.set(2 * MessageMerge.ROWS + 5, message(1, 60, null, "{60 again}")); // in the rest
      MergeCounts counts = a.merge(run, batch);
      assertThat(counts).isEqualTo(new MergeCounts(n - 3, 3, 0, 0));
      List<StoredMessage> stored = all(a, 1);
      assertThat(stored).hasSize(n - 2);
      java.util.Map<Long, String> byId = new java.util.HashMap<>();
      stored.forEach(m -> byId.put(m.messageId(), text(m)));
      assertThat(byId).containsEntry(7L, "{7}").containsEntry(10L, "{10 again}");
      assertThat(byId).containsEntry(60L, "{60 again}").doesNotContainKeys(30L, 105L);
      assertThat(stored).extracting(StoredMessage::messageId).doesNotHaveDuplicates().isSorted();
    }
  }

  @Test
  void aManyRowBatchThatFailsInAnyStatementLeavesNothingOfIt() throws Exception {
    for (int failing : new int[] {3, MessageMerge.ROWS + 4, 2 * MessageMerge.ROWS + 1}) {
      Path f = dir.resolve("fails-at-" + failing + ".sqlite");
      try (Archive a = Archive.open(f)) {
        long run = newRun(a);
        a.putChat(run, 1, "A", "personal_chat");
        List<ArchivedMessage> batch = new ArrayList<>();
        for (int i = 0; i < 2 * MessageMerge.ROWS + 3; i++) {
          batch.add(message(i == failing ? 9 : 1, i, null, "{" + i + "}")); // chat 9: no such chat
        }
        assertThatThrownBy(() -> a.merge(run, batch))
            .as("failing at %d", failing)
            .isInstanceOf(ArchiveException.class);
        assertThat(all(a, 1)).as("failing at %d", failing).isEmpty();
      }
    }
  }

  @Test
  void aFreshChatsManyRowsAreAllNew() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      List<ArchivedMessage> batch = new ArrayList<>();
      for (int i = 0; i < MessageMerge.ROWS + 1; i++) {
        batch.add(message(1, i, null, "{" + i + "}"));
      }
      assertThat(a.merge(run, batch, true))
          .isEqualTo(new MergeCounts(MessageMerge.ROWS + 1, 0, 0, 0));
      assertThat(all(a, 1)).hasSize(MessageMerge.ROWS + 1);
    }
  }

  @Test
  void theCursorGoesByIdAscendingNegativeIdsFirstAndOnlyThroughItsChat() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "private_supergroup");
      a.putChat(run, 2, "B", "personal_chat");
      a.merge(
          run,
          List.of(
              message(1, 5, null, "{5}"),
              message(2, 3, null, "{other chat}"),
              message(1, -999_999_990L, null, "{migrated}"),
              message(1, 1, null, "{1}")));
      a.merge(
          run,
          List.of(
              new ArchivedMessage(
                  1, 2, null, null, new SourceText(SourceFormat.HTML, new byte[] {'<'}))));
      List<StoredMessage> messages = all(a, 1);
      assertThat(messages)
          .extracting(StoredMessage::messageId)
          .containsExactly(-999_999_990L, 1L, 2L, 5L);
      assertThat(messages.get(2).dateUnix()).isNull();
      assertThat(messages.get(2).source().format()).isEqualTo(SourceFormat.HTML);
      assertThat(all(a, 2)).extracting(ArchiveTest::text).containsExactly("{other chat}");
      assertThat(all(a, 3)).isEmpty();
    }
  }

  @Test
  void aBatchThatFailsLeavesNothingOfItInTheArchive() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      a.merge(run, List.of(message(1, 1, null, "{1}")));
      // chat 9 was never recorded: its message breaks the foreign key, in the middle of the batch
      assertThatThrownBy(
              () ->
                  a.merge(
                      run,
                      List.of(
                          message(1, 1, null, "{1 changed}"),
                          message(1, 2, null, "{2}"),
                          message(9, 1, null, "{9}"),
                          message(1, 3, null, "{3}"))))
          .isInstanceOf(ArchiveException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageNotContaining("\n");
      assertThat(all(a, 1)).extracting(ArchiveTest::text).containsExactly("{1}");
      // the archive goes on working after the failure
      assertThat(a.merge(run, List.of(message(1, 2, null, "{2}"))).added()).isEqualTo(1);
    }
  }

  @Test
  void mediaAreFoundByTheirContent() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.recordMedia(new MediaRecord("photos/a.jpg", 10, 77, "media/a.jpg", run));
      a.recordMedia(new MediaRecord("photos/b.jpg", 10, 77, "media/a.jpg", run));
      a.recordMedia(new MediaRecord("photos/c.jpg", 11, 77, "media/c.jpg", run));
      a.recordMedia(new MediaRecord("photos/a.jpg", 10, 77, "media/a-2.jpg", run));
      assertThat(a.findMedia(10, 77))
          .containsExactly(
              new MediaRecord("photos/a.jpg", 10, 77, "media/a-2.jpg", run),
              new MediaRecord("photos/b.jpg", 10, 77, "media/a.jpg", run));
      assertThat(a.findMedia(10, 78)).isEmpty();
    }
  }

  @Test
  void aPendingNoteIsRecognisedAsTgmdsUntilConfirmed() throws Exception {
    String v1 = "1".repeat(64);
    String v2 = "2".repeat(64);
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      a.notePending("A/2024-03.md", 1L, v1);
      a.noteWritten("A/2024-03.md", v1, 100, run);
      a.notePending("A/2024-03.md", 1L, v2);
      // killed here: after the rename or before it, the file is one of the two
    }
    try (Archive a = Archive.open(file)) {
      NoteRecord note = a.notes(1).get("A/2024-03.md");
      assertThat(note).isEqualTo(new NoteRecord("A/2024-03.md", 1L, v1, 100, 1, v2));
      assertThat(note.writtenByTgmd(v1)).isTrue();
      assertThat(note.writtenByTgmd(v2)).isTrue();
      assertThat(note.writtenByTgmd("3".repeat(64))).isFalse();
      long run = newRun(a);
      a.noteWritten("A/2024-03.md", v2, 120, run);
      a.notePending("index.md", null, v1);
      Map<String, NoteRecord> notes = a.notes();
      assertThat(notes.keySet()).containsExactly("A/2024-03.md", "index.md");
      assertThat(notes.get("A/2024-03.md"))
          .isEqualTo(new NoteRecord("A/2024-03.md", 1L, v2, 120, 2, null));
      assertThat(notes.get("index.md"))
          .isEqualTo(new NoteRecord("index.md", null, null, -1, -1, v1));
      assertThat(a.notes(1)).containsOnlyKeys("A/2024-03.md");
      a.forgetNote("A/2024-03.md");
      assertThat(a.notes().keySet()).containsExactly("index.md");
    }
  }

  /** The notes and media rows another connection sees (what is committed). */
  private long committedRows() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        var s = c.createStatement();
        var r =
            s.executeQuery("SELECT (SELECT count(*) FROM notes) + (SELECT count(*) FROM media)")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void recordsInOneTransactionAreCommittedTogetherAtItsEnd() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      long seen =
          a.inOneTransaction(
              () -> {
                a.notePending("A/2024-03.md", 1L, "p");
                a.noteWritten("A/2024-03.md", "w", 10, run);
                a.recordMedia(new MediaRecord("photos/a.jpg", 10, 77, "media/a.jpg", run));
                try {
                  return committedRows(); // each method would have committed on its own
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(seen).isZero();
      assertThat(committedRows()).isEqualTo(2);
      assertThat(a.notes().get("A/2024-03.md"))
          .isEqualTo(new NoteRecord("A/2024-03.md", 1L, "w", 10, run, null));
    }
  }

  @Test
  void aFailureInOneTransactionLeavesNothingOfIt() throws Exception {
    try (Archive a = Archive.open(file)) {
      long run = newRun(a);
      assertThatThrownBy(
              () ->
                  a.inOneTransaction(
                      () -> {
                        a.notePending("A/2024-03.md", 1L, "p");
                        a.recordMedia(new MediaRecord("photos/a.jpg", 10, 77, "media/a.jpg", run));
                        a.finishRun(run + 1, 2_000, "ok", "{}"); // no such run
                        return null;
                      }))
          .isInstanceOf(ArchiveException.class)
          .hasMessageContaining("no run " + (run + 1));
      assertThatThrownBy(
              () ->
                  a.inOneTransaction(
                      () -> {
                        a.notePending("B/2024-03.md", 1L, "p");
                        throw new IllegalStateException("not the archive's failure");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(committedRows()).isZero();
      a.notePending("C/2024-03.md", 1L, "p"); // the connection goes on, one commit a method
      assertThat(committedRows()).isEqualTo(1);
      assertThat(a.notes().keySet()).containsExactly("C/2024-03.md");
    }
  }
}
