package dev.tgmd.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The {@code div.media_wrap} of a message element: photos, videos, voice and round video messages,
 * stickers, animations, files, audio, contacts, locations and places, polls, games, invoices, and
 * calls (which the model holds as a service message, as the JSON export does).
 *
 * <p>A block is read by its wrapper ({@code photo_wrap}, {@code video_file_wrap}, {@code
 * animated_wrap}, {@code sticker_wrap}) or, for the generic {@code media} block, by its class and
 * its title ({@code Photo}, {@code Sticker}, {@code Animation}, {@code Video message}, {@code Voice
 * message}, {@code Video file}; a file's title is its name). The file is the block's link, relative
 * to the page's folder; a block without a link is a file not included, whose placeholder is the
 * JSON export's text for the same reason. HTML states sizes rounded ({@code 28.2 KB}), so no size
 * is taken; a photo's width and height only where the status states them; durations where shown.
 * Pure functions, thread-safe.
 */
final class HtmlMedia {

  /** What a media_wrap holds: attachments, or a call. */
  record Content(List<Attachment> attachments, ServiceAction call) {}

  private static final Content NONE = new Content(List.of(), null);

  private HtmlMedia() {}

  static Content read(Element wrap, String where, Path page) throws ExportFormatException {
    if (wrap == null) {
      return NONE;
    }
    List<Attachment> out = new ArrayList<>(1);
    ServiceAction call = null;
    for (Element block : wrap.children()) {
      if (block.hasClass("media_call")) {
        List<ExtraField> fields = new ArrayList<>(2);
        String status = text(block, "status");
        if (!status.isEmpty()) {
          fields.add(new ExtraField("status", status));
        }
        call = new ServiceAction.Other("phone_call", fields);
      } else {
        Attachment a = attachment(block);
        if (a == null) {
          throw HtmlMessageParser.error(
              page,
              block,
              where
                  + ": a media block this reader does not know ("
                  + block.normalName()
                  + "."
                  + String.join(".", block.classNames())
                  + ")");
        }
        out.add(a);
      }
    }
    return new Content(out, call);
  }

  private static Attachment attachment(Element b) {
    if (b.hasClass("photo_wrap")) {
      return new Attachment.Photo(file(b, true), null, null, false);
    }
    if (b.hasClass("video_file_wrap")) {
      Integer duration = duration(text(b, "video_duration"));
      return document(file(b, false), Attachment.DocumentKind.VIDEO_FILE, null, duration, null);
    }
    if (b.hasClass("animated_wrap")) {
      return document(file(b, false), Attachment.DocumentKind.ANIMATION, null, null, null);
    }
    if (b.hasClass("sticker_wrap")) {
      return document(file(b, false), Attachment.DocumentKind.STICKER, null, null, null);
    }
    if (b.hasClass("media_poll")) {
      return poll(b);
    }
    if (!b.hasClass("media")) {
      return null;
    }
    String title = text(b, "title");
    String status = text(b, "status");
    String description = text(b, "description");
    if (b.hasClass("media_contact")) {
      String vcard = b.nameIs("a") ? b.attr("href") : "";
      return new Attachment.Contact(
          title.isEmpty() ? null : title,
          null,
          status.isEmpty() ? null : status,
          vcard.isEmpty() ? null : FileRef.of(vcard, null));
    }
    if (b.hasClass("media_location") || b.hasClass("media_venue")) {
      double[] at = coordinates(status);
      if (at == null) {
        at = coordinates(query(b.attr("href")));
      }
      Double lat = at == null ? null : at[0];
      Double lon = at == null ? null : at[1];
      if (b.hasClass("media_venue")) {
        return new Attachment.Venue(lat, lon, title, description.isEmpty() ? null : description);
      }
      return new Attachment.Location(lat, lon, null);
    }
    if (b.hasClass("media_game")) {
      return new Attachment.Game(title, description.isEmpty() ? null : description, link(b));
    }
    if (b.hasClass("media_invoice")) {
      return new Attachment.Invoice(title, description.isEmpty() ? null : description, null, null);
    }
    boolean photo = title.equals("Photo");
    FileRef file =
        b.nameIs("a") ? FileRef.of(b.attr("href"), null) : placeholder(description, photo);
    String[] details = status.isEmpty() ? new String[0] : status.split(", ");
    if (photo) {
      int[] size = details.length > 0 ? dimensions(details[0]) : null;
      return new Attachment.Photo(
          file, size == null ? null : size[0], size == null ? null : size[1], false);
    }
    Integer duration = details.length > 0 ? duration(details[0]) : null;
    switch (title) {
      case "Sticker":
        String emoji =
            details.length > 0 && duration == null && !isSize(details[0]) ? status : null;
        return document(file, Attachment.DocumentKind.STICKER, null, null, emoji);
      case "Animation":
        return document(file, Attachment.DocumentKind.ANIMATION, null, duration, null);
      case "Video message":
        return document(file, Attachment.DocumentKind.VIDEO_MESSAGE, null, duration, null);
      case "Voice message":
        return document(file, Attachment.DocumentKind.VOICE_MESSAGE, null, duration, null);
      case "Video file":
        return document(file, Attachment.DocumentKind.VIDEO_FILE, null, duration, null);
      default:
        break;
    }
    if (b.hasClass("media_audio_file")) {
      return new Attachment.Document(
          file,
          Attachment.DocumentKind.AUDIO_FILE,
          null,
          null,
          duration,
          null,
          null,
          null,
          title.isEmpty() ? null : title,
          null,
          false);
    }
    return document(file, Attachment.DocumentKind.FILE, title.isEmpty() ? null : title, null, null);
  }

  private static Attachment.Document document(
      FileRef file, Attachment.DocumentKind kind, String name, Integer duration, String emoji) {
    return new Attachment.Document(
        file, kind, name, null, duration, null, null, null, null, emoji, false);
  }

  /** A poll: {@code div.question}, {@code div.answer}s ({@code - text} and their votes), total. */
  private static Attachment poll(Element b) {
    Element q = b.getElementsByClass("question").first();
    List<TextPart> question =
        q == null ? List.of() : List.of(new TextPart.Plain(HtmlText.flat(q).strip()));
    boolean closed = false;
    for (Element d : b.children()) {
      if (d.hasClass("details") && !d.hasClass("total")) {
        closed |= HtmlText.flat(d).strip().equals("Final results");
      }
    }
    List<Attachment.PollAnswer> answers = new ArrayList<>();
    for (Element a : b.getElementsByClass("answer")) {
      String text = HtmlText.ownText(a).strip();
      if (text.startsWith("- ")) {
        text = text.substring(2);
      } else if (text.equals("-")) {
        text = "";
      }
      Element votes = a.getElementsByClass("details").first();
      String v = votes == null ? "" : HtmlText.flat(votes).strip();
      boolean chosen = v.contains("chosen vote");
      long count = leadingNumber(v);
      answers.add(new Attachment.PollAnswer(List.of(new TextPart.Plain(text)), count, chosen));
    }
    Element total = b.getElementsByClass("total").first();
    long voters = total == null ? 0 : leadingNumber(HtmlText.flat(total).strip());
    return new Attachment.Poll(question, closed, voters, answers);
  }

  private static long leadingNumber(String s) {
    long n = 0;
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i < 18) {
      n = n * 10 + (s.charAt(i) - '0');
      i++;
    }
    return n;
  }

  private static FileRef file(Element b, boolean photo) {
    String href = b.attr("href");
    return href.isEmpty() ? placeholder("", photo) : FileRef.of(href, null);
  }

  private static String link(Element b) {
    String href = b.attr("href");
    return href.isEmpty() ? null : href;
  }

  /** The JSON export's placeholder for the reason an HTML block gives for a missing file. */
  static FileRef placeholder(String description, boolean photo) {
    String what = photo ? "Photo" : "File";
    String d = description.strip();
    String text;
    if (d.isEmpty() || d.startsWith("Not included")) {
      text = "(" + what + " not included. Change data exporting settings to download.)";
    } else if (d.startsWith("File exceeds maximum size")) {
      text = "(" + what + " exceeds maximum size. Change data exporting settings to download.)";
    } else if (d.startsWith("File unavailable") || d.startsWith("Unavailable")) {
      text = "(" + what + " unavailable, please try again later)";
    } else {
      text = "(" + d + ")";
    }
    return new FileRef(null, text, null);
  }

  private static String text(Element b, String cls) {
    Element e = b.getElementsByClass(cls).first();
    return e == null ? "" : HtmlText.flat(e).strip();
  }

  /** {@code 365x499}: width and height, or null. */
  private static int[] dimensions(String s) {
    int x = s.indexOf('x');
    if (x <= 0) {
      return null;
    }
    try {
      return new int[] {Integer.parseInt(s.substring(0, x)), Integer.parseInt(s.substring(x + 1))};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 00:21} or {@code 1:02:03}: seconds, or null. */
  static Integer duration(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int total = 0;
    for (String part : s.split(":", -1)) {
      if (part.isEmpty() || part.length() > 3) {
        return null;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return null;
        }
      }
      total = total * 60 + Integer.parseInt(part);
    }
    return s.indexOf(':') < 0 ? null : total;
  }

  private static boolean isSize(String s) {
    return s.endsWith(" B") || s.endsWith(" KB") || s.endsWith(" MB") || s.endsWith(" GB");
  }

  /** {@code lat, lon}: the two numbers, or null. */
  private static double[] coordinates(String s) {
    if (s == null) {
      return null;
    }
    int comma = s.indexOf(',');
    if (comma <= 0) {
      return null;
    }
    try {
      return new double[] {
        Double.parseDouble(s.substring(0, comma).strip()),
        Double.parseDouble(s.substring(comma + 1).strip())
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The {@code q=} of a maps link, or null. */
  private static String query(String href) {
    int q = href.indexOf("q=");
    if (q < 0) {
      return null;
    }
    int end = href.indexOf('&', q);
    return href.substring(q + 2, end < 0 ? href.length() : end);
  }
}
