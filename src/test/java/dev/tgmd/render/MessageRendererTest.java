package dev.tgmd.render;

import static dev.tgmd.testing.MessageBuilder.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.media.MediaLink;
import dev.tgmd.source.Attachment;
import dev.tgmd.source.Button;
import dev.tgmd.source.FileRef;
import dev.tgmd.source.Message;
import dev.tgmd.source.Reaction;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import dev.tgmd.testing.CommonMark;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

  private static final LocalDateTime T = LocalDateTime.of(2024, 3, 16, 19, 23);
  private final MessageRenderer obsidian = new MessageRenderer(Flavor.OBSIDIAN);
  private final MessageRenderer commonmark = new MessageRenderer(Flavor.COMMONMARK);

  private static MessageView view(Message m) {
    return view(m, null);
  }

  private static MessageView view(Message m, ReplyTarget reply) {
    return new MessageView(m, "m" + m.id(), T, reply, null);
  }

  private static String block(MessageRenderer r, MessageView v, MediaLink... links) {
    return inside(r.assemble(r.render(v), List.of(links), "./"));
  }

  /**
   * What a message's block holds: the quote's inside, without its "> " marks and the block id line
   * after it; a line (a service message) as it is.
   */
  static String inside(String block) {
    String b = block.replaceFirst("\n\n\\^m[0-9-]+$", "");
    if (!b.startsWith(">")) {
      return b;
    }
    StringBuilder sb = new StringBuilder();
    for (String line : b.split("\n", -1)) {
      sb.append(sb.length() == 0 ? "" : "\n")
          .append(line.startsWith("> ") ? line.substring(2) : line.substring(1));
    }
    return sb.toString();
  }

  @Test
  void aMessageIsOneQuoteItsBlockIdMarksWhole() {
    Message m = message(12).text("Hello\n\nworld").build();
    assertThat(obsidian.assemble(obsidian.render(view(m)), List.of(), "./"))
        .isEqualTo("> **Alice** · 19:23\n>\n> Hello\n>\n> world\n\n^m12");
    assertThat(commonmark.assemble(commonmark.render(view(m)), List.of(), "./"))
        .isEqualTo("> <a id=\"m12\"></a>**Alice** · 19:23\n>\n> Hello\n>\n> world");
  }

  @Test
  void aFollowUpInARunNamesItsSenderPlainlySoAnEmbedStillSaysWhoWroteIt() {
    Message m = message(13).text("and more").build();
    MessageView v = new MessageView(m, "m13", T, null, null, true);
    assertThat(block(obsidian, v)).isEqualTo("Alice · 19:23\n\nand more");
  }

  @Test
  void rightToLeftNamesAreIsolatedSoTheHeaderKeepsItsOrder() {
    Message m = message(14).from("ليلى حداد").text("مرحبا").build();
    assertThat(block(obsidian, view(m))).startsWith("\u2068**ليلى حداد**\u2069 · 19:23\n\n");
    assertThat(block(obsidian, view(message(15).text("x").build()))).startsWith("**Alice** · ");
  }

  @Test
  void aPlainMessageHasAHeaderWithSenderTimeAndAnchor() {
    Message m = message(12).text("Hello *world*").build();
    assertThat(block(obsidian, view(m))).isEqualTo("**Alice** · 19:23\n\nHello \\*world\\*");
    assertThat(block(commonmark, view(m)))
        .isEqualTo("<a id=\"m12\"></a>**Alice** · 19:23\n\nHello \\*world\\*");
  }

  @Test
  void editedForwardedSavedAndViaBotAreSaid() {
    Message m =
        message(3)
            .author("Ed")
            .edited()
            .viaBot("@gif")
            .forwardedFrom("Carol")
            .savedFrom("Dan")
            .text("x")
            .build();
    assertThat(block(obsidian, view(m)))
        .isEqualTo(
            "**Alice** · ✍️ Ed · 19:23 · edited · via @gif  \n↪️ Forwarded from Carol  \n💾 Saved from Dan\n\nx");
    Message hidden = message(4).forwardedFrom(null).text("y").build();
    assertThat(block(obsidian, view(hidden))).contains("↪️ Forwarded (the sender is hidden)");
  }

  @Test
  void repliesLinkToTheTargetsAnchorWithASnippet() {
    Message m = message(5).replyTo(2).text("yes").build();
    ReplyTarget target =
        new ReplyTarget.Linked("./Team 2024-02", "m2", "Bob", Snippet.ofText("are you [coming]?"));
    assertThat(block(obsidian, view(m, target)))
        .isEqualTo(
            "**Alice** · 19:23  \n↩️ Reply to [[./Team 2024-02#^m2|Bob: are you (coming)?]]\n\nyes");
    assertThat(block(commonmark, view(m, target)))
        .isEqualTo(
            "<a id=\"m5\"></a>**Alice** · 19:23  \n↩️ Reply to [Bob: are you \\[coming\\]?](<./Team 2024-02.md#m2>)\n\nyes");
    ReplyTarget sameNote = new ReplyTarget.Linked("", "m2", "Bob", Snippet.ofText("hi"));
    assertThat(block(commonmark, view(m, sameNote))).contains("[Bob: hi](<#m2>)");
    assertThat(block(obsidian, view(m, sameNote))).contains("[[#^m2|Bob: hi]]");
  }

  @Test
  void repliesThatCannotBeLinkedSaySo() {
    Message m = message(5).replyTo(2).text("yes").build();
    assertThat(block(obsidian, view(m, new ReplyTarget.NotInExport(2))))
        .contains("↩️ Reply to message 2 (not in this export)");
    assertThat(block(obsidian, view(m, new ReplyTarget.Forgotten(2))))
        .contains("↩️ Reply to message 2 (too far back to link)");
    assertThat(block(obsidian, view(m, new ReplyTarget.OtherChat(2, 77L))))
        .contains("↩️ Reply to message 2 in another chat");
  }

  @Test
  void serviceMessagesReadAsASentence() {
    Message created =
        message(1)
            .service(new ServiceAction.Created("create_group", "Hiking", List.of("Bob", "Carol")))
            .build();
    assertThat(block(obsidian, view(created)))
        .isEqualTo("*19:23 · Alice created the group “Hiking” with Bob, Carol* ^m1");
    Message unknown =
        message(2)
            .service(
                new ServiceAction.Other(
                    "teleport", List.of(new dev.tgmd.source.ExtraField("destination", "Mars"))))
            .build();
    assertThat(block(obsidian, view(unknown)))
        .isEqualTo("*19:23 · Alice: teleport (destination: Mars)* ^m2");
    Message call =
        message(3).service(new ServiceAction.PhoneCall("phone_call", 125, "hangup")).build();
    assertThat(block(commonmark, view(call)))
        .isEqualTo("<a id=\"m3\"></a>*19:23 · Alice called, 2 min 5 s*");
  }

  @Test
  void pollsListTheirAnswers() {
    Message m =
        message(7)
            .attach(
                new Attachment.Poll(
                    List.of(new TextPart.Plain("Where?")),
                    true,
                    3,
                    List.of(
                        new Attachment.PollAnswer(List.of(new TextPart.Plain("1. Paris")), 2, true),
                        new Attachment.PollAnswer(
                            List.of(new TextPart.Styled(TextPart.Style.BOLD, "Rome")), 1, false))))
            .build();
    assertThat(block(obsidian, view(m)))
        .isEqualTo(
            "**Alice** · 19:23\n\n📊 Poll: Where? · 3 votes · closed\n\n- 1\\. Paris — 2 votes ✔️\n- **Rome** — 1 vote");
  }

  @Test
  void placesContactsGamesAndInvoicesAreReadable() {
    Message m =
        message(8)
            .attach(new Attachment.Location(51.5007, -0.1246, 900))
            .attach(new Attachment.Venue(1.0, 2.0, "Café *Nord*", "Main St 1"))
            .attach(new Attachment.Contact("Zoe", "Young", "+1 555", null))
            .attach(new Attachment.Game("Lumberjack", "Chop", "https://t.me/game"))
            .attach(new Attachment.Invoice("Tickets", "Two seats", 1250L, "EUR"))
            .build();
    String b = block(obsidian, view(m));
    assertThat(b)
        .contains(
            "📍 Location: [51.5007, -0.1246](https://www.openstreetmap.org/?mlat=51.5007&mlon=-0.1246#map=16/51.5007/-0.1246) (live for 15 min)");
    assertThat(b).contains("📍 **Café \\*Nord\\*** · Main St 1 · [1, 2](");
    assertThat(b).contains("👤 Contact: Zoe Young · +1 555");
    assertThat(b).contains("🎮 Game: **Lumberjack** · Chop · [play](<https://t.me/game>)");
    assertThat(b).contains("🧾 Invoice: **Tickets** · Two seats · 12.50 EUR");
  }

  @Test
  void coordinatesAreRoundedToSixDecimalsHalfUpWithoutTrailingZeros() {
    // what "%.6f" printed, zeros taken off: the notes of earlier runs stay the same
    Message m =
        message(8)
            .attach(new Attachment.Location(55.7512445, -37.6184, null))
            .attach(new Attachment.Location(-0.0000004, 180.0, null))
            .attach(new Attachment.Location(0.0, 1.0000005, null))
            .build();
    String b = block(obsidian, view(m));
    assertThat(b).contains("[55.751245, -37.6184](");
    assertThat(b).contains("[-0, 180](");
    assertThat(b).contains("[0, 1.000001](");
  }

  @Test
  void reactionsButtonsAndUnknownFieldsAreShown() {
    Message m =
        message(9)
            .text("hi")
            .reaction(new Reaction("emoji", 3, "👍"))
            .reaction(new Reaction("paid", 5, null))
            .buttons(
                new Button("url", "Open", "https://e.com"), new Button("callback", "Vote", "x"))
            .extra("story_link", "{\"id\":9}")
            .build();
    assertThat(block(obsidian, view(m)))
        .isEqualTo(
            "**Alice** · 19:23\n\nhi\n\nReactions: 👍 3 · ⭐ paid 5\n\n"
                + "Buttons: [Open](<https://e.com>) · Vote\n\nOther fields: story link: {\"id\":9}");
  }

  @Test
  void filesAreEmbeddedLinkedOrExplained() {
    Attachment photo = new Attachment.Photo(FileRef.of("photos/a.jpg", 10L), 1, 1, false);
    Attachment voice =
        new Attachment.Document(
            FileRef.of("voice_messages/v.ogg", 10L),
            Attachment.DocumentKind.VOICE_MESSAGE,
            null,
            "audio/ogg",
            65,
            null,
            null,
            null,
            null,
            null,
            false);
    Attachment pdf =
        new Attachment.Document(
            FileRef.of("files/r.pdf", 10L),
            Attachment.DocumentKind.FILE,
            "Report [final].pdf",
            "application/pdf",
            null,
            null,
            null,
            null,
            null,
            null,
            false);
    Message m = message(10).attach(photo).attach(voice).attach(pdf).text("caption").build();
    MessageView v = view(m);
    assertThat(
            block(
                obsidian,
                v,
                new MediaLink.Stored("media/photos/a.jpg", 10),
                new MediaLink.Stored("media/voice_messages/v.ogg", 2048),
                new MediaLink.Stored("media/files/r.pdf", 3_500_000)))
        .isEqualTo(
            "**Alice** · 19:23\n\n![[./media/photos/a.jpg|1]]\n\n🎤 Voice message · 1:05  \n"
                + "![[./media/voice_messages/v.ogg]]\n\n📎 [[./media/files/r.pdf|Report (final).pdf]] · 3.3 MiB\n\ncaption");
    assertThat(
            block(
                commonmark,
                v,
                new MediaLink.Stored("media/photos/a.jpg", 10),
                new MediaLink.Missing("voice_messages/v.ogg"),
                new MediaLink.Refused("../../x.pdf", "it leads outside the export folder")))
        .isEqualTo(
            "<a id=\"m10\"></a>**Alice** · 19:23\n\n![photo](<./media/photos/a.jpg>)\n\n"
                + "⚠️ Voice message missing from the export: voice_messages/v.ogg\n\n"
                + "⚠️ File not copied: it leads outside the export folder (../../x.pdf)\n\ncaption");
    Message placeholder =
        message(11)
            .attach(
                new Attachment.Photo(
                    FileRef.of(
                        "(Photo exceeds maximum size. Change data exporting settings to download.)",
                        null),
                    null,
                    null,
                    false))
            .build();
    assertThat(
            block(
                obsidian,
                view(placeholder),
                new MediaLink.Placeholder(
                    "(Photo exceeds maximum size. Change data exporting settings to download.)")))
        .endsWith("🖼️ Photo not included in the export (it exceeds the export's size limit)");
  }

  @Test
  void theTextAlwaysStandsInBlocksOfItsOwn() {
    Message m = message(13).replyTo(1).text("# not a heading\n> not a quote").build();
    String b = block(obsidian, view(m, new ReplyTarget.NotInExport(1)));
    String text = MarkdownText.render(m.text());
    assertThat(b).endsWith("\n\n" + text);
    assertThat(CommonMark.foldedText(text)).isEqualTo("# not a heading > not a quote");
  }

  @Test
  void aFailedMessageKeepsItsHeaderAndSaysWhy() {
    Message m = message(14).text("x").build();
    assertThat(obsidian.failed(view(m), new IllegalStateException("boom")))
        .isEqualTo(
            "> **Alice** · 19:23\n>\n> ⚠️ This message could not be rendered (IllegalStateException: boom).\n\n^m14");
  }

  @Test
  void snippetsFoldWhitespaceAndStayShort() {
    assertThat(MessageRenderer.snippet(message(1).text("a\n\n b   c").build())).isEqualTo("a b c");
    assertThat(MessageRenderer.snippet(message(1).text("x".repeat(100)).build()))
        .hasSize(60)
        .endsWith("…");
  }
}
