package dev.tgmd.layout;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one chat's notes go: {@code OUT/<chat>/<chat> <period>.md} for the chat's messages, {@code
 * OUT/<chat>/<topic>/<chat> - <topic> <period>.md} for forum topics, {@code OUT/<chat>/<chat>.md}
 * for the chat's index note and {@code OUT/<chat>/media/} for its files.
 *
 * <p>Names are decided in message order, so the same input always gives the same names. Not
 * thread-safe: used by the single thread that reads the export.
 */
public final class ChatLayout {

  /** The folder, inside a chat's folder, that holds its media files. */
  public static final String MEDIA_FOLDER = "media";

  private static final int NOTE_BYTES = 200;

  private final String folder;
  private final Split split;
  private final NameAllocator topicNames = new NameAllocator();
  private final Map<Long, String> topicFolders = new HashMap<>();
  private final Map<String, NoteRef> notes = new HashMap<>();
  private NoteRef lastRef;
  private long lastTopic;
  private LocalDate lastDate;

  /**
   * @param folder the chat's folder name, already safe and unique among chats
   */
  public ChatLayout(String folder, Split split) {
    this.folder = folder;
    this.split = split;
    topicNames.reserve(MEDIA_FOLDER);
  }

  /** The chat's folder name inside OUT. */
  public String folder() {
    return folder;
  }

  /** How notes are split. */
  public Split split() {
    return split;
  }

  /**
   * Declares a forum topic; its folder is named after its first title. Later renames keep the
   * folder so that links stay valid.
   */
  public void declareTopic(long topicId, String title) {
    topicFolders.computeIfAbsent(
        topicId,
        id ->
            topicNames.allocate(
                folderName(SafeNames.of(title, SafeNames.FOLDER_BYTES, "Topic " + id)),
                Long.toString(id),
                SafeNames.FOLDER_BYTES));
  }

  /**
   * A topic's folder shares the chat's folder with the chat's notes and {@code media}: every note
   * ends in {@code .md}, so no folder may (compared case-insensitively, as Windows and macOS do); a
   * title such as {@code Forum 2024-03.md} becomes {@code Forum 2024-03_md}. {@code media} is
   * reserved in the allocator.
   */
  static String folderName(String safe) {
    if (safe.length() >= 3 && safe.regionMatches(true, safe.length() - 3, ".md", 0, 3)) {
      return safe.substring(0, safe.length() - 3) + "_" + safe.substring(safe.length() - 2);
    }
    return safe;
  }

  /** The note for messages of {@code topicId} (0: the chat level) on {@code date}. */
  public NoteRef note(long topicId, LocalDate date) {
    if (lastRef != null && topicId == lastTopic && date.equals(lastDate)) {
      return lastRef; // consecutive messages mostly share a day
    }
    lastRef = find(topicId, date);
    lastTopic = topicId;
    lastDate = date;
    return lastRef;
  }

  private NoteRef find(long topicId, LocalDate date) {
    String period = split.period(date);
    String key = topicId + "/" + period;
    NoteRef ref = notes.get(key);
    if (ref == null) {
      String topic = topicId == 0 ? null : topicFolders.get(topicId);
      if (topicId != 0 && topic == null) {
        declareTopic(topicId, null);
        topic = topicFolders.get(topicId);
      }
      String base = topic == null ? folder : folder + " - " + topic;
      String name = SafeNames.truncateBytes(base, NOTE_BYTES).strip() + " " + period;
      ref = new NoteRef(topic, name, period, topicId);
      notes.put(key, ref);
    }
    return ref;
  }

  /** The chat's index note, linking every period note. */
  public NoteRef indexNote() {
    return new NoteRef(null, folder, null, 0);
  }
}
