package dev.tgmd.export;

import dev.tgmd.archive.ChatFacts;
import dev.tgmd.archive.ChatRecord;
import dev.tgmd.layout.SafeNames;
import dev.tgmd.render.NoteFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of the note that lists every chat: each chat with notes in the vault, sorted by name
 * (then id), so that the same vault always gives the same note. Pure.
 */
final class VaultChats {

  private VaultChats() {}

  /**
   * @param folders the folder of each chat with notes, by id
   * @param zone the zone the days are in
   */
  static List<NoteFormat.VaultChat> of(
      List<ChatRecord> chats, Map<Long, ChatFacts> facts, Map<Long, String> folders, ZoneId zone) {
    List<ChatRecord> listed = new ArrayList<>();
    for (ChatRecord c : chats) {
      if (folders.containsKey(c.chatId()) && facts.containsKey(c.chatId())) {
        listed.add(c);
      }
    }
    listed.sort(
        Comparator.comparing((ChatRecord c) -> name(c, folders).toLowerCase(Locale.ROOT))
            .thenComparing(c -> name(c, folders))
            .thenComparingLong(ChatRecord::chatId));
    List<NoteFormat.VaultChat> lines = new ArrayList<>(listed.size());
    for (ChatRecord c : listed) {
      ChatFacts f = facts.get(c.chatId());
      String folder = folders.get(c.chatId());
      lines.add(
          new NoteFormat.VaultChat(
              name(c, folders),
              c.type(),
              "./" + folder + "/" + folder,
              f.messages(),
              day(f.firstUnix(), zone),
              day(f.lastUnix(), zone)));
    }
    return lines;
  }

  /** The run's own chats, sorted the same way (a run without the vault lists those). */
  static List<NoteFormat.VaultChat> sorted(List<NoteFormat.VaultChat> chats) {
    List<NoteFormat.VaultChat> lines = new ArrayList<>(chats);
    lines.sort(
        Comparator.comparing((NoteFormat.VaultChat c) -> c.name().toLowerCase(Locale.ROOT))
            .thenComparing(NoteFormat.VaultChat::name)
            .thenComparing(NoteFormat.VaultChat::link));
    return lines;
  }

  private static String name(ChatRecord c, Map<Long, String> folders) {
    return c.name() == null || c.name().isBlank()
        ? SafeNames.of(folders.get(c.chatId()), SafeNames.FOLDER_BYTES, "Chat " + c.chatId())
        : c.name();
  }

  private static LocalDate day(Long unix, ZoneId zone) {
    return unix == null ? null : Instant.ofEpochSecond(unix).atZone(zone).toLocalDate();
  }
}
