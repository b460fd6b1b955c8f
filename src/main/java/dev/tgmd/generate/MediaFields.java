package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes the fields of a message's media (photos, documents, voice and video messages, audio,
 * animations, stickers, shared contacts) for one chat, naming files as tdesktop does, and has
 * {@link MediaWriter} write the files. Most references are written files, about 4% are placeholders
 * instead of paths and 1% point at a file that is deliberately not written. Keeps per-chat counters
 * and sticker slots only. Not thread-safe.
 */
final class MediaFields {

  static final String NOT_INCLUDED =
      "(File not included. Change data exporting settings to download.)";
  static final String TOO_BIG =
      "(File exceeds maximum size. Change data exporting settings to download.)";
  static final String UNAVAILABLE = "(File unavailable, please try again later)";
  static final String PHOTO_NOT_INCLUDED =
      "(Photo not included. Change data exporting settings to download.)";

  private static final int WRITE = 0;
  private static final int PLACEHOLDER = 1;
  private static final int MISSING = 2;
  private static final int STICKERS = 12;

  private final JsonGenerator g;
  private final Rng rng;
  private final String folder;
  private final MediaPool pool;
  private final MediaWriter media;
  private final StringBuilder path = new StringBuilder(128);

  // counters, as tdesktop numbers files per chat
  private int photos;
  private int audios;
  private int videos;
  private int roundFiles;
  private int contacts;
  private final int[] documentNameUses = new int[Vocabulary.DOCUMENT_NAMES.length];
  private final int[] animationNameUses = new int[Vocabulary.ANIMATION_NAMES.length];
  private final int[] songNameUses = new int[Vocabulary.SONGS.length];
  private final int[] stickerSlot = new int[STICKERS];
  private final int[] stickerState = new int[STICKERS];
  private int stickersSeen;

  MediaFields(JsonGenerator g, Rng rng, String folder, MediaPool pool, MediaWriter media) {
    this.g = g;
    this.rng = rng;
    this.folder = folder;
    this.pool = pool;
    this.media = media;
    Arrays.fill(stickerSlot, -1);
  }

  /** Whether a referenced file is written, replaced by a placeholder, or left missing. */
  private int mediaState(double placeholderRate) {
    double r = rng.nextDouble();
    if (r < placeholderRate) {
      return PLACEHOLDER;
    }
    return r < placeholderRate + 0.01 ? MISSING : WRITE;
  }

  private String placeholder() {
    int r = rng.nextInt(20);
    return r < 12 ? NOT_INCLUDED : r < 19 ? TOO_BIG : UNAVAILABLE;
  }

  /** Starts {@link #path} with the chat's folder and a sub-folder. */
  private StringBuilder path(String folder) {
    path.setLength(0);
    return path.append(this.folder).append('/').append(folder).append('/');
  }

  /**
   * A path named as tdesktop names photos, voice and video messages: {@code
   * folder/prefix_N@dd-MM-yyyy_HH-mm-ss.extension}, {@code N} counting such files in the chat.
   */
  private String datedPath(String folder, String prefix, int n, long time, String extension) {
    StringBuilder p = path(folder).append(prefix).append('_').append(n).append('@');
    Dates.fileNamePart(time, p);
    return p.append(extension).toString();
  }

  /** A path field and its size field for a file that is always written (no placeholder). */
  private void written(String field, String sizeField, String relative, byte[] content)
      throws IOException {
    g.writeStringField(field, relative);
    media.write(relative, content);
    g.writeNumberField(sizeField, content.length);
  }

  /**
   * Writes a path field: the path (and the file unless missing) or a placeholder. Returns the
   * content's size, or a plausible size when no content was written.
   */
  private long file(String field, String relative, byte[] content, int state, String placeholder)
      throws IOException {
    if (state == PLACEHOLDER) {
      g.writeStringField(field, placeholder);
      media.placeholder();
      return 100_000 + rng.nextInt(50_000_000);
    }
    g.writeStringField(field, relative);
    if (state == MISSING) {
      media.skipMissing();
    } else {
      media.write(relative, content);
    }
    return content.length;
  }

