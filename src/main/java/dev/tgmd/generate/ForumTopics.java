package dev.tgmd.generate;

/**
 * The topics of a generated forum: when they open, and which message a forum message replies to
 * (the topic it is posted in, or a recent message of that topic). Holds a fixed amount of state: a
 * few recent ids per topic. Not thread-safe: it shares the chat's {@link Rng}.
 */
final class ForumTopics {

  static final int MAX_TOPICS = Vocabulary.TOPIC_TITLES.length;
  private static final int RECENT = 8;

  private final Rng rng;
  private final MessageIds ids;
  private final long messages;

  private int topics;
  private final long[] topicIds = new long[MAX_TOPICS];

  /** Index 0: messages outside any topic (the "General" topic); then one per topic. */
  private final long[][] recent = new long[MAX_TOPICS + 1][RECENT];

  private final int[] recentCount = new int[MAX_TOPICS + 1];

  ForumTopics(ChatPlan plan, Rng rng, MessageIds ids) {
    this.rng = rng;
    this.ids = ids;
    this.messages = plan.messages();
  }

  /**
   * Whether message {@code i} (not the first) opens a topic: messages 2 and 3 do, later ones now
   * and then, while fewer than {@link #MAX_TOPICS} are open.
   */
  boolean opensTopic(long i) {
    if ((i == 2 || i == 3) || (i > 3 && topics < MAX_TOPICS && rng.chance(topicRate()))) {
      return topics < MAX_TOPICS;
    }
    return false;
  }

  /** Topics open over the first third of the forum's history, at most one in 50 messages. */
  private double topicRate() {
    return Math.min(0.02, 3.0 * MAX_TOPICS / messages);
  }

  /** Opens the next topic with the service message {@code id}; returns the topic's title. */
  String open(long id) {
    topics++;
    topicIds[topics - 1] = id;
    recentCount[topics] = 0;
    return Vocabulary.TOPIC_TITLES[topics - 1];
  }

  /**
   * Places message {@code i} in a topic (or none) and returns the id it replies to, 0 for none: in
   * a topic it replies to the topic or to a recent message of the topic.
   */
  long replyTarget(long i) {
    int topic =
        topics == 0 || rng.chance(0.3) ? 0 : 1 + (int) (topics * Math.pow(rng.nextDouble(), 1.5));
    long target = 0;
    int n = recentCount[topic];
    if (topic == 0) {
      if (n > 0 && rng.chance(0.25)) {
        target = recent[0][rng.nextInt(Math.min(n, RECENT))];
      } else if (rng.chance(0.01)) {
        target = ids.replyTarget(i); // anywhere, maybe not in the file
      }
    } else {
      target =
          n > 0 && rng.chance(0.45)
              ? recent[topic][rng.nextInt(Math.min(n, RECENT))]
              : topicIds[topic - 1];
    }
    recent[topic][n % RECENT] = ids.idOf(i);
    recentCount[topic] = n + 1;
    return target;
  }
}
