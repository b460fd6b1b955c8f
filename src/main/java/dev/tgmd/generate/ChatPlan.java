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
    ChatKind kind,
    String name,
    boolean nullName,
    String type,
    long id,
    long messages,
    boolean left,
    String folder,
    int memberBase,
    int memberCount) {

  /** Messages per extra chat: {@code n / 40000 + 3} chats in all. */
  static final long MESSAGES_PER_EXTRA_CHAT = 40_000;

  /** Splits {@code n} messages over the chats, unevenly: the first chats are the biggest. */
  static List<ChatPlan> plan(long n) {
    return plan(n, MESSAGES_PER_EXTRA_CHAT);
  }

  /** As {@link #plan(long)} with another chat density (tests use more, smaller chats). */
  static List<ChatPlan> plan(long n, long messagesPerExtraChat) {
    return plan(n, messagesPerExtraChat, 0);
  }

  /** As {@link #plan(long, long)}, with at most {@code maxChats} chats (0: no limit). */
  static List<ChatPlan> plan(long n, long messagesPerExtraChat, int maxChats) {
    int count = (int) Math.min(n, n / messagesPerExtraChat + 3);
    if (maxChats > 0) {
      count = Math.min(count, maxChats);
    }
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
      ChatKind kind = left ? ChatKind.SUPERGROUP : kind(k);
      String folder = String.format(Locale.ROOT, "chats/chat_%0" + digits + "d", k + 1);
      int memberBase = 1 + (k * 131) % (People.COUNT - 400);
      plans.add(chat(k, kind, sizes[k], left, folder, memberBase));
    }
    return plans;
  }

  private static final ChatKind[] CYCLE = {
    ChatKind.PERSONAL,
    ChatKind.SUPERGROUP,
    ChatKind.GROUP,
    ChatKind.BOT,
    ChatKind.PERSONAL,
    ChatKind.CHANNEL
  };

  private static ChatKind kind(int k) {
    switch (k) {
      case 0:
        return ChatKind.FORUM;
      case 1:
        return ChatKind.MIGRATED;
      case 2:
        return ChatKind.CHANNEL;
      case 3:
        return ChatKind.PERSONAL;
      case 4:
        return ChatKind.GROUP;
      case 5:
        return ChatKind.SAVED;
      default:
        return CYCLE[k % CYCLE.length];
    }
  }

  private static ChatPlan chat(
      int k, ChatKind kind, long messages, boolean left, String folder, int memberBase) {
    long channelId = 1_900_000_000L + k;
    return switch (kind) {
      case FORUM ->
          new ChatPlan(
              k,
              kind,
              "Hikers' Forum",
              false,
              "public_supergroup",
              channelId,
              messages,
              left,
              folder,
              memberBase,
              300);
      case MIGRATED ->
          new ChatPlan(
              k,
              kind,
              "Weekend Climbers",
              false,
              "private_supergroup",
              channelId,
              messages,
              left,
              folder,
              memberBase,
              60);
      case CHANNEL -> {
        String channel = Vocabulary.CHANNEL_NAMES[k % Vocabulary.CHANNEL_NAMES.length];
        yield new ChatPlan(
            k,
            kind,
            channel,
            false,
            k == 2 ? "public_channel" : "private_channel",
            channelId,
            messages,
            left,
            folder,
            memberBase,
            3);
      }
      case PERSONAL -> {
        boolean deleted = k % 11 == 7;
        yield new ChatPlan(
            k,
            kind,
            deleted ? null : People.name(memberBase),
            deleted,
            "personal_chat",
            People.userId(memberBase),
            messages,
            left,
            folder,
            memberBase,
            1);
      }
      case GROUP ->
          new ChatPlan(
              k,
              kind,
              groupName(k),
              false,
              "private_group",
              400_000_000L + k,
              messages,
              left,
              folder,
              memberBase,
              3 + k % 20);
      case SAVED ->
          new ChatPlan(
              k,
              kind,
              null,
              false,
              "saved_messages",
              People.userId(0),
              messages,
              left,
              folder,
              memberBase,
              1);
      case BOT ->
          new ChatPlan(
              k,
              kind,
              "Trail Weather Bot",
              false,
              "bot_chat",
              5_000_000_000L + k,
              messages,
              left,
              folder,
              memberBase,
              1);
      case SUPERGROUP ->
          new ChatPlan(
              k,
              kind,
              groupName(k),
              false,
              left || k % 2 == 0 ? "public_supergroup" : "private_supergroup",
              channelId,
              messages,
              left,
              folder,
              memberBase,
              20 + k % 200);
    };
  }

  private static String groupName(int k) {
    return Vocabulary.GROUP_NAMES[k % Vocabulary.GROUP_NAMES.length];
  }

  GenerateSummary.Chat summary() {
    return new GenerateSummary.Chat(name, type, id, messages, left, folder);
  }
}
