package dev.tgmd.export;

import static dev.tgmd.testing.MessageBuilder.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.Split;
import dev.tgmd.media.MediaStore;
import dev.tgmd.metrics.MetricsCollector;
import dev.tgmd.render.Flavor;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.NoteFormat;
import dev.tgmd.source.Chat;
import dev.tgmd.source.Message;
import dev.tgmd.testing.Tgmd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatWriterTest {

  @TempDir Path tmp;
  Path out;
  Path work;
  ChatLayout layout;
  Work.ChatInfo chat;

  @BeforeEach
  void setUp() throws Exception {
    out = Files.createDirectories(tmp.resolve("out"));
    work = Files.createDirectories(tmp.resolve("work"));
    layout = new ChatLayout("Team", Split.MONTH);
    chat = new Work.ChatInfo(new Chat(1, "Team", "private_group", false), "Team", "Team");
  }

  private ChatWriter writer(long memoryChars) {
    return new ChatWriter(chat, out, work, 0, new NoteFormat(Flavor.OBSIDIAN), Split.MONTH,
        new MediaStore(out.resolve("Team"), MetricsCollector.noop().cache("x"), 0, 0), 0, memoryChars);
  }

  private Work work(long id, LocalDateTime time) {
    Message m = message(id).at(time).text("message " + id).build();
    return new Work(chat, new MessageView(m, "m" + id, time, null, null), layout.note(0, time.toLocalDate()),
        time.toLocalDate(), null, false, false);
  }

  @Test
  void aNoteIsWrittenWholeAsSoonAsItsPeriodIsOver() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_CHARS);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), "January block", false);
    assertThat(Files.exists(out.resolve("Team/Team 2024-01.md"))).as("still open").isFalse();
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), "February block", false);
    String january = Tgmd.read(out.resolve("Team/Team 2024-01.md"));
    assertThat(january).contains("messages: 1").endsWith("January block\n");
    assertThat(Files.exists(out.resolve("Team/Team 2024-02.md"))).isFalse();
    ChatSummary s = w.finish("completed", 0);
    assertThat(s.notes()).isEqualTo(3);
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-02.md"))).contains("messages: 1").endsWith("February block\n");
  }

  @Test
  void aLateMessageRewritesItsNoteWithEverythingInOrder() throws Exception {
    ChatWriter w = writer(ChatWriter.MEMORY_CHARS);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), "first", false);
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), "second", false);
    w.append(work(3, LocalDateTime.of(2024, 1, 31, 23, 0)), "late", false);
    w.finish("completed", 0);
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
      w.append(work(i, LocalDateTime.of(2024, 3, 1, 10, i)), block, false);
    }
    try (Stream<Path> spilled = Files.list(work)) {
      assertThat(spilled.count()).as("a body was spilled").isPositive();
    }
    w.finish("completed", 0);
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
    ChatWriter w = writer(ChatWriter.MEMORY_CHARS);
    w.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), "one", false);
    w.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), "two", false);
    w.finish("interrupted", 0);
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-01.md"))).doesNotContain("partial");
    assertThat(Tgmd.read(out.resolve("Team/Team 2024-02.md"))).contains("partial: true");

    Path other = Files.createDirectories(tmp.resolve("other"));
    ChatWriter f = new ChatWriter(chat, other, work, 1, new NoteFormat(Flavor.OBSIDIAN), Split.MONTH,
        new MediaStore(other.resolve("Team"), MetricsCollector.noop().cache("x"), 0, 0), 0);
    f.append(work(1, LocalDateTime.of(2024, 1, 5, 10, 0)), "one", false);
    f.append(work(2, LocalDateTime.of(2024, 2, 5, 10, 0)), "two", false);
    f.abort();
    assertThat(Tgmd.notes(other)).as("the finished period stays, the open one goes").containsExactly("Team/Team 2024-01.md");
  }

  @Test
  void aLateMessageIntoALargeWrittenNoteKeepsMemoryBoundedAndGivesTheBytesOfInOrderInput() throws Exception {
    long bound = 2_000;
    String block = "a block of text that is long enough " + "y".repeat(30);
    ChatWriter late = writer(bound);
    for (int i = 1; i <= 3_000; i++) {
      late.append(work(i, LocalDateTime.of(2024, 1, 1 + i / 200, 10, 0)), block + i, false);
    }
    late.append(work(5_000, LocalDateTime.of(2024, 2, 1, 10, 0)), "february", false);
    long january = Files.size(out.resolve("Team/Team 2024-01.md"));
    assertThat(january).as("a large written note").isGreaterThan(200_000);
    late.append(work(5_001, LocalDateTime.of(2024, 1, 31, 10, 0)), "late into january", false);
    late.append(work(5_002, LocalDateTime.of(2024, 1, 31, 11, 0)), "and another", false);
    late.finish("completed", 0);
    assertThat(late.peakCharsInMemory()).as("chars held in memory at most").isLessThanOrEqualTo(bound + block.length() + 100);
    java.util.Map<String, String> lateNotes = Tgmd.exported(out);

    Path inOrderOut = Files.createDirectories(tmp.resolve("in-order"));
    Path before = out;
    out = inOrderOut;
    ChatWriter inOrder = writer(bound);
    for (int i = 1; i <= 3_000; i++) {
      inOrder.append(work(i, LocalDateTime.of(2024, 1, 1 + i / 200, 10, 0)), block + i, false);
    }
    inOrder.append(work(5_001, LocalDateTime.of(2024, 1, 31, 10, 0)), "late into january", false);
    inOrder.append(work(5_002, LocalDateTime.of(2024, 1, 31, 11, 0)), "and another", false);
    inOrder.append(work(5_000, LocalDateTime.of(2024, 2, 1, 10, 0)), "february", false);
    inOrder.finish("completed", 0);
    out = before;
    assertThat(lateNotes).isEqualTo(Tgmd.exported(inOrderOut));
    assertThat(lateNotes.get("Team/Team 2024-01.md")).contains("messages: 3002").endsWith("and another\n");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("work files removed").isEmpty();
    }
  }
}
