package dev.tgmd.render;

import dev.tgmd.units.Counts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of a note around its messages: YAML front matter, the title, day headings, and the
 * chat's index note. Pure and thread-safe; the same input always gives the same bytes.
 */
public final class NoteFormat {

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  /**
   * The days' English names, by {@code DayOfWeek.ordinal()}: {@code getDisplayName} builds a
   * formatter at every call, and a note has a heading for every day.
   */
  private static final String[] DAY_NAMES = new String[7];

  static {
    for (DayOfWeek d : DayOfWeek.values()) {
      DAY_NAMES[d.ordinal()] = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
  }

  private final Flavor flavor;

  public NoteFormat(Flavor flavor) {
    this.flavor = Objects.requireNonNull(flavor, "flavor");
  }

  /**
   * What a period note's front matter says.
   *
   * @param topic the forum topic's title; null for chat-level notes
   * @param partial true when the export was interrupted before this note was complete
   * @param nav the links to the period before and after and to the chat's index
   */
  public record NoteHeader(
      String chat,
      long chatId,
      String chatType,
      String topic,
      String period,
      long messages,
      LocalDateTime first,
      LocalDateTime last,
      boolean partial,
      Nav nav) {}

  /**
   * A period note's way around: relative links (without {@code .md}) to its chat's index and to the
   * notes of the period before and after it (of the same topic); null where there is none.
   */
  public record Nav(
      String index, String previous, String previousPeriod, String next, String nextPeriod) {
    public Nav {
      Objects.requireNonNull(index, "index");
    }
  }

  /**
   * One chat of the vault, for the note that lists them all.
   *
   * @param link the relative link from the top of OUT to the chat's index note, without {@code .md}
   * @param first the day of its first message; null when none has a date
   */
  public record VaultChat(
      String name, String type, String link, long messages, LocalDate first, LocalDate last) {}

  /** The name of the note at the top of OUT that lists every chat, without {@code .md}. */
  public static final String VAULT_INDEX = "Telegram chats";

  /** One line of a chat's index: a period note and how many messages it holds. */
  public record IndexEntry(String topic, String link, String period, long messages) {}

  /**
   * What a chat's index note says.
   *
   * @param entries the period notes, chat-level ones first, then per topic in the order met
   * @param renames each topic's later titles, by its first title (the one its entries have), each
   *     "title (date)", in order
   */
  public record ChatIndex(
      String chat,
      long chatId,
      String chatType,
      long messages,
      LocalDateTime first,
      LocalDateTime last,
      boolean partial,
      List<IndexEntry> entries,
      java.util.Map<String, List<String>> renames) {
    public ChatIndex {
      entries = List.copyOf(entries);
      renames = java.util.Map.copyOf(renames);
    }
  }

  /** The front matter and title that open a period note, ending with a blank line. */
  public String noteStart(NoteHeader h) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("---\n");
    sb.append("chat: ").append(yaml(h.chat())).append('\n');
    sb.append("chat_id: ").append(h.chatId()).append('\n');
    sb.append("chat_type: ").append(yaml(h.chatType())).append('\n');
    if (h.topic() != null) {
      sb.append("topic: ").append(yaml(h.topic())).append('\n');
    }
    sb.append("period: ").append(yaml(h.period())).append('\n');
    sb.append("messages: ").append(h.messages()).append('\n');
    if (h.first() != null) {
      sb.append("first_message: ").append(TIME.format(h.first())).append('\n');
      sb.append("last_message: ").append(TIME.format(h.last())).append('\n');
    }
    if (h.partial()) {
      sb.append("partial: true\n");
    }
    sb.append("tags: [telegram]\n");
    sb.append("---\n\n");
    String title = h.topic() == null ? h.chat() : h.chat() + " · " + h.topic();
    sb.append("# ")
        .append(
            MarkdownText.escapeInline(
                title + (h.period().equals("all") ? "" : " · " + h.period())));
    sb.append("\n\n");
    if (h.nav() != null) {
      Nav n = h.nav();
      List<String> parts = new ArrayList<>(3);
      if (n.previous() != null) {
        parts.add("← " + link(n.previous(), n.previousPeriod()));
      }
      parts.add(link(n.index(), h.topic() == null ? h.chat() : h.chat() + " · " + h.topic()));
      if (n.next() != null) {
        parts.add(link(n.next(), n.nextPeriod()) + " →");
      }
      sb.append(String.join(" · ", parts)).append("\n\n");
    }
    return sb.toString();
  }

