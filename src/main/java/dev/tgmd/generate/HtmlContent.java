package dev.tgmd.generate;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.FileRef;
import dev.tgmd.source.Message;
import dev.tgmd.source.TextPart;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A message's text and media in Telegram Desktop's HTML markup, for {@link HtmlPagesWriter}: one
 * tag a run, and a {@code media_wrap} block for each attachment the HTML export shows. Pure
 * functions of their input, thread-safe.
 */
final class HtmlContent {

  private HtmlContent() {}

  static void text(List<TextPart> parts, Writer w) throws IOException {
    for (TextPart p : parts) {
      String t = HtmlPagesWriter.esc(p.text());
      if (p instanceof TextPart.Styled s) {
        String tag =
            switch (s.style()) {
              case BOLD -> "strong";
              case ITALIC -> "em";
              case UNDERLINE -> "u";
              case STRIKETHROUGH -> "s";
              case SPOILER -> null;
            };
        w.write(
            tag == null
                ? "<span class=\"spoiler hidden\" onclick=\"ShowSpoiler(this)\">"
                    + "<span aria-hidden=\"true\">"
                    + t
                    + "</span></span>"
                : "<" + tag + ">" + t + "</" + tag + ">");
      } else if (p instanceof TextPart.Code) {
        w.write("<code>" + t + "</code>");
      } else if (p instanceof TextPart.Pre) {
        w.write("<pre>" + t + "</pre>");
      } else if (p instanceof TextPart.Blockquote) {
        w.write("<blockquote>" + t + "</blockquote>");
      } else if (p instanceof TextPart.TextLink l) {
        w.write("<a href=\"" + HtmlPagesWriter.esc(l.href()) + "\">" + t + "</a>");
      } else if (p instanceof TextPart.MentionName) {
        w.write("<a href=\"\" onclick=\"return ShowMentionName()\">" + t + "</a>");
      } else if (p instanceof TextPart.Entity e) {
        w.write(entity(e, t));
      } else {
        w.write(t);
      }
    }
  }

  private static String entity(TextPart.Entity e, String t) {
    String rest = e.text().isEmpty() ? "" : HtmlPagesWriter.esc(e.text().substring(1));
    return switch (e.kind()) {
      case LINK -> "<a href=\"" + t + "\">" + t + "</a>";
      case MENTION -> "<a href=\"https://t.me/" + rest + "\">" + t + "</a>";
      case EMAIL -> "<a href=\"mailto:" + t + "\">" + t + "</a>";
      case PHONE -> "<a href=\"tel:" + t + "\">" + t + "</a>";
      case HASHTAG -> onclick("ShowHashtag", rest, t);
      case CASHTAG -> onclick("ShowCashtag", rest, t);
      case BOT_COMMAND -> onclick("ShowBotCommand", rest, t);
      case BANK_CARD -> t;
    };
  }

  private static String onclick(String function, String arg, String t) {
    return "<a href=\"\" onclick=\"return "
        + function
        + "(&quot;"
        + arg
        + "&quot;)\">"
        + t
        + "</a>";
  }

  static void media(Message m, String prefix, Writer w) throws IOException {
    if (m.attachments().isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Attachment a : m.attachments()) {
      block(a, prefix, sb);
    }
    if (sb.length() > 0) {
      w.write("<div class=\"media_wrap clearfix\">\n");
      w.write(sb.toString());
      w.write("</div>\n");
    }
  }

  private static void block(Attachment a, String prefix, StringBuilder sb) {
    if (a instanceof Attachment.Photo p) {
      String href = HtmlPagesWriter.relative(p.file(), prefix);
      if (href != null) {
        sb.append("<a class=\"photo_wrap clearfix pull_left\" href=\"")
            .append(HtmlPagesWriter.esc(href))
            .append("\">\n<img class=\"photo\" src=\"")
            .append(HtmlPagesWriter.esc(href))
            .append("\" style=\"width: 260px; height: 195px\"/>\n</a>\n");
      } else {
        String status = p.width() != null && p.height() != null ? p.width() + "x" + p.height() : "";
        generic(sb, "media_photo", null, "Photo", description(p.file()), status);
      }
    } else if (a instanceof Attachment.Document d) {
      document(d, prefix, sb);
    } else if (a instanceof Attachment.Contact c) {
      String name =
          ((c.firstName() == null ? "" : c.firstName())
                  + " "
                  + (c.lastName() == null ? "" : c.lastName()))
              .strip();
      generic(sb, "media_contact", null, name, null, c.phone() == null ? "" : c.phone());
    } else if (a instanceof Attachment.Location l && l.latitude() != null) {
      String at = l.latitude() + "," + l.longitude();
      generic(
          sb,
          "block_link media_location",
          "https://maps.google.com/maps?q=" + at + "&ll=" + at + "&z=16",
          "Location",
          null,
          l.latitude() + ", " + l.longitude());
    } else if (a instanceof Attachment.Location l) {
      // a live location that has ended: no coordinates to show
      generic(sb, "media_location", null, "Live location", null, "");
    } else if (a instanceof Attachment.Venue v && v.latitude() != null) {
      String at = v.latitude() + "," + v.longitude();
      generic(
          sb,
          "block_link media_venue",
          "https://maps.google.com/maps?q=" + at + "&ll=" + at + "&z=16",
          v.name() == null ? "" : v.name(),
          v.address(),
          v.latitude() + ", " + v.longitude());
    } else if (a instanceof Attachment.Game g) {
      generic(
          sb,
          "block_link media_game",
          g.link() == null ? "" : g.link(),
          g.title() == null ? "" : g.title(),
          g.description(),
          "");
    } else if (a instanceof Attachment.Invoice i) {
      generic(sb, "media_invoice", null, i.title() == null ? "" : i.title(), i.description(), "");
    } else if (a instanceof Attachment.Poll p) {
      sb.append("<div class=\"media_poll\">\n<div class=\"question bold\">\n")
          .append(HtmlPagesWriter.esc(TextPartsText.of(p.question())))
          .append("\n</div>\n<div class=\"details\">\n")
          .append(p.closed() ? "Final results" : "Poll")
          .append("\n</div>\n");
      for (Attachment.PollAnswer answer : p.answers()) {
        sb.append("<div class=\"answer\">\n- ")
            .append(HtmlPagesWriter.esc(TextPartsText.of(answer.text())));
        if (answer.voters() > 0) {
          sb.append(" <span class=\"details\">")
              .append(answer.voters())
              .append(answer.voters() > 1 ? " votes" : " vote")
              .append(answer.chosen() ? ", chosen vote" : "")
              .append("</span>");
        } else if (answer.chosen()) {
          sb.append(" <span class=\"details\">chosen vote</span>");
        }
        sb.append("\n</div>\n");
      }
      sb.append("<div class=\"total details\">\n")
          .append(p.totalVoters())
          .append(" votes\n</div>\n</div>\n");
    }
  }

