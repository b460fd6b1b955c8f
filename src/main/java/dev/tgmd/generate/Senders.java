package dev.tgmd.generate;

/**
 * Draws who sends a chat's messages, as {@link People} indexes (0 is the account owner): members
 * are skewed towards the first few, so some people post far more than others. Not thread-safe: it
 * shares the chat's {@link Rng}.
 */
final class Senders {

  private final ChatPlan plan;
  private final Rng rng;

  Senders(ChatPlan plan, Rng rng) {
    this.plan = plan;
    this.rng = rng;
  }

  /** A member of the chat, the first ones more often. */
  int member() {
    double r = rng.nextDouble();
    return plan.memberBase() + (int) (plan.memberCount() * r * r);
  }

  /** The person who sends the next message (0 is the account owner). */
  int sender() {
    return switch (plan.kind()) {
      case PERSONAL, BOT -> rng.chance(0.5) ? 0 : plan.memberBase();
      case SAVED -> 0;
      case FORUM, MIGRATED, CHANNEL, GROUP, SUPERGROUP -> rng.chance(0.1) ? 0 : member();
    };
  }
}
