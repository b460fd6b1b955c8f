package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.testing.CommonMark;
import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes read well in Obsidian: each message is one block its id marks whole, runs of one sender
 * read as one, runs of joins fold into a line, and details are in words.
 */
class ReadableNotesTest {

  private static final Path DEMO = Path.of("examples", "demo-export");

  @TempDir Path tmp;

  private Path exportDemo() {
    Path out = tmp.resolve("out");
    Tgmd.export(DEMO, out, "--no-metrics");
    return out;
  }

  /**
   * The block Obsidian gives a block id to: a paragraph that is the id alone belongs to the block
   * before it; one that ends with " ^id" is the block itself.
   */
  static Node blockWithId(Node document, String id) {
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof Paragraph)) {
        continue;
      }
      String text = CommonMark.text(n).strip();
      if (text.equals("^" + id)) {
        assertThat(n.getPrevious()).as("the block before ^%s", id).isNotNull();
        return n.getPrevious();
      }
      if (text.endsWith(" ^" + id)) {
        return n;
      }
    }
    throw new AssertionError("no block has the id ^" + id);
  }

  @Test
  void theBlockOfAMessageIdHoldsItsSenderTimeAndText() throws Exception {
    Path out = exportDemo();
    Node doc = CommonMark.parse(Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-03.md")));
    Node m5 = blockWithId(doc, "m5");
    assertThat(m5).isInstanceOf(BlockQuote.class);
    assertThat(CommonMark.text(m5))
        .contains("Alex Quill")
        .contains("16:30")
        .contains("Packing list v2")
        .contains("Reactions: 👍 4");
    Node photo =
        blockWithId(
            CommonMark.parse(Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-03.md"))),
            "m-999994689");
    assertThat(CommonMark.text(photo)).contains("Robin Fernwood").contains("15:02");
    assertThat(CommonMark.text(photo))
        .as("the media are inside the block")
        .contains("![[./media/photos/photo_1@05-03-2024_18-02-11.jpg|");
  }

  @Test
  void everyBlockIdOfTheDemoMarksAQuoteOrAWholeLine() throws Exception {
    Path out = exportDemo();
    int ids = 0;
    for (String note : Tgmd.notes(out)) {
      String text = Files.readString(out.resolve(note), StandardCharsets.UTF_8);
      Node doc = CommonMark.parse(text);
      for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Paragraph && CommonMark.text(n).strip().matches("\\^m[0-9-]+")) {
          assertThat(n.getPrevious())
              .as("%s: %s", note, CommonMark.text(n))
              .isInstanceOf(BlockQuote.class);
          assertThat(text).as(note).contains("\n\n" + CommonMark.text(n).strip() + "\n");
          ids++;
        }
      }
    }
    assertThat(ids).isGreaterThan(60);
  }

  @Test
  void detailsAreInWordsAndRightToLeftNamesStayInTheirPlace() throws Exception {
    Path out = exportDemo();
    String robin = Tgmd.read(out.resolve("Robin Fernwood/Robin Fernwood 2024-05.md"));
    assertThat(robin)
        .contains("Robin Fernwood sent a gift (50 stars): “Happy trail birthday! 🎂”")
        .doesNotContain("gift id");
    String april = Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-04.md"));
    assertThat(april).contains("started a video chat (21 min)").doesNotContain("duration: 1260");
    String march = Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-03.md"));
    assertThat(march)
        .contains("> \u2068**ليلى حداد**\u2069 · 08:02\n")
        .contains("Alex Quill added \u2068ليلى حداد\u2069, Jonas Berg")
        .contains("<details><summary></summary>surprise snack</details>")
        .contains("\\#mistyridge")
        .doesNotContain(" #mistyridge");
    String saved = Tgmd.read(out.resolve("Saved Messages/Saved Messages 2024-04.md"));
    assertThat(saved).contains("> > [!spoiler]- Spoiler: photo, hidden until you open it\n> > ![[");
  }

  private static String message(long id, String time, String from, String text) {
    return String.format(
        "{\"id\": %d, \"type\": \"message\", \"date\": \"2024-03-01T%s:00\", \"from\": \"%s\","
            + " \"from_id\": \"user%s\", \"text\": \"%s\"}",
        id, time, from, from, text);
  }

  private static String join(long id, String time, String who) {
    return String.format(
        "{\"id\": %d, \"type\": \"service\", \"date\": \"2024-03-01T%s:00\", \"actor\": \"%s\","
            + " \"actor_id\": \"user%s\", \"action\": \"join_group_by_link\", \"inviter\": \"Ann\","
            + " \"text\": \"\"}",
        id, time, who, who);
  }

  @Test
  void aRunOfOneSenderHasOneHeaderAndARunOfJoinsIsOneLine() throws Exception {
    List<String> messages = new ArrayList<>();
    messages.add(message(1, "10:00", "Ann", "first"));
    messages.add(message(2, "10:04", "Ann", "second, soon after"));
    messages.add(message(3, "10:20", "Ann", "much later"));
    messages.add(message(4, "10:21", "Bob", "another sender"));
    for (int i = 0; i < 28; i++) {
      messages.add(join(10 + i, String.format("11:%02d", i), "Joiner" + i));
    }
    messages.add(
        "{\"id\": 40, \"type\": \"message\", \"date\": \"2024-03-01T12:00:00\", \"from\": \"Ann\","
            + " \"from_id\": \"userAnn\", \"reply_to_message_id\": 15, \"text\": \"welcome\"}");
    Path input = tmp.resolve("export");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("result.json"),
        "{\"name\": \"Club\", \"type\": \"private_supergroup\", \"id\": 77, \"messages\": ["
            + String.join(",\n", messages)
            + "]}",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("club");
    Tgmd.export(input, out, "--no-metrics");
    String note = Tgmd.read(out.resolve("Club/Club 2024-03.md"));
    assertThat(note)
        .contains(
            "> **Ann** · 10:00\n>\n> first\n\n^m1\n\n> Ann · 10:04\n>\n> second, soon after\n\n^m2")
        .contains("> **Ann** · 10:20\n")
        .contains("> **Bob** · 10:21\n")
        .contains("*11:00–11:27 · Joiner0, Joiner1 and 26 others joined the group* ^m10\n")
        .doesNotContain("^m15")
        .contains("↩️ Reply to [[#^m10|Joiner5 joined the group");
    assertThat(note.lines().filter(l -> l.endsWith("joined the group* ^m10"))).hasSize(1);
    assertThat(note.lines().filter(l -> l.startsWith("*11:"))).hasSize(1);
    assertThat(note).contains("messages: 33");
  }

  private static final java.util.regex.Pattern WIKILINK =
      java.util.regex.Pattern.compile("!?\\[\\[([^\\]|#]+)(#[^\\]|]*)?(\\|[^\\]]*)?\\]\\]");

  /** Every wikilink and embed of every note under {@code out}, each resolved to a file. */
  private static int resolveEveryLink(Path out) throws Exception {
    int links = 0;
    for (String note : Tgmd.notes(out)) {
      Path file = out.resolve(note);
      java.util.regex.Matcher m = WIKILINK.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        String target = m.group(1);
        Path resolved = file.getParent().resolve(target).normalize();
        if (!Files.isRegularFile(resolved)) {
          resolved = file.getParent().resolve(target + ".md").normalize();
        }
        assertThat(resolved).as("%s links to %s", note, m.group()).isRegularFile();
        assertThat(resolved.startsWith(out)).isTrue();
        links++;
      }
    }
    return links;
  }

  @Test
  void everyPeriodNoteLinksToItsNeighboursAndItsIndexAndTheTopNoteListsEveryChat()
      throws Exception {
    Path out = exportDemo();
    assertThat(resolveEveryLink(out)).isGreaterThan(100);
    String march = Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-03.md"));
    assertThat(march)
        .contains(
            "\n[[./Lantern Hikers|Lantern Hikers]] · [[./Lantern Hikers 2024-04|2024-04]] →\n");
    String april = Tgmd.read(out.resolve("Lantern Hikers/Lantern Hikers 2024-04.md"));
    assertThat(april)
        .contains(
            "\n← [[./Lantern Hikers 2024-03|2024-03]] · [[./Lantern Hikers|Lantern Hikers]] ·"
                + " [[./Lantern Hikers 2024-05|2024-05]] →\n");
    String topic =
        Tgmd.read(
            out.resolve(
                "Trailhead Commons/Route ideas/Trailhead Commons - Route ideas 2024-06.md"));
    assertThat(topic)
        .contains(
            "\n← [[./Trailhead Commons - Route ideas 2024-04|2024-04]] ·"
                + " [[../Trailhead Commons|Trailhead Commons · Route ideas]]\n");
    String top = Tgmd.read(out.resolve("Telegram chats.md"));
    assertThat(top.lines().filter(l -> l.startsWith("- [[./"))).hasSize(6);
    assertThat(top)
        .contains(
            "- [[./Lantern Hikers/Lantern Hikers|Lantern Hikers]] · Private supergroup · 38"
                + " messages · 2024-03-02 to 2024-06-20\n");

    // one chat exported again: the others, untouched or not in this export, are still listed
    Tgmd.export(DEMO, out, "--no-metrics", "--chat", "Robin Fernwood");
    assertThat(Tgmd.read(out.resolve("Telegram chats.md"))).isEqualTo(top);
    assertThat(resolveEveryLink(out)).isGreaterThan(100);
  }

  @Test
  void anOutOfOrderPeriodIsLinkedFromTheNotesWrittenBeforeIt() throws Exception {
    Path input = tmp.resolve("late");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("result.json"),
        "{\"name\": \"Late\", \"type\": \"personal_chat\", \"id\": 5, \"messages\": ["
            + message(1, "10:00", "Ann", "march").replace("2024-03-01", "2024-03-01")
            + ","
            + message(2, "10:00", "Ann", "may").replace("2024-03-01", "2024-05-01")
            + ","
            + message(3, "10:00", "Ann", "april, late").replace("2024-03-01", "2024-04-01")
            + "]}",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("late-out");
    Tgmd.export(input, out, "--no-metrics");
    assertThat(Tgmd.read(out.resolve("Late/Late 2024-03.md")))
        .contains("[[./Late 2024-04|2024-04]] →");
    assertThat(Tgmd.read(out.resolve("Late/Late 2024-05.md")))
        .contains("← [[./Late 2024-04|2024-04]]");
    resolveEveryLink(out);
  }
}
