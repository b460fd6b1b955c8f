package dev.tgmd.generate;

/**
 * The ids of one chat's messages, by position in the chat: increasing, with a gap (a deleted
 * message) every {@link #GAP_EVERY} ids; a migrated supergroup starts with the old basic group's
 * messages at negative ids. Also draws reply targets among them. Not thread-safe: it shares the
 * chat's {@link Rng}.
 */
final class MessageIds {

  /** Old basic-group message ids are shifted by this when the group becomes a supergroup. */
  static final long MIGRATED_SHIFT = 1_000_000_000L;

  /** Every this many ids one is skipped: a deleted message, not in the file. */
  private static final int GAP_EVERY = 50;

  private final Rng rng;
  private final long messages;

  /** Messages of the old basic group (negative ids) before the migration; 0 if none. */
  private final long oldCount;

  private final long firstId;

  MessageIds(ChatPlan plan, Rng rng) {
    this.rng = rng;
    this.messages = plan.messages();
    this.oldCount =
        plan.kind() == ChatKind.MIGRATED && plan.messages() >= 10 ? plan.messages() / 5 : 0;
    this.firstId =
        switch (plan.kind()) {
          // Private chats and basic groups share the account's message id sequence.
          case PERSONAL, GROUP, SAVED, BOT -> 1000 + (plan.index() * 7919L) % 100000;
          case FORUM, MIGRATED, CHANNEL, SUPERGROUP -> 1;
        };
  }

  /** How many messages of the old basic group come first; 0 if the chat has none. */
  long oldCount() {
    return oldCount;
  }

  /** Whether message {@code i} belongs to the old basic group. */
  boolean isOld(long i) {
    return i < oldCount;
  }

  /** The id of message {@code i}. */
  long idOf(long i) {
    if (i < oldCount) {
      return 5000 + i + i / GAP_EVERY - MIGRATED_SHIFT;
    }
    long j = i - oldCount;
    return firstId + j + j / GAP_EVERY;
  }

  /** A reply target: mostly a recent message, sometimes far back, sometimes not in the file. */
  long replyTarget(long i) {
    double r = rng.nextDouble();
    if (r < 0.04) {
      long deleted = deletedBefore(i);
      if (deleted != 0) {
        return deleted;
      }
    }
    if (r < 0.18) {
      return idOf((long) (rng.nextDouble() * i));
    }
    long back = 1;
    while (back < i && rng.chance(0.45)) {
      back += 1 + rng.nextInt(3);
    }
    return idOf(Math.max(0, i - back));
  }

  /**
   * The id of a deleted message (one that ids skip) before message {@code i}, or 0 when none is
   * found. Ids skip one after every {@link #GAP_EVERY} messages of a segment (the old basic group,
   * then the chat itself), and nothing uses the id after a segment's last message either.
   */
  private long deletedBefore(long i) {
    long x = (long) (rng.nextDouble() * i);
    long segmentStart = x < oldCount ? 0 : oldCount;
    long segmentEnd = x < oldCount ? oldCount : messages;
    long blockEnd = segmentStart + (x - segmentStart) / GAP_EVERY * GAP_EVERY + GAP_EVERY - 1;
    long end = Math.min(blockEnd, segmentEnd - 1);
    return end < i ? idOf(end) + 1 : 0;
  }
}