  /** The note at the top of OUT: every chat of the vault, with its facts and a link. */
  public String vaultIndex(List<VaultChat> chats) {
    long messages = 0;
    for (VaultChat c : chats) {
      messages += c.messages();
    }
    StringBuilder sb = new StringBuilder(256 + chats.size() * 128);
    sb.append("---\n");
    sb.append("chats: ").append(chats.size()).append('\n');
    sb.append("messages: ").append(messages).append('\n');
    sb.append("tags: [telegram]\n");
    sb.append("---\n\n");
    sb.append("# ").append(VAULT_INDEX).append("\n\n");
    sb.append(Counts.of(chats.size(), "chat", "chats"))
        .append(" · ")
        .append(Counts.of(messages, "message", "messages"))
        .append("\n\n");
    for (VaultChat c : chats) {
      sb.append("- ")
          .append(link(c.link(), c.name()))
          .append(" · ")
          .append(Labels.capitalize(c.type().replace('_', ' ')))
          .append(" · ")
          .append(Counts.of(c.messages(), "message", "messages"));
      if (c.first() != null) {
        sb.append(" · ").append(c.first()).append(" to ").append(c.last());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The heading of a day inside a note: {@code ## 2024-03-16 · Saturday}. */
  public String dayHeading(LocalDate day) {
    return "## " + day + " · " + DAY_NAMES[day.getDayOfWeek().ordinal()];
  }

  /** A chat's index note. */
  public String index(ChatIndex c) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("---\n");
    sb.append("chat: ").append(yaml(c.chat())).append('\n');
    sb.append("chat_id: ").append(c.chatId()).append('\n');
    sb.append("chat_type: ").append(yaml(c.chatType())).append('\n');
    sb.append("messages: ").append(c.messages()).append('\n');
    sb.append("notes: ").append(c.entries().size()).append('\n');
    if (c.first() != null) {
      sb.append("first_message: ").append(TIME.format(c.first())).append('\n');
      sb.append("last_message: ").append(TIME.format(c.last())).append('\n');
    }
    if (c.partial()) {
      sb.append("partial: true\n");
    }
    sb.append("tags: [telegram]\n");
    sb.append("---\n\n");
    sb.append("# ").append(MarkdownText.escapeInline(c.chat())).append("\n\n");
    sb.append("↑ ").append(link("../" + VAULT_INDEX, "All chats")).append("\n\n");
    List<String> facts = new ArrayList<>();
    facts.add(Labels.capitalize(c.chatType().replace('_', ' ')));
    facts.add(Counts.of(c.messages(), "message", "messages"));
    if (c.first() != null) {
      facts.add(c.first().toLocalDate() + " to " + c.last().toLocalDate());
    }
    if (c.partial()) {
      facts.add("incomplete: the export was interrupted");
    }
    sb.append(String.join(" · ", facts)).append("\n\n");
    String topic = null;
    boolean first = true;
    for (IndexEntry e : c.entries()) {
      if (first || !Objects.equals(topic, e.topic())) {
        if (!first) {
          sb.append('\n');
        }
        if (e.topic() == null) {
          sb.append("## Notes\n\n");
        } else {
          if (first || topic == null) {
            sb.append("## Topics\n\n");
          }
          sb.append("### ").append(MarkdownText.escapeInline(e.topic())).append("\n\n");
          List<String> renamed = c.renames().get(e.topic());
          if (renamed != null && !renamed.isEmpty()) {
            sb.append(MarkdownText.escapeInline("Renamed to " + String.join(", then ", renamed)))
                .append("\n\n");
          }
        }
        topic = e.topic();
        first = false;
      }
      sb.append("- ")
          .append(link(e.link(), e.period()))
          .append(" · ")
          .append(Counts.of(e.messages(), "message", "messages"))
          .append('\n');
    }
    return sb.toString();
  }

  private String link(String link, String label) {
    if (flavor == Flavor.OBSIDIAN) {
      return "[[" + link + "|" + Labels.wikiLabel(label) + "]]";
    }
    return "["
        + MarkdownText.escapeInline(label)
        + "]("
        + MarkdownText.destination(link + ".md")
        + ")";
  }

  /** A YAML double-quoted scalar. */
  static String yaml(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20
              || c == 0x7f
              || (c >= 0x80 && c <= 0x9f)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
