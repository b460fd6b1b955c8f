package dev.tgmd.render;

import dev.tgmd.source.Message;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message's header paragraph: sender, author, time, "edited", the bot it came via, forward,
 * saved-from and reply lines, and the anchor (a block id or an HTML anchor, by flavor). Service
 * messages get their sentence instead.
 *
 * <p>Thread-safe: it remembers senders' names in bold, a cache with no effect on the output.
 */
final class MessageHeader {

  private static final int MAX_NAMES = 4096;

  private final Flavor flavor;
  private final ConcurrentHashMap<String, String> boldNames = new ConcurrentHashMap<>();

  MessageHeader(Flavor flavor) {
    this.flavor = flavor;
  }

  String of(MessageView view) {
    Message m = view.message();
    String time = view.time() == null ? "" : time(view.time());
    String at = time.isEmpty() ? "" : time + " · ";
    List<String> lines =
        switch (m.kind()) {
          case SERVICE -> serviceLines(view, at);
          case UNSUPPORTED ->
              List.of(
                  MarkdownText.emphasisSpaced(
                      at + "A message this version of Telegram could not export"));
          case MESSAGE -> senderLines(view, time);
        };
    if (lines.size() == 1 && flavor != Flavor.COMMONMARK) {
      return lines.get(0);
    }
    int chars = 32;
    for (String line : lines) {
      chars += line.length() + 3;
    }
    StringBuilder sb = new StringBuilder(chars);
    if (flavor == Flavor.COMMONMARK) {
      sb.append("<a id=\"").append(view.anchor()).append("\"></a>");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append("  \n");
      }
      sb.append(lines.get(i));
    }
    return sb.toString();
  }

  /** The service message's sentence, and what it pinned. */
  private List<String> serviceLines(MessageView view, String at) {
    List<String> lines = new ArrayList<>(2);
    lines.add(MarkdownText.emphasisSpaced(at + ServiceSentences.describe(view.message())));
    if (view.pinned() != null) {
      lines.add(replyLine("📌 Pinned:", view.pinned()));
    }
    return lines;
  }

  /** Who sent it and when, then the forward, saved-from and reply lines. */
  private List<String> senderLines(MessageView view, String time) {
    Message m = view.message();
    List<String> lines = new ArrayList<>(3);
    StringBuilder first = new StringBuilder(64);
    if (view.followUp()) {
      // the run's first message names the sender in bold; the others name it plainly, so that the
      // run reads as one and an embed of any of its messages still says who wrote it
      first.append(MarkdownText.escapeInline(Labels.isolated(senderName(m))));
    } else {
      first.append(boldName(senderName(m)));
      if (m.author() != null && !m.author().isBlank()) {
        first
            .append(" · ✍️ ")
            .append(MarkdownText.escapeInline(Labels.isolated(m.author().strip())));
      }
    }
    if (!time.isEmpty()) {
      first.append(first.length() == 0 ? "" : " · ").append(time);
    }
    if (m.edited() != null) {
      first.append(" · edited");
    }
    if (m.viaBot() != null && !m.viaBot().isBlank()) {
      first.append(" · via ").append(MarkdownText.escapeInline(m.viaBot().strip()));
    }
    lines.add(first.toString());
    if (m.forward() != null) {
      lines.add(
          m.forward().from() == null || m.forward().from().isBlank()
              ? "↪️ Forwarded (the sender is hidden)"
              : "↪️ Forwarded from " + MarkdownText.escapeInline(m.forward().from().strip()));
    }
    if (m.savedFrom() != null && !m.savedFrom().isBlank()) {
      lines.add("💾 Saved from " + MarkdownText.escapeInline(m.savedFrom().strip()));
    }
    if (view.reply() != null) {
      lines.add(replyLine("↩️ Reply to", view.reply()));
    }
    return lines;
  }

  /** The sender's name in bold, escaped; remembered, since a chat has few senders. */
  private String boldName(String name) {
    String bold = boldNames.get(name);
    if (bold == null) {
      String strong = MarkdownText.strongSpaced(name);
      String isolated = Labels.isolated(name);
      // the isolates go around the bold name, so that they never stop "**" from opening or closing
      bold = isolated.equals(name) ? strong : "\u2068" + strong + "\u2069";
      if (boldNames.size() >= MAX_NAMES) {
        boldNames.clear();
      }
      boldNames.put(name, bold);
    }
    return bold;
  }

  private static String senderName(Message m) {
    if (m.sender() != null && !m.sender().isBlank()) {
      return m.sender();
    }
    return m.senderId() == null ? "Unknown sender" : "Deleted Account";
  }

  /** {@code HH:mm}; empty for no time. */
  static String time(LocalDateTime t) {
    if (t == null) {
      return "";
    }
    int h = t.getHour();
    int m = t.getMinute();
    return new String(
        new char[] {
          (char) ('0' + h / 10),
          (char) ('0' + h % 10),
          ':',
          (char) ('0' + m / 10),
          (char) ('0' + m % 10)
        });
  }

  private String replyLine(String prefix, ReplyTarget target) {
    if (target instanceof ReplyTarget.Linked l) {
      String label = (l.sender() == null ? "" : l.sender().strip() + ": ") + l.snippet().text();
      if (label.isBlank()) {
        label = "message";
      }
      return prefix + " " + noteLink(l.noteLink(), l.anchor(), label);
    }
    if (target instanceof ReplyTarget.NotInExport n) {
      return prefix + " message " + n.messageId() + " (not in this export)";
    }
    if (target instanceof ReplyTarget.Forgotten f) {
      return prefix + " message " + f.messageId() + " (too far back to link)";
    }
    if (target instanceof ReplyTarget.OtherChat o) {
      return prefix + " message " + o.messageId() + " in another chat";
    }
    throw new IllegalStateException("unhandled reply target " + target.getClass());
  }

  /** A link to an anchor in a note: {@code noteLink} empty means the same note. */
  private String noteLink(String noteLink, String anchor, String label) {
    if (flavor == Flavor.OBSIDIAN) {
      return "[[" + noteLink + "#^" + anchor + "|" + Labels.wikiLabel(label) + "]]";
    }
    String target = noteLink.isEmpty() ? "#" + anchor : noteLink + ".md#" + anchor;
    return "[" + MarkdownText.escapeInline(label) + "](" + MarkdownText.destination(target) + ")";
  }
}
