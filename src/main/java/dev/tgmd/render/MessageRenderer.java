package dev.tgmd.render;

import dev.tgmd.media.MediaLink;
import dev.tgmd.source.Attachment;
import dev.tgmd.source.Message;
import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders one message as a Markdown block: a header paragraph (sender, time, "edited", the anchor,
 * forward and reply lines), its files, its other content (polls, places, contacts...), its text,
 * and its reactions and buttons.
 *
 * <p>The message's text is rendered by {@link MarkdownText} and always stands in blocks of its own,
 * so that a CommonMark reader gets it back exactly; Obsidian-only syntax (wikilinks, block ids,
 * embeds) appears only in the header and file lines around it.
 *
 * <p>Every kind of attachment, reply target and file outcome is handled: one this class does not
 * know is a bug, and fails with an {@link IllegalStateException} rather than rendering nothing.
 *
 * <p>Pure and thread-safe: no I/O, no clock (it remembers senders' escaped names, a cache with no
 * effect on the output).
 */
public final class MessageRenderer {

  private static final int SNIPPET_CHARS = 60;

  private final Flavor flavor;
  private final MessageHeader header;
  private final MediaLines mediaLines;

  public MessageRenderer(Flavor flavor) {
    this.flavor = Objects.requireNonNull(flavor, "flavor");
    this.header = new MessageHeader(flavor);
    this.mediaLines = new MediaLines(flavor);
  }

  /** The flavor this renderer writes. */
  public Flavor flavor() {
    return flavor;
  }

  /** Renders everything but the file lines. */
  public RenderedMessage render(MessageView view) {
    Message m = view.message();
    List<MediaSlot> media = new ArrayList<>(1);
    Blocks body = new Blocks();
    for (Attachment a : m.attachments()) {
      if (a instanceof Attachment.Photo p) {
        media.add(new MediaSlot(a, p.file()));
      } else if (a instanceof Attachment.Document d) {
        media.add(new MediaSlot(a, d.file()));
      } else {
        if (a instanceof Attachment.Contact c && c.vcard() != null) {
          media.add(new MediaSlot(a, c.vcard()));
        }
        body.add(ContentBlocks.attachment(a));
      }
    }
    body.add(MarkdownText.render(m.text()));
    body.add(ContentBlocks.reactions(m.reactions()));
    body.add(ContentBlocks.buttons(m.buttons()));
    body.add(ContentBlocks.extras(m.extras()));
    return new RenderedMessage(header.of(view), media, body.toString());
  }

  /**
   * The whole block, with each file's line.
   *
   * @param links what became of each of {@code rendered.media()}, in the same order
   * @param toChatFolder the relative path from the note to its chat's folder ({@code ./} or {@code
   *     ../})
   */
  public String assemble(RenderedMessage rendered, List<MediaLink> links, String toChatFolder) {
    if (links.size() != rendered.media().size()) {
      throw new IllegalArgumentException(
          "one link per file: " + rendered.media().size() + " files, " + links.size() + " links");
    }
    Blocks blocks = new Blocks();
    blocks.add(rendered.header());
    for (int i = 0; i < links.size(); i++) {
      blocks.add(mediaLines.of(rendered.media().get(i), links.get(i), toChatFolder));
    }
    blocks.add(rendered.body());
    return blocks.toString();
  }

  /**
   * The block of a message whose rendering failed: its header, so links to it still work, and why.
   */
  public String failed(MessageView view, Throwable error) {
    String why =
        error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return header.of(view)
        + "\n\n⚠️ "
        + MarkdownText.escapeInline(
            "This message could not be rendered ("
                + Labels.abbreviate(why, Labels.EXTRA_CHARS)
                + ").");
  }

  /**
   * A short plain-text snippet of a message for reply links: its text, or what it carries when it
   * has no text.
   */
  public static String snippet(Message m) {
    String text = Labels.abbreviate(m.text(), SNIPPET_CHARS); // empty when the text is blank
    if (!text.isEmpty()) {
      return text;
    }
    for (Attachment a : m.attachments()) {
      if (a instanceof Attachment.Poll p) {
        return Labels.abbreviate("📊 " + TextPart.plainText(p.question()), SNIPPET_CHARS);
      }
      if (a instanceof Attachment.Document d) {
        if (d.kind() == Attachment.DocumentKind.STICKER && d.stickerEmoji() != null) {
          return "Sticker " + d.stickerEmoji();
        }
        return Labels.capitalize(MediaLines.describe(a))
            + (d.fileName() == null ? "" : " " + Labels.abbreviate(d.fileName(), 40));
      }
      if (a instanceof Attachment.Location || a instanceof Attachment.Venue) {
        return "📍 Location";
      }
      return Labels.capitalize(MediaLines.describe(a));
    }
    if (m.isService()) {
      return Labels.abbreviate(ServiceSentences.describe(m), SNIPPET_CHARS);
    }
    return "";
  }
}
