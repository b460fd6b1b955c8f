package dev.tgmd.render;

import dev.tgmd.media.MediaLink;
import dev.tgmd.source.Attachment;
import dev.tgmd.units.ByteSizes;
import java.util.Locale;

/**
 * The line of each file of a message, once it is known what became of the file: an embed (images,
 * audio, video), a link with the file's size, or a sentence saying why it is not there. Pure and
 * thread-safe.
 */
final class MediaLines {

  private final Flavor flavor;

  MediaLines(Flavor flavor) {
    this.flavor = flavor;
  }

  /** The line of one file. */
  String of(MediaSlot slot, MediaLink link, String toChatFolder) {
    Attachment owner = slot.owner();
    String what = describe(owner);
    if (link instanceof MediaLink.Stored s) {
      return stored(owner, what, s, toChatFolder);
    }
    if (link instanceof MediaLink.Placeholder p) {
      String text = p.text();
      String reason =
          text.contains("exceeds maximum size")
              ? " (it exceeds the export's size limit)"
              : text.contains("unavailable") ? " (it was unavailable when exporting)" : "";
      return icon(owner)
          + " "
          + MarkdownText.escapeInline(
              Labels.capitalize(what) + " not included in the export" + reason);
    }
    if (link instanceof MediaLink.NotCopied n) {
      return icon(owner)
          + " "
          + MarkdownText.escapeInline(
              Labels.capitalize(what) + ": " + baseName(n.path()) + " (not copied)");
    }
    if (link instanceof MediaLink.Missing m) {
      return "⚠️ "
          + MarkdownText.escapeInline(
              Labels.capitalize(what)
                  + " missing from the export: "
                  + Labels.abbreviate(m.path(), Labels.EXTRA_CHARS));
    }
    if (link instanceof MediaLink.Refused r) {
      return "⚠️ "
          + MarkdownText.escapeInline(
              Labels.capitalize(what)
                  + " not copied: "
                  + r.reason()
                  + " ("
                  + Labels.abbreviate(r.path(), Labels.EXTRA_CHARS)
                  + ")");
    }
    throw new IllegalStateException("unhandled media link " + link.getClass());
  }

  /** A copied file: embedded when a note can show it, else linked with its size. */
  private String stored(Attachment owner, String what, MediaLink.Stored s, String toChatFolder) {
    String path = toChatFolder + s.pathInChat();
    String name = s.pathInChat().substring(s.pathInChat().lastIndexOf('/') + 1);
    boolean embed = embeddable(owner, name);
    StringBuilder sb = new StringBuilder();
    if (owner instanceof Attachment.Document d && d.kind() == Attachment.DocumentKind.STICKER) {
      String emoji = d.stickerEmoji();
      sb.append("Sticker")
          .append(emoji == null ? "" : " " + MarkdownText.escapeInline(emoji))
          .append("  \n");
    }
    if (embed && !isImage(name)) {
      sb.append(icon(owner))
          .append(' ')
          .append(MarkdownText.escapeInline(caption(owner, what, name)))
          .append("  \n");
    }
    if (embed) {
      sb.append(
          flavor == Flavor.OBSIDIAN
              ? "![[" + path + (isImage(name) ? "|" + width(owner) : "") + "]]"
              : (isImage(name)
                  ? "!["
                      + MarkdownText.escapeInline(what)
                      + "]("
                      + MarkdownText.destination(path)
                      + ")"
                  : "["
                      + MarkdownText.escapeInline(name)
                      + "]("
                      + MarkdownText.destination(path)
                      + ")"));
    } else {
      String label = displayName(owner, name);
      sb.append(icon(owner)).append(' ');
      sb.append(
          flavor == Flavor.OBSIDIAN
              ? "[[" + path + "|" + Labels.wikiLabel(label) + "]]"
              : "["
                  + MarkdownText.escapeInline(label)
                  + "]("
                  + MarkdownText.destination(path)
                  + ")");
      sb.append(" · ").append(ByteSizes.iec(s.size()));
    }
    return spoiler(owner) ? hidden(what, sb.toString()) : sb.toString();
  }

  /** The widest an image is shown in Obsidian, in pixels: a readable width, never wider. */
  static final int IMAGE_WIDTH = 400;

  /** The widest a sticker is shown, in pixels, about as Telegram shows them. */
  static final int STICKER_WIDTH = 160;

  /** The width an image is embedded at: its own when narrower than {@link #IMAGE_WIDTH}. */
  private static int width(Attachment owner) {
    Integer w =
        owner instanceof Attachment.Photo p
            ? p.width()
            : owner instanceof Attachment.Document d ? d.width() : null;
    int widest =
        owner instanceof Attachment.Document d && d.kind() == Attachment.DocumentKind.STICKER
            ? STICKER_WIDTH
            : IMAGE_WIDTH;
    return w != null && w > 0 && w < widest ? w : widest;
  }

