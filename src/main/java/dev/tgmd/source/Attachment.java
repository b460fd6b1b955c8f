package dev.tgmd.source;

import java.util.List;
import java.util.Objects;

/** What a message carries besides its text: media, a poll, a place, a contact... */
public sealed interface Attachment {

  /**
   * A photo.
   *
   * @param width pixels, or null
   * @param height pixels, or null
   * @param spoiler hidden behind a spoiler in Telegram
   */
  record Photo(FileRef file, Integer width, Integer height, boolean spoiler) implements Attachment {
    public Photo {
      Objects.requireNonNull(file, "file");
    }
  }

  /** What kind of document a file is ({@code media_type}); {@link #FILE} for plain documents. */
  enum DocumentKind {
    FILE,
    STICKER,
    VIDEO_MESSAGE,
    VOICE_MESSAGE,
    ANIMATION,
    VIDEO_FILE,
    AUDIO_FILE;

    /** The kind for an exported {@code media_type}; {@link #FILE} when absent or unknown. */
    public static DocumentKind of(String mediaType) {
      if (mediaType == null) {
        return FILE;
      }
      switch (mediaType) {
        case "sticker":
          return STICKER;
        case "video_message":
          return VIDEO_MESSAGE;
        case "voice_message":
          return VOICE_MESSAGE;
        case "animation":
          return ANIMATION;
        case "video_file":
          return VIDEO_FILE;
        case "audio_file":
          return AUDIO_FILE;
        default:
          return FILE;
      }
    }
  }

  /**
   * A file: a document, sticker, voice or video message, animation, video or audio file.
   *
   * @param fileName the original name, or null
   * @param mimeType the MIME type, or null
   * @param durationSeconds for audio and video, or null
   * @param performer for audio files, or null
   * @param title for audio files, or null
   * @param stickerEmoji the emoji a sticker stands for, or null
   */
  record Document(
      FileRef file,
      DocumentKind kind,
      String fileName,
      String mimeType,
      Integer durationSeconds,
      Integer width,
      Integer height,
      String performer,
      String title,
      String stickerEmoji,
      boolean spoiler)
      implements Attachment {
    public Document {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A shared contact; {@code vcard} is its vCard file, or null. */
  record Contact(String firstName, String lastName, String phone, FileRef vcard)
      implements Attachment {}

  /**
   * A location; the coordinates are null when the export has none.
   *
   * @param livePeriodSeconds for a live location, how long it was shared; else null
   */
  record Location(Double latitude, Double longitude, Integer livePeriodSeconds)
      implements Attachment {}

  /** A place: a location with a name and an address. */
  record Venue(Double latitude, Double longitude, String name, String address)
      implements Attachment {}

  /** A poll. */
  record Poll(List<TextPart> question, boolean closed, long totalVoters, List<PollAnswer> answers)
      implements Attachment {
    public Poll {
      question = List.copyOf(question);
      answers = List.copyOf(answers);
    }
  }

  /** One answer of a poll; {@code chosen} when the exporting user chose it. */
  record PollAnswer(List<TextPart> text, long voters, boolean chosen) {
    public PollAnswer {
      text = List.copyOf(text);
    }
  }

  /** A game. */
  record Game(String title, String description, String link) implements Attachment {}

  /**
   * An invoice.
   *
   * @param amount in the currency's smallest unit, or null
   */
  record Invoice(String title, String description, Long amount, String currency)
      implements Attachment {}

  /** A checklist. */
  record TodoList(List<TextPart> title, List<TodoItem> items) implements Attachment {
    public TodoList {
      title = List.copyOf(title);
      items = List.copyOf(items);
    }
  }

  /** One item of a checklist; {@code done} when completed. */
  record TodoItem(List<TextPart> text, boolean done) {
    public TodoItem {
      text = List.copyOf(text);
    }
  }

  /**
   * Content tgmd shows generically: giveaways, paid stars and the like.
   *
   * @param kind the JSON key it came from, e.g. {@code giveaway_information}
   * @param fields its fields as readable text
   */
  record Other(String kind, List<ExtraField> fields) implements Attachment {
    public Other {
      Objects.requireNonNull(kind, "kind");
      fields = List.copyOf(fields);
    }
  }
}
