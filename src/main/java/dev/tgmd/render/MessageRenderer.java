package dev.tgmd.render;

import dev.tgmd.media.MediaLink;
import dev.tgmd.source.Attachment;
import dev.tgmd.source.Message;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders one message as one Markdown block (a quote, or a line for most service messages) that its
 * anchor marks whole: a header paragraph (sender, time, "edited", forward and reply lines), its
 * files, its other content (polls, places, contacts...), its text, and its reactions and buttons.
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

  /** The longest snippet, in code points, the ellipsis included. */
  public static final int SNIPPET_CHARS = 60;

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
    return new RenderedMessage(
        header.of(view), media, body.toString(), view.anchor(), m.kind() != Message.Type.MESSAGE);
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
    boolean alone = rendered.line() && links.isEmpty() && rendered.body().isEmpty();
    if (alone) {
      return block(rendered.header(), rendered.anchor(), true);
    }
    // the header, the file lines and the body quoted straight into one buffer, each a block
    int chars = rendered.header().length() + rendered.body().length() + 160 * links.size();
    StringBuilder sb = new StringBuilder(chars + chars / 16 + 32);
    quote(sb, rendered.header());
    for (int i = 0; i < links.size(); i++) {
      quote(sb, mediaLines.of(rendered.media().get(i), links.get(i), toChatFolder));
    }
    quote(sb, rendered.body());
    return anchored(sb, rendered.anchor());
  }

  /**
   * One message as one block that its anchor marks whole. A service message that is one line stays
   * a paragraph, its block id ({@code ^m12}) at its end; any other message is a quote (every line
   * behind {@code >}), its block id on a line of its own after it, set apart by a blank line, which
   * Obsidian attaches to the whole quote: an embed {@code ![[note#^m12]]} shows the header, the
   * files and the text. In CommonMark flavor the anchor opens the header instead.
   */
  private String block(String inner, String anchor, boolean alone) {
    if (alone) {
      return flavor == Flavor.OBSIDIAN ? inner + " ^" + anchor : inner;
    }
    StringBuilder sb = new StringBuilder(inner.length() + inner.length() / 16 + 16);
    quote(sb, inner);
    return anchored(sb, anchor);
  }

  /**
   * Appends a block to the quote in {@code sb}, set apart from the one before by a quoted blank
   * line; every line behind {@code >}. An empty block adds nothing.
   */
  private static void quote(StringBuilder sb, String block) {
    if (block == null || block.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append("\n>\n");
    }
    int start = 0;
    while (true) {
      int end = block.indexOf('\n', start);
      int stop = end < 0 ? block.length() : end;
      sb.append(stop == start ? ">" : "> ").append(block, start, stop);
      if (end < 0) {
        break;
      }
      sb.append('\n');
      start = end + 1;
    }
  }

  private String anchored(StringBuilder sb, String anchor) {
    if (sb.length() == 0) {
      sb.append('>'); // a quote of nothing is still a quote
    }
    if (flavor == Flavor.OBSIDIAN) {
      sb.append("\n\n^").append(anchor);
    }
    return sb.toString();
  }

  /**
   * The block of a message whose rendering failed: its header, so links to it still work, and why.
   */
  public String failed(MessageView view, Throwable error) {
    String why =
        error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return block(
        header.of(view)
            + "\n\n⚠️ "
            + MarkdownText.escapeInline(
                "This message could not be rendered ("
                    + Labels.abbreviate(why, Labels.EXTRA_CHARS)
                    + ")."),
        view.anchor(),
        false);
  }

  /**
   * Whether a message says that someone joined the group (by themselves, through an invite link, or
   * approved on request): consecutive ones fold into one line ({@link #joins}).
   */
  public static boolean isJoin(Message m) {
    if (m.kind() != Message.Type.SERVICE || m.action() == null) {
      return false;
    }
    if (m.action() instanceof ServiceAction.JoinedByLink) {
      return true;
    }
    if (m.action() instanceof ServiceAction.Members mm) {
      return mm.type().equals("invite_members")
          && mm.members().size() == 1
          && m.sender() != null
          && mm.members().get(0) != null
          && m.sender().strip().equals(mm.members().get(0).strip());
    }
    return m.action() instanceof ServiceAction.Other o && o.type().equals("join_group_by_request");
  }

  /** How many joiners a folded line names before "and N others". */
  private static final int JOINERS_NAMED = 2;

  /**
   * Consecutive joins as one line: {@code *16:07–16:40 · Ann, Bob and 26 others joined the group*}
   * with the first one's anchor (in CommonMark flavor, every one's anchor).
   *
   * @param views two or more messages for which {@link #isJoin} holds, in order
   */
  public String joins(List<MessageView> views) {
    if (views.size() < 2) {
      throw new IllegalArgumentException("a fold of " + views.size() + " joins");
    }
    List<String> names = new ArrayList<>(views.size());
    for (MessageView v : views) {
      String s = v.message().sender();
      names.add(s == null || s.isBlank() ? "Someone" : Labels.isolated(s.strip()));
    }
    String who;
    if (names.size() <= JOINERS_NAMED + 1) {
      who =
          String.join(", ", names.subList(0, names.size() - 1))
              + " and "
              + names.get(names.size() - 1);
    } else {
      who =
          String.join(", ", names.subList(0, JOINERS_NAMED))
              + " and "
              + (names.size() - JOINERS_NAMED)
              + " others";
    }
    String from = MessageHeader.time(views.get(0).time());
    String to = MessageHeader.time(views.get(views.size() - 1).time());
    String at = from.isEmpty() ? "" : (from.equals(to) || to.isEmpty() ? from : from + "–" + to);
    StringBuilder sb = new StringBuilder(128);
    if (flavor == Flavor.COMMONMARK) {
      for (MessageView v : views) {
        sb.append("<a id=\"").append(v.anchor()).append("\"></a>");
      }
    }
    sb.append(
        MarkdownText.emphasisSpaced((at.isEmpty() ? "" : at + " · ") + who + " joined the group"));
    return block(sb.toString(), views.get(0).anchor(), true);
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