  private static void document(Attachment.Document d, String prefix, StringBuilder sb) {
    String href = HtmlPagesWriter.relative(d.file(), prefix);
    String duration =
        d.durationSeconds() == null
            ? ""
            : String.format(
                Locale.ROOT, "%02d:%02d", d.durationSeconds() / 60, d.durationSeconds() % 60);
    switch (d.kind()) {
      case STICKER -> {
        if (href != null) {
          sb.append("<a class=\"sticker_wrap clearfix pull_left\" href=\"")
              .append(HtmlPagesWriter.esc(href))
              .append("\">\n<img class=\"sticker\" src=\"")
              .append(HtmlPagesWriter.esc(href))
              .append("\"/>\n</a>\n");
        } else {
          String emoji = d.stickerEmoji() == null ? "" : d.stickerEmoji();
          generic(sb, "media_photo", null, "Sticker", description(d.file()), emoji);
        }
      }
      case VIDEO_MESSAGE ->
          generic(sb, link("media_video", href), href, "Video message", desc(href, d), duration);
      case VOICE_MESSAGE ->
          generic(
              sb,
              link("media_voice_message", href),
              href,
              "Voice message",
              desc(href, d),
              duration);
      case ANIMATION -> {
        if (href != null) {
          sb.append("<a class=\"animated_wrap clearfix pull_left\" href=\"")
              .append(HtmlPagesWriter.esc(href))
              .append("\">\n<div class=\"video_play_bg\">\n<div class=\"gif_play\">\nGIF\n")
              .append("</div>\n</div>\n</a>\n");
        } else {
          generic(sb, "media_video", null, "Animation", description(d.file()), "");
        }
      }
      case VIDEO_FILE -> {
        if (href != null) {
          sb.append("<a class=\"video_file_wrap clearfix pull_left\" href=\"")
              .append(HtmlPagesWriter.esc(href))
              .append("\">\n<div class=\"video_play_bg\">\n<div class=\"video_play\">\n</div>\n")
              .append("</div>\n<div class=\"video_duration\">\n")
              .append(duration)
              .append("\n</div>\n</a>\n");
        } else {
          generic(sb, "media_video", null, "Video file", description(d.file()), duration);
        }
      }
      case AUDIO_FILE -> {
        String title =
            d.title() != null ? d.title() : d.fileName() != null ? d.fileName() : "Audio file";
        generic(sb, link("media_audio_file", href), href, title, desc(href, d), duration);
      }
      case FILE -> {
        String name = d.fileName() != null ? d.fileName() : "File";
        generic(sb, link("media_file", href), href, name, desc(href, d), "");
      }
    }
  }

  private static String link(String cls, String href) {
    return href == null ? cls : "block_link " + cls;
  }

  private static String desc(String href, Attachment.Document d) {
    return href == null ? description(d.file()) : null;
  }

  /** The HTML export's words for a file not included. */
  private static String description(FileRef f) {
    String p = f.placeholder() == null ? "" : f.placeholder();
    if (p.contains("exceeds maximum size")) {
      return "File exceeds maximum size. Change data exporting settings to download.";
    }
    if (p.contains("unavailable")) {
      return "File unavailable, please try again later";
    }
    return "Not included, change data exporting settings to download.";
  }

  /** A generic {@code media} block: a link when there is a file, else a {@code div}. */
  private static void generic(
      StringBuilder sb, String cls, String href, String title, String description, String status) {
    String tag = href == null ? "div" : "a";
    sb.append('<').append(tag).append(" class=\"media clearfix pull_left ").append(cls).append('"');
    if (href != null) {
      sb.append(" href=\"").append(HtmlPagesWriter.esc(href)).append('"');
    }
    sb.append(">\n<div class=\"fill pull_left\">\n</div>\n<div class=\"body\">\n")
        .append("<div class=\"title bold\">\n")
        .append(HtmlPagesWriter.esc(title))
        .append("\n</div>\n");
    if (description != null) {
      sb.append("<div class=\"description\">\n")
          .append(HtmlPagesWriter.esc(description))
          .append("\n</div>\n");
    }
    if (!status.isEmpty()) {
      sb.append("<div class=\"status details\">\n")
          .append(HtmlPagesWriter.esc(status))
          .append("\n</div>\n");
    }
    sb.append("</div>\n</").append(tag).append(">\n");
  }

  /** The plain text of runs. */
  private static final class TextPartsText {
    static String of(List<TextPart> parts) {
      StringBuilder sb = new StringBuilder();
      for (TextPart p : parts) {
        sb.append(p.text());
      }
      return sb.toString();
    }
  }
}
