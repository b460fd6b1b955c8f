package dev.tgmd.export;

import static dev.tgmd.testing.MessageBuilder.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.OutputFolder;
import dev.tgmd.layout.Split;
import dev.tgmd.media.MediaStore;
import dev.tgmd.recording.MetricsCollector;
import dev.tgmd.render.Flavor;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;
import dev.tgmd.source.Message;
import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatWriterTest {

  @TempDir Path tmp;
  Path out;
  OutputFolder folder;
  String workName;
  Path work;
  ChatLayout layout;
  PlacedMessage.ChatInfo chat;

  @BeforeEach
  void setUp() throws Exception {
    out = Files.createDirectories(tmp.resolve("out"));
    folder = OutputFolder.open(out);
    workName = folder.createWorkFolder();
    work = out.resolve(workName);
    layout = new ChatLayout("Team", Split.MONTH);
    chat = new PlacedMessage.ChatInfo(new Chat(1, "Team", "private_group", false), "Team", "Team");
  }

  /** A clock that advances by one millisecond each time it is read. */
  final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

  final java.util.function.LongSupplier clock = () -> nanos.addAndGet(1_000_000);

  @AfterEach
  void tearDown() throws Exception {
    folder.close();
  }

  private static byte[] utf8(String block) {
    return block.getBytes(StandardCharsets.UTF_8);
  }

  private ChatWriter writer(long memoryBytes) {
    return new ChatWriter(
        chat,
        folder,
        workName,
        0,
        new NoteFormat(Flavor.OBSIDIAN),
        Split.MONTH,
        new MediaStore(folder, "Team", null, MetricsCollector.noop().cache("x"), 0, 0),
        Vault.none(),
        clock,
        memoryBytes);
  }

  private static long sizeOfNotes(Path dir) throws java.io.IOException {
    long size = 0;
    for (String note : Tgmd.notes(dir)) {
      size += Files.size(dir.resolve(note));
    }
    return size;
  }

  private PlacedMessage work(long id, LocalDateTime time) {
    Message m = message(id).at(time).text("message " + id).build();
    return new PlacedMessage(
        chat,
        new MessageView(m, "m" + id, time, null, null),
        layout.note(0, time.toLocalDate()),
        time.toLocalDate(),
        null,
        false,
        false);
  }

  @Test
  void aNoteIsWrittenWholeAsSoonAsItsPeriodIsOver() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("January block"), false);
    assertThat(Files.exists(out.resolve("Team/Team 2024-01.md"))).as("still open").isFalse();
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("February block"), false);
    String january = Tgmd.read(out.resolve("Team/Team 2024-01.md"));
    assertThat(january).contains("messages: 1").endsWith("January block\n");
    assertThat(Files.exists(out.resolve("Team/Team 2024-02.md"))).isFalse();
    ChatSummary s = w.finish(RunStatus.COMPLETED);
    assertThat(s.notes()).isEqualTo(3);
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-02.md")))
        .contains("messages: 1")
        .endsWith("February block\n");
  }

  @Test
  void aLateMessageRewritesItsNoteWithEverythingInOrder() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("first"), false);
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("second"), false);
    w.append(work(3, LocalDateTime.of(2024, 1, 31, 23, 0)), utf8("late"), false);
    w.finish(RunStatus.COMPLETED);
    String january = Tgmd.read(out.resolve("Team/Team 2024-01.md"));
    assertThat(january).contains("messages: 2").contains("last_message: 2024-01-31T23:00:00");
    assertThat(january.indexOf("first")).isLessThan(january.indexOf("late"));
    assertThat(january).endsWith("late\n");
    assertThat(Tgmd.read(out.resolve("Team/Team.md"))).contains("2024-01|2024-01]] · 2 messages");
  }

  @Test
  void bodiesTooLargeForMemoryGoToAWorkFileAndComeBackWhole() throws Exception {
    ChatWriter w = writer(100);
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      String block = "block " + i + " " + "x".repeat(40);
      w.append(work(i, LocalDateTime.of(2024, 3, 1, 10, i)), utf8(block), false);
    }
    try (Stream<Path> spilled = Files.list(work)) {
      assertThat(spilled.count()).as("a body was spilled").isPositive();
    }
    w.finish(RunStatus.COMPLETED);
    String march = Tgmd.read(out.resolve("Team/Team 2024-03.md"));
    for (int i = 1; i <= 20; i++) {
      assertThat(march).contains("block " + i + " ");
    }
    assertThat(march).contains("messages: 20");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("work files removed").isEmpty();
    }
  }

  @Test
  void anInterruptedChatsOpenNotesSayPartialAndAFailedChatsAreDiscarded() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("one"), false);
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("two"), false);
    w.finish(RunStatus.INTERRUPTED);
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-01.md"))).doesNotContain("partial");
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-02.md"))).contains("partial: true");

    Path other = Files.createDirectories(tmp.resolve("other"));
    OutputFolder otherFolder = OutputFolder.open(other);
    ChatWriter f =
        new ChatWriter(
            chat,
            otherFolder,
            otherFolder.createWorkFolder(),
            1,
            new NoteFormat(Flavor.OBSIDIAN),
            Split.MONTH,
            new MediaStore(otherFolder, "Team", null, MetricsCollector.noop().cache("x"), 0, 0),
            Vault.none(),
            clock);
    f.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("one"), false);
    f.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("two"), false);
    f.abort();
    otherFolder.close();
    assertThat(Tgmd.notes(other))
        .as("the finished period stays, the open one goes")
        .containsExactly("Team/Team 2024-01.md");
  }

  @Test
  void aFailedChatCountsTheNotesItLeavesOnDisk() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("one"), false);
    w.append(work(2, LocalDateTime.of(2024, 1, 6, 10, 0)), utf8("two"), true);
    w.append(work(3, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("three"), false);
    w.append(work(4, LocalDateTime.of(2024, 3, 5, 10, 0)), utf8("four"), false);
    w.append(work(5, LocalDateTime.of(2024, 1, 7, 10, 0)), utf8("late, never written"), false);
    ChatSummary s = w.abort();

    // March was written when the late message went back to January; January's rewrite never was
    assertThat(Tgmd.notes(out))
        .containsExactlyInAnyOrder(
            "Team/Team 2024-01.md", "Team/Team 2024-02.md", "Team/Team 2024-03.md");
    assertThat(s.status()).isEqualTo(RunStatus.FAILED);
    assertThat(s.notes()).isEqualTo(3);
    assertThat(s.messages()).as("January as written (2), February (1), March (1)").isEqualTo(4);
    assertThat(s.failed()).isEqualTo(1);
    long onDisk = sizeOfNotes(out);
    assertThat(s.bytesWritten()).isEqualTo(onDisk);
  }

  @Test
  void aNoteWrittenTwiceCountsOnceWithItsSizeOnDisk() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("first"), false);
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), utf8("second"), false);
    w.append(work(3, LocalDateTime.of(2024, 1, 31, 23, 0)), utf8("late"), false);
    ChatSummary s = w.finish(RunStatus.COMPLETED);
    long onDisk = sizeOfNotes(out);
    assertThat(s.notes()).isEqualTo(3);
    assertThat(s.messages()).isEqualTo(3);
    assertThat(s.bytesWritten()).isEqualTo(onDisk);
  }

  @Test
  void aChatsDurationEndsAfterItsLastWrite() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_BYTES);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), utf8("one"), false);
    long beforeFinish = nanos.get();
    ChatSummary s = w.finish(RunStatus.COMPLETED);
    long started = 1_000_000; // the clock's first reading, when the writer was made
    assertThat(started + s.durationNanos())
        .as("ends after the note and the index were written")
        .isGreaterThan(beforeFinish);
    assertThat(started + s.durationNanos()).isEqualTo(nanos.get());
  }

  @Test
  void aLateMessageIntoALargeWrittenNoteKeepsMemoryBoundedAndGivesTheBytesOfInOrderInput()
      throws Exception {
    long bound = 2_000;
    String block = "a block of text that is long enough " + "y".repeat(30);
    ChatWriter late = writer(bound);
    for (int i = 1; i <= 3_000; i++) {
      late.append(work(i, LocalDateTime.of(2024, 1, 1 + i / 200, 10, 0)), utf8(block + i), false);
    }
    late.append(work(5_000, LocalDateTime.of(2024, 2, 1, 10, 0)), utf8("february"), false);
    long january = Files.size(out.resolve("Team/Team 2024-01.md"));
    assertThat(january).as("a large written note").isGreaterThan(200_000);
    late.append(
        work(5_001, LocalDateTime.of(2024, 1, 31, 10, 0)), utf8("late into january"), false);
    late.append(work(5_002, LocalDateTime.of(2024, 1, 31, 11, 0)), utf8("and another"), false);
    late.finish(RunStatus.COMPLETED);
    assertThat(late.peakBytesInMemory())
        .as("bytes held in memory at most")
        .isLessThanOrEqualTo(bound + block.length() + 100);
    java.util.Map<String, String> lateNotes = Tgmd.exported(out);

    Path inOrderOut = Files.createDirectories(tmp.resolve("in-order"));
    OutputFolder inOrderFolder = OutputFolder.open(inOrderOut);
    ChatWriter inOrder =
        new ChatWriter(
            chat,
            inOrderFolder,
            inOrderFolder.createWorkFolder(),
            0,
            new NoteFormat(Flavor.OBSIDIAN),
            Split.MONTH,
            new MediaStore(inOrderFolder, "Team", null, MetricsCollector.noop().cache("x"), 0, 0),
            Vault.none(),
            clock,
            bound);
    for (int i = 1; i <= 3_000; i++) {
      inOrder.append(
          work(i, LocalDateTime.of(2024, 1, 1 + i / 200, 10, 0)), utf8(block + i), false);
    }
    inOrder.append(
        work(5_001, LocalDateTime.of(2024, 1, 31, 10, 0)), utf8("late into january"), false);
    inOrder.append(work(5_002, LocalDateTime.of(2024, 1, 31, 11, 0)), utf8("and another"), false);
    inOrder.append(work(5_000, LocalDateTime.of(2024, 2, 1, 10, 0)), utf8("february"), false);
    inOrder.finish(RunStatus.COMPLETED);
    inOrderFolder.close();
    java.util.Map<String, String> inOrderNotes = Tgmd.exported(inOrderOut);
    inOrderNotes.keySet().removeIf(k -> k.startsWith(".tgmd-work-"));
    lateNotes.keySet().removeIf(k -> k.startsWith(".tgmd-work-"));
    assertThat(lateNotes).isEqualTo(inOrderNotes);
    assertThat(lateNotes.get("Team/Team 2024-01.md"))
        .contains("messages: 3002")
        .endsWith("and another\n");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("work files removed").isEmpty();
    }
  }
}
