package dev.tgmd.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of one generated chat, decided before anything is written.
 *
 * @param memberBase the first person of the chat's members
 * @param memberCount how many people post in it (1 for a personal chat: the other person)
 */
record ChatPlan(
    int index,
    Kind kind,
    String name,
    boolean nullName,
    String type,
    long id,
    long messages,
    boolean left,
    String folder,
    int memberBase,
    int memberCount) {

  /** What a chat is like, which decides its senders, service actions and structure. */
  enum Kind {
    FORUM,
    MIGRATED,
    CHANNEL,
    PERSONAL,
    GROUP,
    SAVED,
    SUPERGROUP,
    BOT
  }

  /** Messages per extra chat: {@code n / 40000 + 3} chats in all. */
  static final long MESSAGES_PER_EXTRA_CHAT = 40_000;

  /** Splits {@code n} messages over the chats, unevenly: the first chats are the biggest. */
  static List<ChatPlan> plan(long n) {
    return plan(n, MESSAGES_PER_EXTRA_CHAT);
  }

  /** As {@link #plan(long)} with another chat density (tests use more, smaller chats). */
  static List<ChatPlan> plan(long n, long messagesPerExtraChat) {
    int count = (int) Math.min(n, n / messagesPerExtraChat + 3);
    double[] weights = new double[count];
    double total = 0;
    for (int k = 0; k < count; k++) {
      weights[k] = 1 / Math.pow(k + 1, 0.9);
      total += weights[k];
    }
    long[] sizes = new long[count];
    long rest = n - count;
    long given = 0;
    for (int k = 0; k < count; k++) {
      sizes[k] = 1 + (long) Math.floor(rest * weights[k] / total);
      given += sizes[k];
    }
    sizes[0] += n - given;

    int digits = Math.max(3, Integer.toString(count).length());
    List<ChatPlan> plans = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      boolean left = count >= 4 && k == count - 1;
      Kind kind = left ? Kind.SUPERGROUP : kind(k);
      String folder = String.format(Locale.ROOT, "chats/chat_%0" + digits + "d", k + 1);
      int memberBase = 1 + (k * 131) % (People.COUNT - 400);
      plans.add(chat(k, kind, sizes[k], left, folder, memberBase));
    }
    return plans;
  }

  private static final Kind[] CYCLE = {
    Kind.PERSONAL, Kind.SUPERGROUP, Kind.GROUP, Kind.BOT, Kind.PERSONAL, Kind.CHANNEL
  };

  private static Kind kind(int k) {
    switch (k) {
      case 0:
        return Kind.FORUM;
      case 1:
        return Kind.MIGRATED;
      case 2:
        return Kind.CHANNEL;
      case 3:
        return Kind.PERSONAL;
      case 4:
        return Kind.GROUP;
      case 5:
        return Kind.SAVED;
      default:
        return CYCLE[k % CYCLE.length];
    }
  }

  private static ChatPlan chat(
      int k, Kind kind, long messages, boolean left, String folder, int memberBase) {
    long channelId = 1_900_000_000L + k;
    switch (kind) {
      case FORUM:
        return new ChatPlan(k, kind, "Hikers' Forum", false, "public_supergroup", channelId,
            messages, left, folder, memberBase, 300);
      case MIGRATED:
        return new ChatPlan(k, kind, "Weekend Climbers", false, "private_supergroup", channelId,
            messages, left, folder, memberBase, 60);
      case CHANNEL:
        String channel = Vocabulary.CHANNEL_NAMES[k % Vocabulary.CHANNEL_NAMES.length];
        return new ChatPlan(k, kind, channel, false, k == 2 ? "public_channel" : "private_channel",
            channelId, messages, left, folder, memberBase, 3);
      case PERSONAL:
        boolean deleted = k % 11 == 7;
        return new ChatPlan(k, kind, deleted ? null : People.name(memberBase), deleted,
            "personal_chat", People.userId(memberBase), messages, left, folder, memberBase, 1);
      case GROUP:
        return new ChatPlan(k, kind, groupName(k), false, "private_group", 400_000_000L + k,
            messages, left, folder, memberBase, 3 + k % 20);
      case SAVED:
        return new ChatPlan(k, kind, null, false, "saved_messages", People.userId(0), messages,
            left, folder, memberBase, 1);
      case BOT:
        return new ChatPlan(k, kind, "Trail Weather Bot", false, "bot_chat",
            5_000_000_000L + k, messages, left, folder, memberBase, 1);
      default:
        return new ChatPlan(k, kind, groupName(k), false,
            left || k % 2 == 0 ? "public_supergroup" : "private_supergroup", channelId, messages,
            left, folder, memberBase, 20 + k % 200);
    }
  }

  private static String groupName(int k) {
    return Vocabulary.GROUP_NAMES[k % Vocabulary.GROUP_NAMES.length];
  }

  GenerateSummary.Chat summary() {
    return new GenerateSummary.Chat(name, type, id, messages, left, folder);
  }
}