  private static final int[][] PHOTO_SIZES = {
    {1280, 960}, {960, 1280}, {1280, 720}, {800, 600}, {1080, 1080}, {2560, 1440}
  };

  /** A photo's fields; {@code service} for a new group photo, which has no spoiler. */
  void photo(long time, boolean service) throws IOException {
    String relative = datedPath("photos", "photo", ++photos, time, ".jpg");
    int state = mediaState(0.04);
    String placeholder = rng.chance(0.1) ? PHOTO_NOT_INCLUDED : placeholder();
    byte[] content = pool.jpeg(rng.nextInt(MediaPool.JPEGS));
    long size = file("photo", relative, content, state, placeholder);
    g.writeNumberField("photo_file_size", size);
    int[] wh = PHOTO_SIZES[rng.nextInt(PHOTO_SIZES.length)];
    g.writeNumberField("width", wh[0]);
    g.writeNumberField("height", wh[1]);
    if (!service && rng.chance(0.01)) {
      g.writeBooleanField("media_spoiler", true);
    }
  }

  private String uniqueName(String name, int[] uses, int index) {
    int n = uses[index]++;
    if (n == 0) {
      return name;
    }
    // Like tdesktop: the number goes before the first dot, so "a.tar.gz" becomes "a (1).tar.gz".
    int dot = name.indexOf('.');
    String suffix = " (" + n + ")";
    return dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
  }

