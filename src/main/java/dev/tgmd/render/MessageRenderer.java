package dev.tgmd.render;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.Button;
import dev.tgmd.source.ExtraField;
import dev.tgmd.source.Message;
import dev.tgmd.source.Reaction;
import dev.tgmd.source.ServiceAction;
import dev.tgmd.source.TextPart;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders one message as a Markdown block: a header paragraph (sender, time, "edited", the
 * anchor, forward and reply lines), its files, its other content (polls, places, contacts...),
 * its text, and its reactions and buttons.
 *
 * <p>The message's text is rendered by {@link MarkdownText} and always stands in blocks of its
 * own, so that a CommonMark reader gets it back exactly; Obsidian-only syntax (wikilinks, block
 * ids, embeds) appears only in the header and file lines around it.
 *
 * <p>Pure and thread-safe: no I/O, no clock (it remembers senders' escaped names, a cache with
 * no effect on the output).
 */
public final class MessageRenderer {

  private static final int SNIPPET_CHARS = 60;
  private static final int EXTRA_CHARS = 200;

  private static final int MAX_NAMES = 4096;

  private final Flavor flavor;
  private final java.util.concurrent.ConcurrentHashMap<String, String> boldNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  public MessageRenderer(Flavor flavor) {
    this.flavor = Objects.requireNonNull(flavor, "flavor");
  }

  /** The flavor this renderer writes. */
  public Flavor flavor() {
    return flavor;
  }

