package dev.tgmd.export;

import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which chats an export run takes: {@code --type}, and each {@code --chat} resolved to exactly one
 * chat of the export before anything is written.
 *
 * <p>A {@code --chat} is, in this order: a chat's id as exported, or in the Bot API's form ({@code
 * -100} and the id for a supergroup or channel, {@code -} and the id for a basic group); a chat's
 * whole name, ignoring case; a part of one name, ignoring case. A value that names no chat, or
 * several, stops the run (exit 2) with the candidates listed, and so does one unmatched value
 * beside matched ones: a filter half applied would export other chats than asked.
 *
 * <p>Names are only known by reading the export, which streams: the chats' headers are read first
 * in a pass of their own that skips every message without parsing it ({@link #resolve}), then the
 * export is read again for the run. Without {@code --chat} there is no such pass.
 */
final class ChatSelection {

  /** How many candidates an error lists before it points to {@code tgmd chats}. */
  static final int MAX_LISTED = 10;

  private ChatSelection() {}

  /**
   * The chats {@code options} select in the export at {@code input}.
   *
   * @throws InputException when a {@code --chat} names no chat or several (the message lists the
   *     candidates), or the input is no readable export
   */
  static Predicate<Chat> resolve(ExportOptions options)
      throws InputException, ExportFormatException, IOException {
    List<String> types = options.types();
    Predicate<Chat> byType = chat -> types.isEmpty() || types.contains(chat.type());
    if (options.chats().isEmpty()) {
      return byType;
    }
    Set<Long> ids = idsOf(options.chats(), headers(options.input()));
    return byType.and(chat -> ids.contains(chat.id()));
  }

  /** The ids {@code wanted} name among {@code chats}; throws when any names none or several. */
  static Set<Long> idsOf(List<String> wanted, List<Chat> chats) throws InputException {
    Set<Long> ids = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (String w : wanted) {
      Map<Long, Chat> found = match(w, chats);
      if (found.size() == 1) {
        ids.addAll(found.keySet());
      } else if (found.isEmpty()) {
        problems.add(
            "--chat '"
                + w
                + "' matches no chat of the export"
                + (wanted.size() > 1 ? " (the other --chat values are fine)" : "")
                + "; its chats:");
        problems.addAll(listed(distinct(chats)));
      } else {
        problems.add("--chat '" + w + "' matches " + found.size() + " chats; name one by its id:");
        problems.addAll(listed(List.copyOf(found.values())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(String.join("\n", problems));
    }
    return ids;
  }

  /** The chats {@code w} names: by id, else by whole name, else by part of a name. */
  static Map<Long, Chat> match(String w, List<Chat> chats) {
    Long id = id(w);
    if (id != null) {
      Map<Long, Chat> byId = collect(chats, c -> c.id() == id);
      if (!byId.isEmpty()) {
        return byId;
      }
    }
    String key = fold(w);
    if (key.isEmpty()) {
      return Map.of();
    }
    Map<Long, Chat> whole = collect(chats, c -> fold(c.displayName()).equals(key));
    if (!whole.isEmpty()) {
      return whole;
    }
    return collect(chats, c -> fold(c.displayName()).contains(key));
  }

  /**
   * The export's id a {@code --chat} value names, or null when it is no number: the bare id, or the
   * Bot API's {@code -100<id>} (supergroups, channels) or {@code -<id>} (basic groups).
   */
  static Long id(String w) {
    String s = w.strip();
    if (s.startsWith("-100") && s.length() > 4 && digits(s.substring(4))) {
      return parse(s.substring(4));
    }
    if (s.startsWith("-") && digits(s.substring(1))) {
      return parse(s.substring(1));
    }
    return digits(s) ? parse(s) : null;
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Long parse(String digits) {
    return Long.parseLong(digits);
  }

  /** A name for matching: Unicode-normalised (NFKC), case folded, outer spaces stripped. */
  static String fold(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT)
        .strip();
  }

  private static Map<Long, Chat> collect(List<Chat> chats, Predicate<Chat> test) {
    Map<Long, Chat> found = new LinkedHashMap<>();
    for (Chat c : chats) {
      if (test.test(c)) {
        found.putIfAbsent(c.id(), c);
      }
    }
    return found;
  }

  private static List<Chat> distinct(List<Chat> chats) {
    return List.copyOf(collect(chats, c -> true).values());
  }

  /** Candidates, one a line: the first {@value #MAX_LISTED}, then how many more. */
  private static List<String> listed(List<Chat> candidates) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < candidates.size() && i < MAX_LISTED; i++) {
      Chat c = candidates.get(i);
      lines.add("  " + c.displayName() + "  (id " + c.id() + ", " + c.type() + ")");
    }
    if (candidates.size() > MAX_LISTED) {
      lines.add(
          "  ... and "
              + (candidates.size() - MAX_LISTED)
              + " more: 'tgmd chats INPUT' lists them all");
    }
    return lines;
  }

  /** Every chat's header, in export order: one pass that skips every message unparsed. */
  private static List<Chat> headers(Path input) throws ExportFormatException, IOException {
    List<Chat> chats = new ArrayList<>();
    try (ExportReader reader =
        ExportReader.open(
            input,
            chat -> {
              chats.add(chat);
              return false;
            })) {
      while (reader.next() != null) {
        // the filter refuses every chat: the reader yields nothing, it only walks to the end
      }
    }
    return chats;
  }
}