  private static boolean spoiler(Attachment owner) {
    return owner instanceof Attachment.Photo p
        ? p.spoiler()
        : owner instanceof Attachment.Document d && d.spoiler();
  }

  /**
   * A file Telegram shows behind a spoiler, hidden until clicked: a folded callout in Obsidian, a
   * {@code <details>} element in CommonMark.
   */
  private String hidden(String what, String line) {
    String title = "Spoiler: " + what + ", hidden until you open it";
    if (flavor == Flavor.OBSIDIAN) {
      return "> [!spoiler]- "
          + MarkdownText.escapeInline(title)
          + "\n> "
          + line.replace("\n", "\n> ");
    }
    return "<details>\n<summary>"
        + MarkdownText.escapeInline(title)
        + "</summary>\n\n"
        + line
        + "\n\n</details>";
  }

  /** "Voice message · 0:05", "Performer – Title · 3:20", "Video · report.mp4". */
  private static String caption(Attachment owner, String what, String storedName) {
    StringBuilder sb = new StringBuilder(Labels.capitalize(what));
    if (owner instanceof Attachment.Document d) {
      String name = displayName(owner, storedName);
      if (d.kind() == Attachment.DocumentKind.AUDIO_FILE
          || d.kind() == Attachment.DocumentKind.FILE
          || d.kind() == Attachment.DocumentKind.VIDEO_FILE) {
        sb.append(" · ").append(name);
      }
      if (d.durationSeconds() != null) {
        int secs = d.durationSeconds();
        sb.append(" · ")
            .append(secs / 60)
            .append(':')
            .append(secs % 60 < 10 ? "0" : "")
            .append(secs % 60);
      }
    }
    return sb.toString();
  }

  private static String displayName(Attachment owner, String storedName) {
    if (owner instanceof Attachment.Document d) {
      if (d.kind() == Attachment.DocumentKind.AUDIO_FILE
          && (d.title() != null || d.performer() != null)) {
        return (d.performer() == null ? "" : d.performer() + " – ")
            + (d.title() == null ? storedName : d.title());
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
    return isImage(name)
        || ext.equals("mp4")
        || ext.equals("webm")
        || ext.equals("mov")
        || ext.equals("ogv")
        || ext.equals("mkv")
        || ext.equals("mp3")
        || ext.equals("ogg")
        || ext.equals("oga")
        || ext.equals("opus")
        || ext.equals("m4a")
        || ext.equals("wav")
        || ext.equals("flac");
  }

  private static boolean isImage(String name) {
    String ext = extension(name);
    return ext.equals("jpg")
        || ext.equals("jpeg")
        || ext.equals("png")
        || ext.equals("gif")
        || ext.equals("webp")
        || ext.equals("bmp")
        || ext.equals("svg")
        || ext.equals("avif");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * What an attachment is, in words, for its file's line and for reply snippets. Attachments
   * without a file of their own read as "file" (as a reply's snippet has always said).
   */
  static String describe(Attachment a) {
    if (a instanceof Attachment.Photo) {
      return "photo";
    }
    if (a instanceof Attachment.Contact) {
      return "contact card";
    }
    if (a instanceof Attachment.Document d) {
      return switch (d.kind()) {
        case STICKER -> "sticker";
        case VIDEO_MESSAGE -> "video message";
        case VOICE_MESSAGE -> "voice message";
        case ANIMATION -> "animation";
        case VIDEO_FILE -> "video";
        case AUDIO_FILE -> "audio file";
        case FILE -> "file";
      };
    }
    if (a instanceof Attachment.Location
        || a instanceof Attachment.Venue
        || a instanceof Attachment.Poll
        || a instanceof Attachment.Game
        || a instanceof Attachment.Invoice
        || a instanceof Attachment.TodoList
        || a instanceof Attachment.Other) {
      return "file";
    }
    throw new IllegalStateException("unhandled attachment " + a.getClass());
  }

  /** The icon of a file's line. */
  private static String icon(Attachment a) {
    if (a instanceof Attachment.Photo) {
      return "🖼️";
    }
    if (a instanceof Attachment.Contact) {
      return "👤";
    }
    if (a instanceof Attachment.Document d) {
      return switch (d.kind()) {
        case STICKER -> "🏷️";
        case VIDEO_MESSAGE, VIDEO_FILE, ANIMATION -> "🎬";
        case VOICE_MESSAGE -> "🎤";
        case AUDIO_FILE -> "🎵";
        case FILE -> "📎";
      };
    }
    throw new IllegalStateException("unhandled attachment with a file " + a.getClass());
  }
}
