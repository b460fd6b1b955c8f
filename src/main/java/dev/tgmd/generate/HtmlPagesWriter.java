package dev.tgmd.generate;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.Button;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.FileRef;
import dev.tgmd.source.Message;
import dev.tgmd.source.Reaction;
import dev.tgmd.source.ServiceAction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the HTML form of a generated export: for every chat of its {@code result.json}, the pages
 * Telegram Desktop's HTML export of that chat alone would hold ({@code messages.html}, {@code
 * messages2.html}, … of {@value #PER_PAGE} messages each) in the chat's folder, next to its media,
 * with Telegram Desktop's markup (date separators, {@code message default clearfix [joined]},
 * {@code from_name}, {@code date details} with its title, {@code reply_to}, {@code forwarded body},
 * {@code media_wrap}, {@code bot_buttons_table}, {@code reactions}). The messages are read back
 * from the JSON just written, one at a time, so both forms hold the same chat. Not thread-safe.
 */
final class HtmlPagesWriter {

  /** Messages a page holds, as Telegram Desktop writes them. */
  static final int PER_PAGE = 1000;

  private static final DateTimeFormatter TITLE =
      DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private final Path root;
  private final List<String> folders;
  private Writer page;
  private Path dir;
  private String prefix;
  private String chatName;
  private int pageNumber;
  private int onPage;
  private long separators;
  private LocalDate lastDay;
  private String lastSender;

  private HtmlPagesWriter(Path root, List<String> folders) {
    this.root = root;
    this.folders = folders;
  }

  /**
   * Writes the pages of every chat of {@code root/result.json}; {@code folders} names each chat's
   * folder, in the file's order. Returns how many bytes of HTML were written.
   */
  static long write(Path root, List<String> folders) throws IOException {
    return new HtmlPagesWriter(root, folders).writeAll();
  }

  private long writeAll() throws IOException {
    int chat = -1;
    try (ExportReader reader = ExportReader.open(root.resolve("result.json"))) {
      ExportEvent e;
      while ((e = reader.next()) != null) {
        if (e instanceof ExportEvent.ChatStarted started) {
          chat++;
          begin(started.chat(), folders.get(chat));
        } else if (e instanceof ExportEvent.MessageRead read) {
          message(read.message());
        } else {
          endPage(false);
        }
      }
    } catch (ExportFormatException e) {
      throw new IOException("the generated result.json does not read back: " + e.getMessage(), e);
    }
    long bytes = 0;
    for (String folder : folders) {
      try (var list = Files.list(root.resolve(folder))) {
        for (Path p : (Iterable<Path>) list::iterator) {
          String n = p.getFileName().toString();
          if (n.startsWith("messages") && n.endsWith(".html")) {
            bytes += Files.size(p);
          }
        }
      }
    }
    return bytes;
  }

  private void begin(Chat chat, String folder) throws IOException {
    dir = Files.createDirectories(root.resolve(folder));
    prefix = folder + "/";
    chatName = chat.displayName();
    pageNumber = 0;
    separators = 0;
    lastDay = null;
    lastSender = null;
    startPage();
  }

  private void startPage() throws IOException {
    pageNumber++;
    onPage = 0;
    page =
        new BufferedWriter(
            new java.io.OutputStreamWriter(
                Files.newOutputStream(dir.resolve(pageName(pageNumber))), StandardCharsets.UTF_8),
            1 << 16);
    page.write(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n<title>Exported Data</title>\n"
            + "<link href=\"css/style.css\" rel=\"stylesheet\"/>\n</head>\n"
            + "<body onload=\"CheckLocation();\">\n<div class=\"page_wrap\">\n"
            + "<div class=\"page_header\">\n<div class=\"content\">\n<div class=\"text bold\">\n");
    page.write(esc(chatName));
    page.write(
        "\n</div>\n</div>\n</div>\n<div class=\"page_body chat_page\">\n<div class=\"history\">\n");
    if (pageNumber > 1) {
      page.write(
          "<a class=\"pagination block_link\" href=\""
              + pageName(pageNumber - 1)
              + "\">\nPrevious messages\n</a>\n");
    }
  }

