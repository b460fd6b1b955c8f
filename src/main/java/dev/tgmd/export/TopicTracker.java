package dev.tgmd.export;

import dev.tgmd.source.Message;
import dev.tgmd.source.ServiceAction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the forum topic of each message of one chat. A topic's id is the id of its {@code
 * topic_created} message; a message posted in a topic replies to that message, and a reply inside a
 * topic replies to another message of it, so membership follows the reply chain up to a {@code
 * topic_created}. Messages of the General topic carry no marker (topic 0).
 *
 * <p>Only messages in a topic are remembered, as sorted arrays (Telegram exports messages in id
 * order): 12 bytes per message of a forum topic, nothing for other chats. Not thread-safe.
 */
final class TopicTracker {

  private long[] ids = new long[0];
  private long[] topics = new long[0];
  private int size;
  private Map<Long, Long> unordered;

  /** The topic of {@code m} (0 for none), remembered for the replies that follow. */
  long topicOf(Message m) {
    long topic = 0;
    if (m.action() instanceof ServiceAction.TopicCreated) {
      topic = m.id();
    } else if (m.replyToMessageId() != null && m.replyToPeerId() == null && size > 0) {
      topic = lookup(m.replyToMessageId());
    }
    if (topic != 0) {
      remember(m.id(), topic);
    }
    return topic;
  }

  private long lookup(long id) {
    int i = Arrays.binarySearch(ids, 0, size, id);
    if (i >= 0) {
      return topics[i];
    }
    if (unordered != null) {
      Long t = unordered.get(id);
      return t == null ? 0 : t;
    }
    return 0;
  }

  private void remember(long id, long topic) {
    if (size > 0 && id <= ids[size - 1]) {
      if (unordered == null) {
        unordered = new HashMap<>();
      }
      unordered.put(id, topic);
      return;
    }
    if (size == ids.length) {
      int n = Math.max(16, size * 2);
      ids = Arrays.copyOf(ids, n);
      topics = Arrays.copyOf(topics, n);
    }
    ids[size] = id;
    topics[size] = topic;
    size++;
  }
}
