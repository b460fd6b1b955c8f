package dev.tgmd.export;

import dev.tgmd.layout.ChatLayout;
import dev.tgmd.layout.NameAllocator;
import dev.tgmd.layout.NoteRef;
import dev.tgmd.layout.SafeNames;
import dev.tgmd.recording.CacheRecorder;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.MessageView;
import dev.tgmd.render.ReplyTarget;
import dev.tgmd.render.Snippet;
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
import java.util.List;
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
  private final Vault vault;
  private final Map<Long, String> knownFolders;

  /** How the current chat's notes are made. */
  private enum Mode {
    /** From the export as it is read: the vault held none of the chat's messages. */
    STREAM,
    /** Not yet: the chat's messages are merged into the vault first. */
    MERGE,
    /** From the vault, every message it holds of the chat, once the export's are merged. */
    REPLAY
  }

  private Mode mode = Mode.STREAM;

  /** The ids of the chat's messages taken into the vault, and how often each repeated. */
  private IdSet taken = new IdSet();

  private Map<Long, Integer> takenAgain = new HashMap<>();
  private Vault.Replay replay;

  /** The chats whose notes stay as they are: nothing of them changed. */
  private final List<ChatSummary> untouched = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The order the chats began in, by id. */
  private final Map<Long, Integer> order = new java.util.concurrent.ConcurrentHashMap<>();

  private PlacedMessage.ChatInfo chat;
  private ChatLayout layout;
  private TopicTracker topics;
  private IdSet ids;
  private Map<Long, Integer> duplicates;
  private Map<Long, String> topicTitles;

  /** The message placed last in each topic (0: the chat level), for runs and folded joins. */
  private Map<Long, Last> lastInTopic;

  private LocalDate lastDay;
  private boolean chatHasWork;
  private boolean chatEnded;
  private PlacedMessage pending;
  private Exception failure;

  MessageSource(
      ExportReader reader,
      ExportOptions options,
      NameAllocator chatFolders,
      CacheRecorder replyCache,
      Vault vault)
      throws IOException {
    this.reader = reader;
    this.options = options;
    this.chatFolders = chatFolders;
    this.replies = new ReplyIndex(options.replyIndexSize(), replyCache);
    this.vault = vault;
    this.knownFolders = vault.folders();
    for (String folder : knownFolders.values()) {
      chatFolders.reserve(folder); // a chat of the vault keeps its folder; no other takes it
    }
  }

  /** The chats whose notes stayed as they were, in the order they were met. */
  List<ChatSummary> untouched() {
    return List.copyOf(untouched);
  }

  /** The chats' order in the export, by id, to list them in. */
  Map<Long, Integer> order() {
    return order;
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
    while (true) {
      if (replay != null) {
        ExportEvent.MessageRead read = replay.next();
        if (read == null) {
          replay = null;
          endChat();
          continue;
        }
        PlacedMessage w = place(read.message(), read.weight(), false);
        if (w != null) {
          return w;
        }
        continue;
      }
      ExportEvent e = reader.next();
      if (e == null) {
        return null;
      }
      if (e instanceof ExportEvent.MessageRead read) {
        if (!inRange(read.message())) {
          if (mode == Mode.STREAM) {
            place(read.message(), read.weight(), true); // keeps the topics and days in step
          }
          continue;
        }
        vault.take(read, occurrence(read.message().id()));
        if (mode == Mode.STREAM) {
          PlacedMessage w = place(read.message(), read.weight(), true);
          if (w != null) {
            return w;
          }
        }
      } else if (e instanceof ExportEvent.ChatStarted) {
        begin(e.chat());
      } else if (vault.end(e.chat()) && mode == Mode.MERGE) {
        mode = Mode.REPLAY;
        replay = vault.replay(e.chat());
      } else if (mode == Mode.MERGE) {
        untouched.add(untouchedSummary(e.chat()));
        endChat();
      } else {
        endChat();
      }
    }
  }

  /** When the message was sent, in the notes' zone; null when it has no time. */
  private LocalDateTime timeOf(Message m) {
    // a day alone (an HTML export's service message) has no time to show, but its day places it
    boolean timed = m.date() != null && !m.date().dayOnly();
    return timed ? m.date().in(options.zone()) : null;
  }

  /** The day a message belongs to: its own, else the one of the message before it. */
  private LocalDate dayOf(Message m, LocalDateTime time) {
    return time != null
        ? time.toLocalDate()
        : m.date() != null
            ? m.date().wall().toLocalDate()
            : lastDay != null ? lastDay : LocalDate.EPOCH;
  }

  /** Which message of its id this one is in the chat: 0 for the first (nearly always). */
  private int occurrence(long id) {
    if (taken.add(id)) {
      return 0;
    }
    return takenAgain.merge(id, 1, Integer::sum);
  }

  private void endChat() {
    replies.clear();
    chatEnded |= chatHasWork;
    chatHasWork = false;
  }

  private boolean inRange(Message m) {
    if (options.since() == null && options.until() == null) {
      return true;
    }
    LocalDate day = dayOf(m, timeOf(m));
    lastDay = day; // an undated message takes the day of the one before, whichever mode reads it
    return !outsideDays(day);
  }

  /** Whether {@code day} is outside {@code --since}/{@code --until}. */
  private boolean outsideDays(LocalDate day) {
    return (options.since() != null && day.isBefore(options.since()))
        || (options.until() != null && day.isAfter(options.until()));
  }

  /** What a chat whose notes stay as they are has: the notes and messages of its last rendering. */
  private ChatSummary untouchedSummary(Chat c) throws IOException {
    List<String> notes = vault.notesOf(c.id());
    return ChatSummary.untouched(
        c, chat.name(), chat.folder(), vault.messages(c), notes.size(), vault.mergedOf(c));
  }

  private void begin(Chat c) throws IOException {
    order.putIfAbsent(c.id(), order.size());
    String name = c.displayName();
    Vault.ChatPlan plan = vault.begin(c);
    String known = knownFolders.get(c.id());
    String folder =
        known != null
            ? known
            : chatFolders.allocate(
                SafeNames.of(name, SafeNames.FOLDER_BYTES, "Chat " + c.id()),
                Long.toString(c.id()),
                SafeNames.FOLDER_BYTES);
    vault.dirty(c, folder);
    taken = new IdSet();
    takenAgain = new HashMap<>();
    mode = plan.fresh() ? Mode.STREAM : Mode.MERGE;
    chat = new PlacedMessage.ChatInfo(c, folder, name);
    layout = new ChatLayout(folder, options.split());
    topics = new TopicTracker();
    ids = new IdSet();
    duplicates = new HashMap<>();
    topicTitles = new HashMap<>();
    lastInTopic = new HashMap<>();
    lastDay = null;
    chatHasWork = false;
  }

  /**
   * Places a message in its note.
   *
   * @param filter whether messages outside {@code --since}/{@code --until} are left out (messages
   *     from the vault never are: it holds only what was taken)
   */
  private PlacedMessage place(Message m, long weight, boolean filter) {
    LocalDateTime time = timeOf(m);
    LocalDate day = dayOf(m, time);
    lastDay = day;
    long topic = topics.topicOf(m);
    if (m.action() instanceof ServiceAction.TopicCreated) {
      String title = ((ServiceAction.TopicCreated) m.action()).title();
      topicTitles.putIfAbsent(
          m.id(), title == null || title.isBlank() ? "Topic " + m.id() : title.strip());
      layout.declareTopic(m.id(), topicTitles.get(m.id()));
    }
    if (filter && outsideDays(day)) {
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
    Last before = lastInTopic.get(topic);
    boolean sameBlockRun = before != null && before.note.equals(note) && before.day.equals(day);
    boolean join = MessageRenderer.isJoin(m);
    boolean continuesJoins = join && sameBlockRun && before.joinAnchor != null;
    String joinAnchor = join ? (continuesJoins ? before.joinAnchor : anchor) : null;
    String sender = m.kind() == Message.Type.MESSAGE ? senderKey(m) : null;
    // a run goes on while the same sender writes again within FOLLOW_UP_SECONDS, in one note and
    // day
    boolean followUp =
        sender != null
            && sameBlockRun
            && sender.equals(before.sender)
            && time != null
            && before.time != null
            && !time.isBefore(before.time)
            && java.time.Duration.between(before.time, time).getSeconds()
                < MessageView.FOLLOW_UP_SECONDS;
    lastInTopic.put(topic, new Last(note, day, time, sender, joinAnchor));
    // made on a worker (MessageProcessor), not here: the fetch stage is one thread
    Snippet snippet = firstWithId ? Snippet.of(m) : null;
    if (firstWithId) {
      replies.put(
          m.id(),
          new ReplyIndex.Entry(note, continuesJoins ? joinAnchor : anchor, senderOf(m), snippet));
    }
    String topicTitle = topic == 0 ? null : topicTitles.getOrDefault(topic, "Topic " + topic);
    boolean first = !chatHasWork;
    chatHasWork = true;
    return new PlacedMessage(
        chat,
        new MessageView(m, anchor, time, reply, pinned, followUp),
        note,
        day,
        topicTitle,
        first,
        false,
        weight,
        join,
        continuesJoins,
        snippet);
  }

  /**
   * The message placed last in a topic: where and when, who sent it (null: not a message from
   * someone), and the anchor of the run of joins it ends (null: not a join).
   */
  private record Last(
      NoteRef note, LocalDate day, LocalDateTime time, String sender, String joinAnchor) {}

  /** Who sent a message, to tell runs apart: the sender's id, else the name; null: unknown. */
  private static String senderKey(Message m) {
    if (m.senderId() != null) {
      return "id " + m.senderId() + (m.author() == null ? "" : " " + m.author());
    }
    return m.sender() == null ? null : "name " + m.sender() + " " + m.author();
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
