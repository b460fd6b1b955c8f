package dev.tgmd.render;

import static dev.tgmd.testing.MessageBuilder.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.media.MediaLink;
import dev.tgmd.source.Attachment;
import dev.tgmd.source.Message;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import dev.tgmd.testing.ContentExamples;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every permitted subclass of every sealed type the renderer takes in renders as something: a new
 * kind added to the model and not to the renderer fails here (the renderer throws on a kind it does
 * not know, and {@link ContentExamples} refuses a kind without an example).
 */
class EveryKindOfContentIsRenderedTest {

  private static final LocalDateTime T = LocalDateTime.of(2024, 3, 16, 19, 23);

  private static List<MessageRenderer> renderers() {
    List<MessageRenderer> all = new ArrayList<>();
    for (Flavor f : Flavor.values()) {
      all.add(new MessageRenderer(f));
    }
    return all;
  }

  private static MessageView view(Message m, ReplyTarget reply, ReplyTarget pinned) {
    return new MessageView(m, "m" + m.id(), T, reply, pinned);
  }

  /** The block of a message without its header, each file given {@code link}. */
  private static String belowHeader(MessageRenderer r, Message m, MediaLink link) {
    RenderedMessage rendered = r.render(view(m, null, null));
    String block =
        MessageRendererTest.inside(
            r.assemble(rendered, Collections.nCopies(rendered.media().size(), link), "./"));
    assertThat(block).startsWith(rendered.header());
    return block.substring(rendered.header().length()).strip();
  }

  static Map<Class<?>, MediaLink> mediaLinks() {
    return ContentExamples.ofEveryKind(
        MediaLink.class,
        List.of(
            new MediaLink.Stored("media/files/a.bin", 3_500_000),
            new MediaLink.NotCopied("files/a.bin"),
            new MediaLink.Missing("files/a.bin"),
            new MediaLink.Refused("../a.bin", "it leads outside the export folder"),
            new MediaLink.Placeholder(
                "(File not included. Change data exporting settings to download.)")));
  }

  static Map<Class<?>, ReplyTarget> replyTargets() {
    return ContentExamples.ofEveryKind(
        ReplyTarget.class,
        List.of(
            new ReplyTarget.Linked("./Team 2024-02", "m2", "Bob", Snippet.ofText("hi")),
            new ReplyTarget.NotInExport(2),
            new ReplyTarget.Forgotten(2),
            new ReplyTarget.OtherChat(2, 77L)));
  }

  @Test
  void everyAttachmentRendersWithEveryMediaLink() {
    for (MessageRenderer r : renderers()) {
      for (Attachment a : ContentExamples.attachments().values()) {
        for (MediaLink link : mediaLinks().values()) {
          assertThat(belowHeader(r, message(1).attach(a).build(), link))
              .as("%s with %s", a, link)
              .isNotEmpty();
        }
        assertThat(MessageRenderer.snippet(message(1).attach(a).build()))
            .as("snippet of %s", a)
            .isNotEmpty();
      }
    }
  }

  @Test
  void everyKindOfDocumentRendersWithEveryMediaLink() {
    for (MessageRenderer r : renderers()) {
      for (Attachment.DocumentKind kind : Attachment.DocumentKind.values()) {
        for (String path : List.of("files/a.bin", "files/a.mp4", "files/a.jpg")) {
          Attachment a = ContentExamples.document(kind, path);
          for (MediaLink link : mediaLinks().values()) {
            MediaLink stored =
                link instanceof MediaLink.Stored ? new MediaLink.Stored("media/" + path, 10) : link;
            assertThat(belowHeader(r, message(1).attach(a).build(), stored))
                .as("%s with %s", a, stored)
                .isNotEmpty();
          }
        }
      }
    }
  }

  @Test
  void everyTextPartRenders() {
    for (TextPart part : ContentExamples.textParts().values()) {
      assertThat(MarkdownText.render(List.of(part))).as("%s", part).isNotEmpty();
      assertThat(MarkdownText.renderInline(List.of(part))).as("%s inline", part).isNotEmpty();
      assertThat(MarkdownText.render(List.of(new TextPart.Plain("a\nb "), part)))
          .as("%s after text", part)
          .isNotEmpty();
    }
    for (TextPart.Style style : TextPart.Style.values()) {
      assertThat(MarkdownText.render(List.of(new TextPart.Styled(style, "x"))))
          .as("%s", style)
          .isNotEmpty();
    }
    for (TextPart.EntityType kind : TextPart.EntityType.values()) {
      assertThat(MarkdownText.render(List.of(new TextPart.Entity(kind, "x"))))
          .as("%s", kind)
          .isNotEmpty();
    }
  }

  @Test
  void everyServiceActionReadsAsASentence() {
    for (MessageRenderer r : renderers()) {
      for (ServiceAction a : ContentExamples.serviceActions().values()) {
        Message m = message(1).service(a).build();
        assertThat(ServiceSentences.describe(m)).as("%s", a).isNotBlank();
        assertThat(r.render(view(m, null, null)).header())
            .as("%s", a)
            .contains(ServiceSentences.describe(m));
        assertThat(MessageRenderer.snippet(m)).as("snippet of %s", a).isNotEmpty();
      }
    }
  }

  @Test
  void everyReplyTargetHasItsLine() {
    for (MessageRenderer r : renderers()) {
      for (ReplyTarget target : replyTargets().values()) {
        Message reply = message(2).replyTo(1).text("yes").build();
        assertThat(r.render(view(reply, target, null)).header())
            .as("%s", target)
            .contains("↩️ Reply to ");
        Message pin = message(3).service(new ServiceAction.Pinned("pin_message", 1)).build();
        assertThat(r.render(view(pin, null, target)).header())
            .as("%s", target)
            .contains("📌 Pinned: ");
      }
    }
  }

  @Test
  void everyKindOfMessageHasAHeader() {
    for (MessageRenderer r : renderers()) {
      for (Message.Type kind : Message.Type.values()) {
        Message m =
            new Message(
                1,
                kind,
                null,
                null,
                "Alice",
                "user1",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                kind == Message.Type.SERVICE ? new ServiceAction.Info("x") : null,
                List.of(),
                List.of(),
                List.of());
        String header = r.render(view(m, null, null)).header();
        assertThat(header)
            .as("%s", kind)
            .isNotBlank()
            .isNotEqualTo(r.flavor() == Flavor.OBSIDIAN ? " ^m1" : "<a id=\"m1\"></a>");
      }
    }
  }
}