  private void endPage(boolean more) throws IOException {
    if (more) {
      page.write(
          "<a class=\"pagination block_link\" href=\""
              + pageName(pageNumber + 1)
              + "\">\nNext messages\n</a>\n");
    }
    page.write("</div>\n</div>\n</div>\n</body>\n</html>\n");
    page.close();
    page = null;
  }

  private static String pageName(int n) {
    return n == 1 ? "messages.html" : "messages" + n + ".html";
  }

  private void message(Message m) throws IOException {
    if (onPage == PER_PAGE) {
      endPage(true);
      startPage();
      lastSender = null;
    }
    onPage++;
    LocalDate day = m.date() == null ? lastDay : m.date().wall().toLocalDate();
    if (day != null && !day.equals(lastDay)) {
      separators++;
      page.write("<div class=\"message service\" id=\"message-" + separators + "\">\n");
      page.write("<div class=\"body details\">\n" + DAY.format(day) + "\n</div>\n</div>\n");
      lastDay = day;
      lastSender = null;
    }
    if (m.kind() == Message.Type.SERVICE && !(m.action().type().equals("phone_call"))) {
      service(m);
      lastSender = null;
      return;
    }
    if (m.kind() == Message.Type.UNSUPPORTED || m.date() == null) {
      page.write("<div class=\"message service\" id=\"message" + m.id() + "\">\n");
      page.write("<div class=\"body details\">\nThis message is not supported.\n</div>\n</div>\n");
      lastSender = null;
      return;
    }
    String sender = m.sender() == null ? "Deleted Account" : m.sender();
    boolean joined = sender.equals(lastSender) && m.forward() == null && m.viaBot() == null;
    lastSender = m.forward() == null ? sender : null;
    page.write(
        "<div class=\"message default clearfix"
            + (joined ? " joined" : "")
            + "\" id=\"message"
            + m.id()
            + "\">\n");
    if (!joined) {
      page.write(
          "<div class=\"pull_left userpic_wrap\">\n<div class=\"userpic userpic"
              + (1 + Math.floorMod(sender.hashCode(), 8))
              + "\" style=\"width: 42px; height: 42px\">\n<div class=\"initials\""
              + " style=\"line-height: 42px\">\n"
              + esc(sender.isEmpty() ? "?" : sender.substring(0, 1))
              + "\n</div>\n</div>\n</div>\n");
    }
    page.write("<div class=\"body\">\n");
    page.write(
        "<div class=\"pull_right date details\" title=\""
            + title(m)
            + "\">\n"
            + String.format(
                Locale.ROOT, "%02d:%02d", m.date().wall().getHour(), m.date().wall().getMinute())
            + "\n</div>\n");
    if (!joined) {
      page.write("<div class=\"from_name\">\n" + esc(sender));
      if (m.viaBot() != null) {
        page.write(" <span class=\"details\">via " + esc(m.viaBot()) + "</span>");
      }
      page.write("\n</div>\n");
    }
    if (m.replyToMessageId() != null) {
      page.write("<div class=\"reply_to details\">\n");
      if (m.replyToPeerId() != null) {
        page.write("In reply to a message in another chat");
      } else {
        long r = m.replyToMessageId();
        page.write(
            "In reply to <a href=\"#go_to_message"
                + r
                + "\" onclick=\"return GoToMessage("
                + r
                + ")\">this message</a>");
      }
      page.write("\n</div>\n");
    }
    if (m.forward() != null) {
      String from = m.forward().from() == null ? "" : m.forward().from();
      page.write(
          "<div class=\"pull_left forwarded userpic_wrap\">\n</div>\n"
              + "<div class=\"forwarded body\">\n<div class=\"from_name\">\n"
              + esc(from)
              + "\n</div>\n");
    }
    if (m.kind() == Message.Type.SERVICE) {
      call(m);
    }
    HtmlContent.media(m, prefix, page);
    if (!m.text().isEmpty()) {
      page.write("<div class=\"text\">\n");
      HtmlContent.text(m.text(), page);
      page.write("\n</div>\n");
    }
    if (m.forward() != null) {
      page.write("</div>\n");
    }
    if (m.author() != null) {
      page.write("<div class=\"signature details\">\n" + esc(m.author()) + "\n</div>\n");
    }
    buttons(m.buttons());
    reactions(m.reactions());
    page.write("</div>\n</div>\n");
  }

