package dev.tgmd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.render.MarkdownText;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Checks the promise of the notes: read back by a CommonMark parser, in the note where it stands,
 * every message's text comes out exactly as Telegram had it (whitespace folded).
 */
public final class NoteRoundTrip {

  private NoteRoundTrip() {}

  /** A note, parsed once: its text and its top-level blocks with their lines. */
  private static final class ParsedNote {
    final String text;
    final int[] lineStarts;
    final List<int[]> blockLines = new ArrayList<>();
    final List<Node> blocks = new ArrayList<>();

    ParsedNote(String text) {
      this.text = text;
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
      Node doc = CommonMark.parse(text);
      for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
        List<SourceSpan> spans = block.getSourceSpans();
        blockLines.add(
            new int[] {spans.get(0).getLineIndex(), spans.get(spans.size() - 1).getLineIndex()});
        blocks.add(block);
      }
    }

    int lineOf(int offset) {
      int i = java.util.Arrays.binarySearch(lineStarts, offset);
      return i >= 0 ? i : -i - 2;
    }
  }

  /**
   * Reads the export, finds each message with text in the notes under {@code chatFolder} (Obsidian
   * flavor), and checks its text; returns how many messages were checked.
   */
  public static int check(Path export, Path chatFolder) throws Exception {
    return check(export, chatFolder, null);
  }

  /**
   * Checks every chat of an export written to {@code out} (each chat folder's index note names its
   * chat's id); returns how many messages were checked.
   */
  public static int checkAll(Path export, Path out) throws Exception {
    int checked = 0;
    List<Path> folders;
    try (Stream<Path> list = Files.list(out)) {
      // chat folders never start with a dot; .tgmd is tgmd's own
      folders =
          list.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .collect(Collectors.toList());
    }
    for (Path folder : folders) {
      String index = Files.readString(folder.resolve(folder.getFileName() + ".md"));
      java.util.regex.Matcher id =
          java.util.regex.Pattern.compile("(?m)^chat_id: (-?\\d+)$").matcher(index);
      if (!id.find()) {
        throw new AssertionError("no chat_id in the index note of " + folder);
      }
      checked += check(export, folder, Long.parseLong(id.group(1)));
    }
    return checked;
  }

  /**
   * As {@link #check(Path, Path)}, for the messages of the chat with that id (null: every chat).
   */
  public static int check(Path export, Path chatFolder, Long chatId) throws Exception {
    List<ParsedNote> notes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(chatFolder)) {
      for (Path p :
          walk.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
        notes.add(new ParsedNote(Files.readString(p)));
      }
    }
    int checked = 0;
    try (ExportReader reader = ExportReader.open(export)) {
      ExportEvent e;
      while ((e = reader.next()) != null) {
        if (!(e instanceof ExportEvent.MessageRead)) {
          continue;
        }
        Message m = ((ExportEvent.MessageRead) e).message();
        if (m.plainText().isBlank() || (chatId != null && e.chat().id() != chatId)) {
          continue;
        }
        checkMessage(m, notes);
        checked++;
      }
    }
    return checked;
  }

  private static void checkMessage(Message m, List<ParsedNote> notes) {
    String idLine = "\n\n^m" + m.id() + "\n";
    String rendered = MarkdownText.render(m.text());
    String expected =
        CommonMark.fold(
            m.plainText().replace('\0', '\uFFFD').replace("\r\n", "\n").replace('\r', '\n'));
    for (ParsedNote outer : notes) {
      int at = outer.text.indexOf(idLine);
      if (at < 0) {
        continue;
      }
      // the message is the quote right before its block id: read it without its "> " marks
      ParsedNote note = new ParsedNote(quoteBefore(outer.text, at, m.id()));
      int start = note.text.indexOf("\n\n" + rendered);
      assertThat(start)
          .as("message %d's text stands in its quote as rendered:%n%s", m.id(), rendered)
          .isPositive();
      start += 2;
      int end = start + rendered.length();
      assertThat(end == note.text.length() || note.text.startsWith("\n\n", end))
          .as("message %d's text ends its block", m.id())
          .isTrue();
      int firstLine = note.lineOf(start);
      int lastLine = note.lineOf(end - 1);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < note.blocks.size(); i++) {
        int from = note.blockLines.get(i)[0];
        int to = note.blockLines.get(i)[1];
        boolean inside = from >= firstLine && to <= lastLine;
        boolean outside = to < firstLine || from > lastLine;
        assertThat(inside || outside)
            .as("no block of message %d's text runs into its neighbours", m.id())
            .isTrue();
        if (inside) {
          text.append(CommonMark.text(note.blocks.get(i))).append('\n');
        }
      }
      assertThat(CommonMark.fold(text.toString()))
          .as("message %d read back from its note", m.id())
          .isEqualTo(expected);
      return;
    }
    throw new AssertionError("message " + m.id() + " is in no note");
  }

  /**
   * The inside of the quote that ends right before {@code at} (the blank line before a block id):
   * its lines without their {@code "> "} or {@code ">"} marks.
   */
  private static String quoteBefore(String text, int at, long id) {
    List<String> lines = new ArrayList<>();
    int end = at;
    while (end > 0) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end);
      if (!line.startsWith(">")) {
        break;
      }
      lines.add(0, line.startsWith("> ") ? line.substring(2) : line.substring(1));
      end = start - 1;
    }
    assertThat(lines).as("message %d is a quote before its block id", id).isNotEmpty();
    return String.join("\n", lines);
  }
}