  private static String mimeOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (lower.endsWith(".zip")) {
      return "application/zip";
    }
    if (lower.endsWith(".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (lower.endsWith(".xlsx")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (lower.endsWith(".pptx")) {
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
    if (lower.endsWith(".heic")) {
      return "image/heic";
    }
    if (lower.endsWith(".gpx")) {
      return "application/gpx+xml";
    }
    if (lower.endsWith(".csv")) {
      return "text/csv";
    }
    if (lower.endsWith(".md")) {
      return "text/markdown";
    }
    if (lower.endsWith(".txt")) {
      return "text/plain";
    }
    return "application/octet-stream";
  }

  void document() throws IOException {
    int k = rng.nextInt(Vocabulary.DOCUMENT_NAMES.length);
    String name = Vocabulary.DOCUMENT_NAMES[k];
    String relative = path("files").append(uniqueName(name, documentNameUses, k)).toString();
    byte[] content = pool.document(name, rng.nextInt(MediaPool.DOCUMENTS));
    long size = file("file", relative, content, mediaState(0.04), placeholder());
    g.writeStringField("file_name", name);
    g.writeNumberField("file_size", size);
    g.writeStringField("mime_type", mimeOf(name));
  }

  void voice(long time) throws IOException {
    String relative = datedPath("voice_messages", "audio", ++audios, time, ".ogg");
    byte[] content = pool.ogg(rng.nextInt(MediaPool.OGGS));
    long size = file("file", relative, content, mediaState(0.04), placeholder());
    g.writeNumberField("file_size", size);
    g.writeStringField("media_type", "voice_message");
    g.writeStringField("mime_type", "audio/ogg");
    g.writeNumberField("duration_seconds", 1 + rng.nextInt(120));
  }

  private void thumbnail(String videoPath) throws IOException {
    byte[] thumb = pool.jpeg(rng.nextInt(MediaPool.JPEGS));
    written("thumbnail", "thumbnail_file_size", videoPath + "_thumb.jpg", thumb);
  }

  void round(long time) throws IOException {
    String relative = datedPath("round_video_messages", "file", ++roundFiles, time, ".mp4");
    byte[] content = pool.mp4(rng.nextInt(MediaPool.MP4S));
    long size = file("file", relative, content, mediaState(0.04), placeholder());
    g.writeNumberField("file_size", size);
    thumbnail(relative);
    g.writeStringField("media_type", "video_message");
    g.writeStringField("mime_type", "video/mp4");
    g.writeNumberField("duration_seconds", 1 + rng.nextInt(60));
    g.writeNumberField("width", 384);
    g.writeNumberField("height", 384);
  }

  void video(long time) throws IOException {
    String relative = datedPath("video_files", "video", ++videos, time, ".mp4");
    int state = mediaState(0.4);
    long size = file("file", relative, pool.mp4(rng.nextInt(MediaPool.MP4S)), state, TOO_BIG);
    g.writeNumberField("file_size", state == PLACEHOLDER ? size + 2_000_000_000L : size);
    thumbnail(relative);
    g.writeStringField("media_type", "video_file");
    g.writeStringField("mime_type", "video/mp4");
    g.writeNumberField("duration_seconds", 1 + rng.nextInt(600));
    g.writeNumberField("width", 1280);
    g.writeNumberField("height", 720);
  }

  void audio() throws IOException {
    int k = rng.nextInt(Vocabulary.SONGS.length);
    String[] song = Vocabulary.SONGS[k];
    String name = song[0] + " - " + song[1] + ".mp3";
    String relative = path("files").append(uniqueName(name, songNameUses, k)).toString();
    long size = file("file", relative, pool.mp3(k), mediaState(0.04), placeholder());
    g.writeStringField("file_name", name);
    g.writeNumberField("file_size", size);
    g.writeStringField("media_type", "audio_file");
    g.writeStringField("performer", song[0]);
    g.writeStringField("title", song[1]);
    g.writeStringField("mime_type", "audio/mpeg");
    g.writeNumberField("duration_seconds", 60 + rng.nextInt(300));
  }

  void animation() throws IOException {
    int k = rng.nextInt(Vocabulary.ANIMATION_NAMES.length);
    String name = Vocabulary.ANIMATION_NAMES[k];
    String relative = path("animations").append(uniqueName(name, animationNameUses, k)).toString();
    long size = file("file", relative, pool.mp4(k), mediaState(0.04), placeholder());
    g.writeStringField("file_name", name);
    g.writeNumberField("file_size", size);
    g.writeStringField("media_type", "animation");
    g.writeStringField("mime_type", "video/mp4");
    g.writeNumberField("duration_seconds", 1 + rng.nextInt(10));
    g.writeNumberField("width", 320);
    g.writeNumberField("height", 240);
  }

  /** A sticker of the chat's set; one sent again refers to the same file, as tdesktop does. */
  void sticker() throws IOException {
    int k = rng.nextInt(STICKERS);
    byte[] content = pool.webp(k % MediaPool.WEBPS);
    boolean first = stickerSlot[k] < 0;
    if (first) {
      stickerSlot[k] = stickersSeen++;
      stickerState[k] = mediaState(0.04);
    }
    int slot = stickerSlot[k];
    String name = slot == 0 ? "sticker.webp" : "sticker (" + slot + ").webp";
    String relative = path("stickers").append(name).toString();
    if (first || stickerState[k] == PLACEHOLDER) {
      file("file", relative, content, stickerState[k], NOT_INCLUDED);
    } else {
      g.writeStringField("file", relative);
      if (stickerState[k] == MISSING) {
        media.skipMissing();
      } else {
        media.reuse();
      }
    }
    g.writeStringField("file_name", "sticker.webp");
    g.writeNumberField("file_size", content.length);
    g.writeStringField("media_type", "sticker");
    String emoji = Vocabulary.STICKER_EMOJI[k % Vocabulary.STICKER_EMOJI.length];
    g.writeStringField("sticker_emoji", emoji);
    g.writeStringField("mime_type", "image/webp");
    g.writeNumberField("width", 512);
    g.writeNumberField("height", 512);
  }

  void contact() throws IOException {
    int k = rng.nextInt(MediaPool.VCARDS);
    String[] c = Vocabulary.CONTACTS[k];
    g.writeFieldName("contact_information");
    g.writeStartObject();
    g.writeStringField("first_name", c[0]);
    g.writeStringField("last_name", c[1]);
    g.writeStringField("phone_number", c[2]);
    g.writeEndObject();
    if (rng.chance(0.7)) {
      String relative =
          path("contacts").append("contact_").append(++contacts).append(".vcard").toString();
      written("contact_vcard", "contact_vcard_file_size", relative, pool.vcard(k));
    }
  }
}