  /** The {@code title} of a message's date: the wall time and, when known, its offset. */
  private static String title(Message m) {
    String wall = TITLE.format(m.date().wall());
    if (m.date().instant() == null) {
      return wall;
    }
    long seconds =
        Duration.between(m.date().instant(), m.date().wall().toInstant(java.time.ZoneOffset.UTC))
            .getSeconds();
    long minutes = Math.abs(seconds) / 60;
    return wall
        + String.format(
            Locale.ROOT, " UTC%s%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
  }

  private void service(Message m) throws IOException {
    String actor = m.sender() == null ? "Deleted Account" : m.sender();
    page.write("<div class=\"message service\" id=\"message" + m.id() + "\">\n");
    page.write("<div class=\"body details\">\n");
    if (m.action() instanceof ServiceAction.Pinned p) {
      page.write(
          esc(actor)
              + " pinned <a href=\"#go_to_message"
              + p.messageId()
              + "\" onclick=\"return GoToMessage("
              + p.messageId()
              + ")\">this message</a>");
    } else if (m.action() instanceof ServiceAction.Info i) {
      page.write(esc(i.text()));
    } else {
      page.write(esc(actor + " " + m.action().type().replace('_', ' ')));
    }
    page.write("\n</div>\n</div>\n");
  }

  private void call(Message m) throws IOException {
    String status = "Cancelled";
    if (m.action() instanceof ServiceAction.PhoneCall c) {
      status =
          "missed".equals(c.discardReason())
              ? "Missed"
              : "busy".equals(c.discardReason())
                  ? "Declined"
                  : c.durationSeconds() == null
                      ? "Cancelled"
                      : "Outgoing (" + c.durationSeconds() + " seconds)";
    }
    page.write(
        "<div class=\"media_wrap clearfix\">\n<div class=\"media clearfix pull_left media_call\">\n"
            + "<div class=\"fill pull_left\">\n</div>\n<div class=\"body\">\n"
            + "<div class=\"title bold\">\n"
            + esc(chatName)
            + "\n</div>\n<div class=\"status details\">\n"
            + status
            + "\n</div>\n</div>\n</div>\n</div>\n");
  }

  private void buttons(List<List<Button>> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    page.write("<table class=\"bot_buttons_table\">\n<tbody>\n");
    for (List<Button> row : rows) {
      page.write("<tr>\n<td class=\"bot_button_row\">\n");
      for (Button b : row) {
        page.write("<div class=\"bot_button\">\n");
        if (b.type().equals("url") && b.data() != null) {
          page.write("<a href=\"" + esc(b.data()) + "\">");
        } else {
          String shown = "Data: " + (b.data() == null ? "" : b.data()) + " | Type: " + b.type();
          page.write("<a onclick=\"return ShowTextCopied(" + esc("'" + shown + "'") + ");\">");
        }
        page.write("\n<div>\n" + esc(b.text()) + "\n</div>\n</a>\n</div>\n");
      }
      page.write("</td>\n</tr>\n");
    }
    page.write("</tbody>\n</table>\n");
  }

  private void reactions(List<Reaction> reactions) throws IOException {
    if (reactions.isEmpty()) {
      return;
    }
    page.write("<span class=\"reactions\">\n");
    for (Reaction r : reactions) {
      boolean paid = r.type().equals("paid");
      String emoji = paid ? "⭐️" : r.type().equals("emoji") && r.emoji() != null ? r.emoji() : "👍";
      page.write(
          "<span class=\"reaction"
              + (paid ? " paid" : "")
              + "\">\n<span class=\"emoji\">\n"
              + esc(emoji)
              + "\n</span>\n<span class=\"count\">\n"
              + r.count()
              + "\n</span>\n</span>\n");
    }
    page.write("</span>\n");
  }

  /** Text escaped as Telegram Desktop escapes it; a line break is {@code <br>}. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\n' -> sb.append("<br>");
        case '\r' -> {}
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A file's path relative to the chat's folder, or null for a placeholder. */
  static String relative(FileRef f, String prefix) {
    if (f == null || f.isPlaceholder()) {
      return null;
    }
    return f.path().startsWith(prefix) ? f.path().substring(prefix.length()) : f.path();
  }

  static boolean isPhoto(Attachment a) {
    return a instanceof Attachment.Photo;
  }
}
