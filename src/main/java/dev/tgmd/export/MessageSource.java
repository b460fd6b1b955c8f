package dev.tgmd.export;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.NameAllocator;
import dev.tgmd.layout.NoteRef;
import dev.tgmd.layout.SafeNames;
import dev.tgmd.metrics.CacheRecorder;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.ReplyTarget;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.Message;
import dev.tgmd.source.ServiceAction;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The fetch stage: reads the export in order and places each message: its chat folder, note,
 * anchor, forum topic, and what its reply points at. Everything that depends on message order
 * happens here, on one thread, so that the rest can run concurrently and still give the same
 * notes every time.
 *
 * <p>Not thread-safe.
 */
final class MessageSource {

  private final ExportReader reader;
  private final ExportOptions options;
  private final NameAllocator chatFolders;
  private final ReplyIndex replies;

  private Work.ChatInfo chat;
  private ChatLayout layout;
  private TopicTracker topics;
  private IdSet ids;
  private Map<Long, Integer> duplicates;
  private Map<Long, String> topicTitles;
  private LocalDate lastDay;
  private long messagesRead;

  MessageSource(ExportReader reader, ExportOptions options, NameAllocator chatFolders, CacheRecorder replyCache) {
    this.reader = reader;
    this.options = options;
    this.chatFolders = chatFolders;
    this.replies = new ReplyIndex(options.replyIndexSize(), replyCache);
  }

  /** Message entries read from the export so far, filtered out or not. */
  long messagesRead() {
    return messagesRead;
  }

  /** The next piece of work, or null at the end of the export. */
  Work next() throws IOException, ExportFormatException {
    ExportEvent e;
    while ((e = reader.next()) != null) {
      if (e instanceof ExportEvent.MessageRead) {
        messagesRead++;
        Work w = place(((ExportEvent.MessageRead) e).message());
        if (w != null) {
          return w;
        }
      } else if (e instanceof ExportEvent.ChatStarted) {
        return begin(e.chat());
      } else {
        replies.clear();
        Work.ChatInfo ended = chat;
        chat = null;
        return new Work.ChatEnd(ended);
      }
    }
    return null;
  }

  private Work begin(Chat c) {
    String name = c.displayName();
    String folder = chatFolders.allocate(
        SafeNames.of(name, SafeNames.FOLDER_BYTES, "Chat " + c.id()), Long.toString(c.id()), SafeNames.FOLDER_BYTES);
    chat = new Work.ChatInfo(c, folder, name);
    layout = new ChatLayout(folder, options.split());
    topics = new TopicTracker();
    ids = new IdSet();
    duplicates = new HashMap<>();
    topicTitles = new HashMap<>();
    lastDay = null;
    return new Work.ChatBegin(chat);
  }

  private Work place(Message m) {
    LocalDateTime time = m.date() == null ? null : m.date().in(options.zone());
    LocalDate day = time != null ? time.toLocalDate() : lastDay != null ? lastDay : LocalDate.EPOCH;
    lastDay = day;
    long topic = topics.topicOf(m);
    if (m.action() instanceof ServiceAction.TopicCreated) {
      String title = ((ServiceAction.TopicCreated) m.action()).title();
      topicTitles.putIfAbsent(m.id(), title == null || title.isBlank() ? "Topic " + m.id() : title.strip());
      layout.declareTopic(m.id(), topicTitles.get(m.id()));
    }
    if ((options.since() != null && day.isBefore(options.since()))
        || (options.until() != null && day.isAfter(options.until()))) {
      return null;
    }
    NoteRef note = layout.note(topic, day);
    boolean first = ids.add(m.id());
    String anchor = first ? "m" + m.id() : "m" + m.id() + "-" + duplicates.merge(m.id(), 2, (a, b) -> a + 1);
    // a message posted in a forum topic "replies" to the topic's first message: that is no reply
    boolean topicPost = topic != 0 && m.replyToMessageId() != null && m.replyToMessageId() == topic;
    ReplyTarget reply = m.replyToMessageId() == null || topicPost ? null
        : target(m.replyToMessageId(), m.replyToPeerId(), note);
    ReplyTarget pinned = m.action() instanceof ServiceAction.Pinned
        ? target(((ServiceAction.Pinned) m.action()).messageId(), null, note) : null;
    if (first) {
      replies.put(m.id(), new ReplyIndex.Entry(note, anchor, senderOf(m), MessageRenderer.snippet(m)));
    }
    String topicTitle = topic == 0 ? null : topicTitles.getOrDefault(topic, "Topic " + topic);
    return new Work.MessageWork(chat, new MessageView(m, anchor, time, reply, pinned), note, day, topicTitle);
  }

  private ReplyTarget target(long id, Long peer, NoteRef from) {
    if (peer != null) {
      return new ReplyTarget.OtherChat(id, peer);
    }
    ReplyIndex.Entry e = replies.lookup(id);
    if (e != null) {
      String link = e.note().equals(from) ? "" : e.note().linkFrom(from);
      return new ReplyTarget.Linked(link, e.anchor(), e.sender(), e.snippet());
    }
    return ids.contains(id) ? new ReplyTarget.Forgotten(id) : new ReplyTarget.NotInExport(id);
  }

  /** Who a reply link names: nobody for service messages, whose snippet names the actor. */
  private static String senderOf(Message m) {
    if (m.isService()) {
      return null;
    }
    return m.sender() != null && !m.sender().isBlank() ? m.sender().strip() : "Deleted Account";
  }
}