  /** Renders everything but the file lines. */
  public RenderedMessage render(MessageView view) {
    Message m = view.message();
    String header = header(view);
    List<MediaSlot> media = new ArrayList<>(1);
    Blocks body = new Blocks();
    for (Attachment a : m.attachments()) {
      if (a instanceof Attachment.Photo) {
        media.add(new MediaSlot(a, ((Attachment.Photo) a).file()));
      } else if (a instanceof Attachment.Document) {
        media.add(new MediaSlot(a, ((Attachment.Document) a).file()));
      } else {
        if (a instanceof Attachment.Contact && ((Attachment.Contact) a).vcard() != null) {
          media.add(new MediaSlot(a, ((Attachment.Contact) a).vcard()));
        }
        body.add(attachment(a));
      }
    }
    body.add(MarkdownText.render(m.text()));
    body.add(reactions(m.reactions()));
    body.add(buttons(m.buttons()));
    body.add(extras(m.extras()));
    return new RenderedMessage(header, media, body.toString());
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
      throw new IllegalArgumentException("one link per file: " + rendered.media().size() + " files, " + links.size() + " links");
    }
    Blocks blocks = new Blocks();
    blocks.add(rendered.header());
    for (int i = 0; i < links.size(); i++) {
      blocks.add(mediaLine(rendered.media().get(i), links.get(i), toChatFolder));
    }
    blocks.add(rendered.body());
    return blocks.toString();
  }

  /** The block of a message whose rendering failed: its header, so links to it still work, and why. */
  public String failed(MessageView view, Throwable error) {
    String why = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return header(view) + "\n\n⚠️ " + MarkdownText.escapeInline("This message could not be rendered (" + abbreviate(why, EXTRA_CHARS) + ").");
  }

  // --- header ------------------------------------------------------------------------------------

  private String header(MessageView view) {
    Message m = view.message();
    List<String> lines = new ArrayList<>(3);
    String time = view.time() == null ? "" : time(view.time());
    if (m.kind() == Message.Kind.SERVICE) {
      String sentence = ServiceSentences.describe(m);
      String line = MarkdownText.emphasisSpaced((time.isEmpty() ? "" : time + " · ") + sentence);
      lines.add(line);
      if (view.pinned() != null) {
        lines.add(replyLine("📌 Pinned:", view.pinned()));
      }
    } else if (m.kind() == Message.Kind.UNSUPPORTED) {
      lines.add(MarkdownText.emphasisSpaced((time.isEmpty() ? "" : time + " · ") + "A message this version of Telegram could not export"));
    } else {
      StringBuilder first = new StringBuilder(64);
      first.append(boldName(senderName(m)));
      if (m.author() != null && !m.author().isBlank()) {
        first.append(" · ✍️ ").append(MarkdownText.escapeInline(m.author().strip()));
      }
      if (!time.isEmpty()) {
        first.append(" · ").append(time);
      }
      if (m.edited() != null) {
        first.append(" · edited");
      }
      if (m.viaBot() != null && !m.viaBot().isBlank()) {
        first.append(" · via ").append(MarkdownText.escapeInline(m.viaBot().strip()));
      }
      lines.add(first.toString());
      if (m.forward() != null) {
        lines.add(m.forward().from() == null || m.forward().from().isBlank()
            ? "↪️ Forwarded (the sender is hidden)"
            : "↪️ Forwarded from " + MarkdownText.escapeInline(m.forward().from().strip()));
      }
      if (m.savedFrom() != null && !m.savedFrom().isBlank()) {
        lines.add("💾 Saved from " + MarkdownText.escapeInline(m.savedFrom().strip()));
      }
      if (view.reply() != null) {
        lines.add(replyLine("↩️ Reply to", view.reply()));
      }
    }
    StringBuilder sb = new StringBuilder();
    if (flavor == Flavor.COMMONMARK) {
      sb.append("<a id=\"").append(view.anchor()).append("\"></a>");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append("  \n");
      }
      sb.append(lines.get(i));
    }
    if (flavor == Flavor.OBSIDIAN) {
      sb.append(" ^").append(view.anchor());
    }
    return sb.toString();
  }

  /** The sender's name in bold, escaped; remembered, since a chat has few senders. */
  private String boldName(String name) {
    String bold = boldNames.get(name);
    if (bold == null) {
      bold = MarkdownText.strongSpaced(name);
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

  private static String time(LocalDateTime t) {
    int h = t.getHour();
    int m = t.getMinute();
    return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':',
        (char) ('0' + m / 10), (char) ('0' + m % 10)});
  }

  private String replyLine(String prefix, ReplyTarget target) {
    if (target instanceof ReplyTarget.Linked) {
      ReplyTarget.Linked l = (ReplyTarget.Linked) target;
      String label = (l.sender() == null ? "" : l.sender().strip() + ": ") + l.snippet();
      if (label.isBlank()) {
        label = "message";
      }
      return prefix + " " + noteLink(l.noteLink(), l.anchor(), label);
    }
    if (target instanceof ReplyTarget.NotInExport) {
      return prefix + " message " + ((ReplyTarget.NotInExport) target).messageId() + " (not in this export)";
    }
    if (target instanceof ReplyTarget.Forgotten) {
      return prefix + " message " + ((ReplyTarget.Forgotten) target).messageId() + " (too far back to link)";
    }
    ReplyTarget.OtherChat o = (ReplyTarget.OtherChat) target;
    return prefix + " message " + o.messageId() + " in another chat";
  }

  /** A link to an anchor in a note: {@code noteLink} empty means the same note. */
  String noteLink(String noteLink, String anchor, String label) {
    if (flavor == Flavor.OBSIDIAN) {
      return "[[" + noteLink + "#^" + anchor + "|" + wikiLabel(label) + "]]";
    }
    String target = noteLink.isEmpty() ? "#" + anchor : noteLink + ".md#" + anchor;
    return "[" + MarkdownText.escapeInline(label) + "](" + MarkdownText.destination(target) + ")";
  }

  /** A wikilink's label cannot hold brackets, pipes or line breaks. */
  static String wikiLabel(String label) {
    StringBuilder sb = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      switch (c) {
        case '[':
          sb.append('(');
          break;
        case ']':
          sb.append(')');
          break;
        case '|':
          sb.append('¦');
          break;
        case '\n':
        case '\r':
        case '\t':
          sb.append(' ');
          break;
        default:
          sb.append(c < 0x20 ? ' ' : c);
      }
    }
    return sb.toString().strip();
  }

  // --- files -------------------------------------------------------------------------------------

  /** The line of one file. */
  String mediaLine(MediaSlot slot, MediaLink link, String toChatFolder) {
    Attachment owner = slot.owner();
    String what = describe(owner);
    if (link instanceof MediaLink.Stored) {
      MediaLink.Stored s = (MediaLink.Stored) link;
      String path = toChatFolder + s.pathInChat();
      String name = s.pathInChat().substring(s.pathInChat().lastIndexOf('/') + 1);
      boolean embed = embeddable(owner, name);
      StringBuilder sb = new StringBuilder();
      if (owner instanceof Attachment.Document && ((Attachment.Document) owner).kind() == Attachment.DocumentKind.STICKER) {
        String emoji = ((Attachment.Document) owner).stickerEmoji();
        sb.append("Sticker").append(emoji == null ? "" : " " + MarkdownText.escapeInline(emoji)).append("  \n");
      }
      if (embed && !isImage(name)) {
        sb.append(icon(owner)).append(' ').append(MarkdownText.escapeInline(caption(owner, what, name))).append("  \n");
      }
      if (embed) {
        sb.append(flavor == Flavor.OBSIDIAN
            ? "![[" + path + "]]"
            : (isImage(name) ? "![" + MarkdownText.escapeInline(what) + "](" + MarkdownText.destination(path) + ")"
                : "[" + MarkdownText.escapeInline(name) + "](" + MarkdownText.destination(path) + ")"));
      } else {
        String label = displayName(owner, name);
        sb.append(icon(owner)).append(' ');
        sb.append(flavor == Flavor.OBSIDIAN
            ? "[[" + path + "|" + wikiLabel(label) + "]]"
            : "[" + MarkdownText.escapeInline(label) + "](" + MarkdownText.destination(path) + ")");
        sb.append(" · ").append(Sizes.human(s.size()));
      }
      return sb.toString();
    }
    if (link instanceof MediaLink.Placeholder) {
      String text = ((MediaLink.Placeholder) link).text();
      String reason = text.contains("exceeds maximum size") ? " (it exceeds the export's size limit)"
          : text.contains("unavailable") ? " (it was unavailable when exporting)" : "";
      return icon(owner) + " " + MarkdownText.escapeInline(capitalize(what) + " not included in the export" + reason);
    }
    if (link instanceof MediaLink.NotCopied) {
      return icon(owner) + " " + MarkdownText.escapeInline(capitalize(what) + ": " + baseName(((MediaLink.NotCopied) link).path()) + " (not copied)");
    }
    if (link instanceof MediaLink.Missing) {
      return "⚠️ " + MarkdownText.escapeInline(capitalize(what) + " missing from the export: " + abbreviate(((MediaLink.Missing) link).path(), EXTRA_CHARS));
    }
    MediaLink.Refused r = (MediaLink.Refused) link;
    return "⚠️ " + MarkdownText.escapeInline(capitalize(what) + " not copied: " + r.reason() + " (" + abbreviate(r.path(), EXTRA_CHARS) + ")");
  }

  /** "Voice message · 0:05", "Performer – Title · 3:20", "Video · report.mp4". */
  private static String caption(Attachment owner, String what, String storedName) {
    StringBuilder sb = new StringBuilder(capitalize(what));
    if (owner instanceof Attachment.Document) {
      Attachment.Document d = (Attachment.Document) owner;
      String name = displayName(owner, storedName);
      if (d.kind() == Attachment.DocumentKind.AUDIO_FILE || d.kind() == Attachment.DocumentKind.FILE
          || d.kind() == Attachment.DocumentKind.VIDEO_FILE) {
        sb.append(" · ").append(name);
      }
      if (d.durationSeconds() != null) {
        int secs = d.durationSeconds();
        sb.append(" · ").append(secs / 60).append(':').append(secs % 60 < 10 ? "0" : "").append(secs % 60);
      }
    }
    return sb.toString();
  }

  private static String displayName(Attachment owner, String storedName) {
    if (owner instanceof Attachment.Document) {
      Attachment.Document d = (Attachment.Document) owner;
      if (d.kind() == Attachment.DocumentKind.AUDIO_FILE && (d.title() != null || d.performer() != null)) {
        String t = (d.performer() == null ? "" : d.performer() + " – ") + (d.title() == null ? storedName : d.title());
        return t;
      }
      if (d.fileName() != null && !d.fileName().isBlank()) {
        return d.fileName();
      }
    }
    return storedName;
  }

  private static boolean embeddable(Attachment owner, String name) {
    if (owner instanceof Attachment.Contact) {
      return false;
    }
    String ext = extension(name);
    return isImage(name) || ext.equals("mp4") || ext.equals("webm") || ext.equals("mov")
        || ext.equals("ogv") || ext.equals("mkv") || ext.equals("mp3") || ext.equals("ogg")
        || ext.equals("oga") || ext.equals("opus") || ext.equals("m4a") || ext.equals("wav")
        || ext.equals("flac");
  }

  private static boolean isImage(String name) {
    String ext = extension(name);
    return ext.equals("jpg") || ext.equals("jpeg") || ext.equals("png") || ext.equals("gif")
        || ext.equals("webp") || ext.equals("bmp") || ext.equals("svg") || ext.equals("avif");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String describe(Attachment a) {
    if (a instanceof Attachment.Photo) {
      return "photo";
    }
    if (a instanceof Attachment.Contact) {
      return "contact card";
    }
    if (a instanceof Attachment.Document) {
      switch (((Attachment.Document) a).kind()) {
        case STICKER:
          return "sticker";
        case VIDEO_MESSAGE:
          return "video message";
        case VOICE_MESSAGE:
          return "voice message";
        case ANIMATION:
          return "animation";
        case VIDEO_FILE:
          return "video";
        case AUDIO_FILE:
          return "audio file";
        default:
          return "file";
      }
    }
    return "file";
  }

  private static String icon(Attachment a) {
    if (a instanceof Attachment.Photo) {
      return "🖼️";
    }
    if (a instanceof Attachment.Contact) {
      return "👤";
    }
    if (a instanceof Attachment.Document) {
      switch (((Attachment.Document) a).kind()) {
        case STICKER:
          return "🏷️";
        case VIDEO_MESSAGE:
        case VIDEO_FILE:
        case ANIMATION:
          return "🎬";
        case VOICE_MESSAGE:
          return "🎤";
        case AUDIO_FILE:
          return "🎵";
        default:
          return "📎";
      }
    }
    return "📎";
  }

  // --- other content -----------------------------------------------------------------------------

  private String attachment(Attachment a) {
    if (a instanceof Attachment.Poll) {
      return poll((Attachment.Poll) a);
    }
    if (a instanceof Attachment.Location) {
      Attachment.Location l = (Attachment.Location) a;
      String live = l.livePeriodSeconds() == null ? "" : " (live for " + Sizes.duration(l.livePeriodSeconds()) + ")";
      if (l.latitude() == null || l.longitude() == null) {
        return "📍 Location" + live;
      }
      return "📍 Location: " + mapLink(l.latitude(), l.longitude()) + live;
    }
    if (a instanceof Attachment.Venue) {
      Attachment.Venue v = (Attachment.Venue) a;
      StringBuilder sb = new StringBuilder("📍 ");
      String name = v.name() == null || v.name().isBlank() ? "Place" : v.name().strip();
      sb.append(MarkdownText.strongSpaced(name));
      if (v.address() != null && !v.address().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(v.address().strip()));
      }
      if (v.latitude() != null && v.longitude() != null) {
        sb.append(" · ").append(mapLink(v.latitude(), v.longitude()));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Contact) {
      Attachment.Contact c = (Attachment.Contact) a;
      String name = String.join(" ", nonBlank(c.firstName(), c.lastName()));
      StringBuilder sb = new StringBuilder("👤 Contact: ");
      sb.append(MarkdownText.escapeInline(name.isBlank() ? "(no name)" : name));
      if (c.phone() != null && !c.phone().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(c.phone().strip()));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Game) {
      Attachment.Game g = (Attachment.Game) a;
      StringBuilder sb = new StringBuilder("🎮 Game: ");
      sb.append(MarkdownText.strongSpaced(g.title() == null || g.title().isBlank() ? "Game" : g.title()));
      if (g.description() != null && !g.description().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(g.description().strip()));
      }
      if (g.link() != null && !g.link().isBlank()) {
        sb.append(" · [play](").append(MarkdownText.destination(g.link().strip())).append(')');
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Invoice) {
      Attachment.Invoice inv = (Attachment.Invoice) a;
      StringBuilder sb = new StringBuilder("🧾 Invoice: ");
      sb.append(MarkdownText.strongSpaced(inv.title() == null || inv.title().isBlank() ? "Invoice" : inv.title()));
      if (inv.description() != null && !inv.description().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(inv.description().strip()));
      }
      if (inv.amount() != null) {
        sb.append(" · ").append(MarkdownText.escapeInline(money(inv.amount(), inv.currency())));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.TodoList) {
      Attachment.TodoList t = (Attachment.TodoList) a;
      StringBuilder sb = new StringBuilder("☑️ Checklist");
      String title = MarkdownText.renderInline(t.title());
      if (!title.isEmpty()) {
        sb.append(": ").append(title);
      }
      if (!t.items().isEmpty()) {
        sb.append("\n");
        for (Attachment.TodoItem item : t.items()) {
          sb.append("\n- ").append(item.done() ? "✅ " : "⬜ ").append(MarkdownText.renderInline(item.text()));
        }
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Other && ((Attachment.Other) a).kind().equals("paid_stars_amount")
        && ((Attachment.Other) a).fields().size() == 1) {
      String stars = ((Attachment.Other) a).fields().get(0).value();
      return "⭐ " + MarkdownText.escapeInline("Paid message: " + stars + " Telegram Stars");
    }
    if (a instanceof Attachment.Other) {
      Attachment.Other o = (Attachment.Other) a;
      return "🎁 " + MarkdownText.escapeInline(capitalize(o.kind().replace('_', ' ')) + ": " + fieldsText(o.fields()));
    }
    return "";
  }

  private String poll(Attachment.Poll p) {
    StringBuilder sb = new StringBuilder("📊 Poll: ");
    String question = MarkdownText.renderInline(p.question());
    sb.append(question.isEmpty() ? "(no question)" : question);
    sb.append(" · ").append(p.totalVoters()).append(p.totalVoters() == 1 ? " vote" : " votes");
    if (p.closed()) {
      sb.append(" · closed");
    }
    if (!p.answers().isEmpty()) {
      sb.append('\n');
      for (Attachment.PollAnswer answer : p.answers()) {
        String text = MarkdownText.renderInline(answer.text());
        sb.append("\n- ").append(text.isEmpty() ? "(empty)" : text).append(" — ").append(answer.voters())
            .append(answer.voters() == 1 ? " vote" : " votes");
        if (answer.chosen()) {
          sb.append(" ✔️");
        }
      }
    }
    return sb.toString();
  }

  private static String mapLink(double lat, double lon) {
    String la = coordinate(lat);
    String lo = coordinate(lon);
    return "[" + la + ", " + lo + "](https://www.openstreetmap.org/?mlat=" + la + "&mlon=" + lo
        + "#map=16/" + la + "/" + lo + ")";
  }

  private static String coordinate(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String money(long amount, String currency) {
    int digits = 2;
    if (currency != null) {
      if (currency.equals("XTR")) {
        digits = 0;
      } else {
        try {
          digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
          digits = 2;
        }
      }
    }
    String value = java.math.BigDecimal.valueOf(amount, digits).toPlainString();
    return currency == null ? value : value + " " + currency;
  }

  private String reactions(List<Reaction> reactions) {
    if (reactions.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("Reactions: ");
    boolean first = true;
    for (Reaction r : reactions) {
      if (!first) {
        sb.append(" · ");
      }
      first = false;
      String what;
      if ("emoji".equals(r.type()) && r.emoji() != null) {
        what = r.emoji();
      } else if ("paid".equals(r.type())) {
        what = "⭐ paid";
      } else if ("custom_emoji".equals(r.type())) {
        what = "custom emoji";
      } else {
        what = r.type().replace('_', ' ');
      }
      sb.append(MarkdownText.escapeInline(what)).append(' ').append(r.count());
    }
    return sb.toString();
  }

  private String buttons(List<List<Button>> rows) {
    List<String> labels = new ArrayList<>();
    for (List<Button> row : rows) {
      for (Button b : row) {
        String label = b.text().isBlank() ? b.type() : b.text().strip();
        if ("url".equals(b.type()) && b.data() != null && !b.data().isBlank()) {
          labels.add("[" + MarkdownText.escapeInline(label) + "](" + MarkdownText.destination(b.data().strip()) + ")");
        } else {
          labels.add(MarkdownText.escapeInline(label));
        }
      }
    }
    return labels.isEmpty() ? "" : "Buttons: " + String.join(" · ", labels);
  }

  private String extras(List<ExtraField> extras) {
    if (extras.isEmpty()) {
      return "";
    }
    return MarkdownText.escapeInline("Other fields: " + fieldsText(extras));
  }

  static String fieldsText(List<ExtraField> fields) {
    List<String> parts = new ArrayList<>(fields.size());
    for (ExtraField f : fields) {
      parts.add(f.name().replace('_', ' ') + ": " + (f.value() == null ? "none" : abbreviate(f.value(), EXTRA_CHARS)));
    }
    return String.join("; ", parts);
  }

  // --- helpers -----------------------------------------------------------------------------------

  static String abbreviate(String s, int max) {
    if (s.length() <= max && isFolded(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 8));
    int count = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        if (++count > max) {
          break;
        }
        sb.append(' ');
        space = false;
      }
      if (++count > max) {
        break;
      }
      sb.appendCodePoint(cp);
    }
    if (count > max) {
      int end = sb.length();
      // make room for the ellipsis
      end = sb.offsetByCodePoints(end, -1);
      sb.setLength(end);
      return sb.toString().strip() + "…";
    }
    return sb.toString();
  }

  /** True when {@code s} has no whitespace but single spaces between words. */
  private static boolean isFolded(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' ? prev == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  /**
   * A short plain-text snippet of a message for reply links: its text, or what it carries when it
   * has no text.
   */
  public static String snippet(Message m) {
    String text = m.plainText();
    if (!text.isBlank()) {
      return abbreviate(text, SNIPPET_CHARS);
    }
    for (Attachment a : m.attachments()) {
      if (a instanceof Attachment.Poll) {
        return abbreviate("📊 " + TextPart.plainText(((Attachment.Poll) a).question()), SNIPPET_CHARS);
      }
      if (a instanceof Attachment.Document) {
        Attachment.Document d = (Attachment.Document) a;
        if (d.kind() == Attachment.DocumentKind.STICKER && d.stickerEmoji() != null) {
          return "Sticker " + d.stickerEmoji();
        }
        return capitalize(describe(a)) + (d.fileName() == null ? "" : " " + abbreviate(d.fileName(), 40));
      }
      if (a instanceof Attachment.Location || a instanceof Attachment.Venue) {
        return "📍 Location";
      }
      return capitalize(describe(a));
    }
    if (m.isService()) {
      return abbreviate(ServiceSentences.describe(m), SNIPPET_CHARS);
    }
    return "";
  }
}
