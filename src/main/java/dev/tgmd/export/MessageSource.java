package dev.tgmd.export;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.NameAllocator;
import dev.tgmd.layout.NoteRef;
import dev.tgmd.layout.SafeNames;
import dev.tgmd.recording.CacheRecorder;
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
 * happens here, on one thread, so that the rest can run concurrently and still give the same notes
 * every time.
 *
 * <p>Not thread-safe.
 */
final class MessageSource {

  private final ExportReader reader;
  private final ExportOptions options;
  private final NameAllocator chatFolders;
  private final ReplyIndex replies;

  private PlacedMessage.ChatInfo chat;
  private ChatLayout layout;
  private TopicTracker topics;
  private IdSet ids;
  private Map<Long, Integer> duplicates;
  private Map<Long, String> topicTitles;
  private LocalDate lastDay;
  private boolean chatHasWork;
  private boolean chatEnded;
  private PlacedMessage pending;
  private Exception failure;

  MessageSource(
      ExportReader reader,
      ExportOptions options,
      NameAllocator chatFolders,
      CacheRecorder replyCache) {
    this.reader = reader;
    this.options = options;
    this.chatFolders = chatFolders;
    this.replies = new ReplyIndex(options.replyIndexSize(), replyCache);
  }

  /**
   * The next message, or null at the end of the export. Reads one message ahead, to know whether a
   * message is its chat's last; an error met while reading ahead is thrown by the next call, so
   * that the message before it is not lost.
   */
  PlacedMessage next() throws IOException, ExportFormatException {
    PlacedMessage w = pending;
    pending = null;
    if (w == null) {
      throwPendingFailure();
      w = read();
      if (w == null) {
        return null;
      }
    }
    chatEnded = false;
    try {
      pending = read();
    } catch (IOException | ExportFormatException | RuntimeException e) {
      failure = e;
      return chatEnded ? w.asLast() : w;
    }
    return chatEnded || pending == null ? w.asLast() : w;
  }

  private void throwPendingFailure() throws IOException, ExportFormatException {
    Exception f = failure;
    failure = null;
    if (f instanceof ExportFormatException) {
      throw (ExportFormatException) f;
    }
    if (f instanceof IOException) {
      throw (IOException) f;
    }
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
  }

  /** The next placed message; notes in {@link #chatEnded} when a chat with messages ended first. */
  private PlacedMessage read() throws IOException, ExportFormatException {
    ExportEvent e;
    while ((e = reader.next()) != null) {
      if (e instanceof ExportEvent.MessageRead) {
        ExportEvent.MessageRead read = (ExportEvent.MessageRead) e;
        PlacedMessage w = place(read.message(), read.weight());
        if (w != null) {
          return w;
        }
      } else if (e instanceof ExportEvent.ChatStarted) {
        begin(e.chat());
      } else {
        replies.clear();
        chatEnded |= chatHasWork;
        chatHasWork = false;
      }
    }
    return null;
  }

  private void begin(Chat c) {
    String name = c.displayName();
    String folder =
        chatFolders.allocate(
            SafeNames.of(name, SafeNames.FOLDER_BYTES, "Chat " + c.id()),
            Long.toString(c.id()),
            SafeNames.FOLDER_BYTES);
    chat = new PlacedMessage.ChatInfo(c, folder, name);
    layout = new ChatLayout(folder, options.split());
    topics = new TopicTracker();
    ids = new IdSet();
    duplicates = new HashMap<>();
    topicTitles = new HashMap<>();
    lastDay = null;
    chatHasWork = false;
  }

  private PlacedMessage place(Message m, long weight) {
    // a day alone (an HTML export's service message) has no time to show, but its day places it
    boolean timed = m.date() != null && !m.date().dayOnly();
    LocalDateTime time = timed ? m.date().in(options.zone()) : null;
    LocalDate day =
        time != null
            ? time.toLocalDate()
            : m.date() != null
                ? m.date().wall().toLocalDate()
                : lastDay != null ? lastDay : LocalDate.EPOCH;
    lastDay = day;
    long topic = topics.topicOf(m);
    if (m.action() instanceof ServiceAction.TopicCreated) {
      String title = ((ServiceAction.TopicCreated) m.action()).title();
      topicTitles.putIfAbsent(
          m.id(), title == null || title.isBlank() ? "Topic " + m.id() : title.strip());
      layout.declareTopic(m.id(), topicTitles.get(m.id()));
    }
    if ((options.since() != null && day.isBefore(options.since()))
        || (options.until() != null && day.isAfter(options.until()))) {
      return null;
    }
    NoteRef note = layout.note(topic, day);
    boolean firstWithId = ids.add(m.id());
    String anchor =
        firstWithId
            ? "m" + m.id()
            : "m" + m.id() + "-" + duplicates.merge(m.id(), 2, (a, b) -> a + 1);
    // a message posted in a forum topic "replies" to the topic's first message: that is no reply
    boolean topicPost = topic != 0 && m.replyToMessageId() != null && m.replyToMessageId() == topic;
    ReplyTarget reply =
        m.replyToMessageId() == null || topicPost
            ? null
            : target(m.replyToMessageId(), m.replyToPeerId(), note);
    ReplyTarget pinned =
        m.action() instanceof ServiceAction.Pinned
            ? target(((ServiceAction.Pinned) m.action()).messageId(), null, note)
            : null;
    if (firstWithId) {
      replies.put(
          m.id(), new ReplyIndex.Entry(note, anchor, senderOf(m), MessageRenderer.snippet(m)));
    }
    String topicTitle = topic == 0 ? null : topicTitles.getOrDefault(topic, "Topic " + topic);
    boolean first = !chatHasWork;
    chatHasWork = true;
    return new PlacedMessage(
        chat,
        new MessageView(m, anchor, time, reply, pinned),
        note,
        day,
        topicTitle,
        first,
        false,
        weight);
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
