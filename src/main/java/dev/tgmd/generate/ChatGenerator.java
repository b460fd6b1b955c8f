package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tgmd.generate.ChatPlan.Kind;
import java.io.IOException;

/**
 * Streams one generated chat object into a {@link JsonGenerator}, in tdesktop's field order, and
 * writes the media files its messages refer to (through {@link MediaFields}). Holds only a fixed
 * amount of state whatever the chat's size: the clock, a few recent ids per forum topic, and the
 * media counters. Not thread-safe.
 */
final class ChatGenerator {

  /** Old basic-group message ids are shifted by this when the group becomes a supergroup. */
  static final long MIGRATED_SHIFT = 1_000_000_000L;

  /** Every this many ids one is skipped: a deleted message, not in the file. */
  private static final int GAP_EVERY = 50;

  private static final long FIRST_DATE = 1546300800L; // 2019-01-01T00:00:00Z
  private static final long LAST_DATE = 1735603200L; // 2024-12-31T00:00:00Z

  private static final int MAX_TOPICS = Vocabulary.TOPIC_TITLES.length;
  private static final int RECENT = 8;

  private final JsonGenerator g;
  private final ChatPlan plan;
  private final Rng rng;
  private final TextMaker text;
  private final MediaWriter media;
  private final MediaFields files;

  private final char[] date = new char[19];
  private final long step;
  private long time;

  /** Messages of the old basic group (negative ids) before the migration; 0 if none. */
  private final long oldCount;

  private final long firstId;

  // forum state
  private int topics;
  private final long[] topicIds = new long[MAX_TOPICS];
  private final long[][] recent = new long[MAX_TOPICS + 1][RECENT];
  private final int[] recentCount = new int[MAX_TOPICS + 1];

  /** Whether the message being written belongs to the old basic group. */
  private boolean currentIndexIsOld;

  ChatGenerator(JsonGenerator g, ChatPlan plan, long seed, MediaPool pool, MediaWriter media) {
    this.g = g;
    this.plan = plan;
    this.rng = Rng.derive(seed, plan.index());
    this.text = new TextMaker(rng);
    this.media = media;
    this.files = new MediaFields(g, rng, plan.folder(), pool, media);
    long start = FIRST_DATE + plan.index() * 3L * 86400 + rng.nextInt(86400);
    this.step = Math.max(1, (LAST_DATE - start) / plan.messages());
    this.time = start;
    this.oldCount = plan.kind() == Kind.MIGRATED && plan.messages() >= 10 ? plan.messages() / 5 : 0;
    switch (plan.kind()) {
      case PERSONAL:
      case GROUP:
      case SAVED:
      case BOT:
        // Private chats and basic groups share the account's message id sequence.
        this.firstId = 1000 + (plan.index() * 7919L) % 100000;
        break;
      default:
        this.firstId = 1;
    }
  }

  void write() throws IOException {
    media.startChat();
    g.writeStartObject();
    if (plan.kind() != Kind.SAVED) {
      g.writeFieldName("name");
      if (plan.nullName()) {
        g.writeNull();
      } else {
        g.writeString(plan.name());
      }
    }
    g.writeStringField("type", plan.type());
    g.writeNumberField("id", plan.id());
    g.writeFieldName("messages");
    g.writeStartArray();
    for (long i = 0; i < plan.messages(); i++) {
      message(i);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  // ---------------------------------------------------------------------------------------------
  // ids and replies

  private long idOf(long i) {
    if (i < oldCount) {
      return 5000 + i + i / GAP_EVERY - MIGRATED_SHIFT;
    }
    long j = i - oldCount;
    return firstId + j + j / GAP_EVERY;
  }

  /** A reply target: mostly a recent message, sometimes far back, sometimes not in the file. */
  private long replyTarget(long i) {
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
    long segmentEnd = x < oldCount ? oldCount : plan.messages();
    long blockEnd = segmentStart + (x - segmentStart) / GAP_EVERY * GAP_EVERY + GAP_EVERY - 1;
    long end = Math.min(blockEnd, segmentEnd - 1);
    return end < i ? idOf(end) + 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // one message

  private void message(long i) throws IOException {
    long id = idOf(i);
    currentIndexIsOld = i < oldCount;
    time += 1 + rng.nextInt((int) Math.min(2 * step, Integer.MAX_VALUE - 1));
    if (plan.kind() == Kind.CHANNEL && i > 3 && rng.chance(0.002)) {
      unsupported(id);
      return;
    }
    String action = forcedAction(i);
    if (action == null && i > 0 && rng.chance(serviceRate())) {
      action = randomAction();
    }
    if (action != null) {
      service(i, id, action);
    } else {
      ordinary(i, id);
    }
  }

  private double serviceRate() {
    switch (plan.kind()) {
      case SAVED:
        return 0.003;
      case CHANNEL:
        return 0.02;
      case FORUM:
        return 0.03;
      default:
        return 0.035;
    }
  }

  private String forcedAction(long i) {
    switch (plan.kind()) {
      case FORUM:
        if (i == 0) {
          return "create_channel";
        }
        if ((i == 2 || i == 3) || (i > 3 && topics < MAX_TOPICS && rng.chance(topicRate()))) {
          return topics < MAX_TOPICS ? "topic_created" : null;
        }
        return null;
      case MIGRATED:
        if (oldCount > 0 && i == 0) {
          return "create_group";
        }
        if (oldCount > 1 && i == oldCount - 1) {
          return "migrate_to_supergroup";
        }
        if (oldCount > 0 && i == oldCount) {
          return "migrate_from_group";
        }
        return i == 0 ? "create_channel" : null;
      case GROUP:
        return i == 0 ? "create_group" : null;
      case SUPERGROUP:
      case CHANNEL:
        return i == 0 ? "create_channel" : null;
      case PERSONAL:
        return i == 0 && rng.chance(0.5) ? "joined_telegram" : null;
      default:
        return null;
    }
  }

  /** Topics open over the first third of the forum's history, at most one in 50 messages. */
  private double topicRate() {
    return Math.min(0.02, 3.0 * MAX_TOPICS / plan.messages());
  }

  private static final String[] GROUP_ACTIONS = {
    "invite_members", "invite_members", "remove_members", "join_group_by_link",
    "join_group_by_link", "edit_group_title", "edit_group_photo", "delete_group_photo",
    "pin_message", "pin_message", "group_call", "invite_to_group_call", "set_messages_ttl",
    "information_text", "future"
  };
  private static final String[] SUPERGROUP_ACTIONS = {
    "join_group_by_request", "join_group_by_request", "join_group_by_link", "invite_members",
    "remove_members", "pin_message", "pin_message", "group_call", "group_call_scheduled",
    "edit_group_title", "edit_group_photo", "boost_apply", "information_text", "future"
  };
  private static final String[] FORUM_ACTIONS = {
    "join_group_by_request", "join_group_by_link", "pin_message", "group_call", "topic_edit",
    "topic_edit", "edit_group_photo", "information_text", "future"
  };
  private static final String[] CHANNEL_ACTIONS = {
    "pin_message", "edit_group_photo", "edit_group_title", "group_call", "boost_apply"
  };
  private static final String[] PERSONAL_ACTIONS = {
    "phone_call", "phone_call", "phone_call", "phone_call", "set_messages_ttl", "pin_message",
    "edit_chat_theme", "send_star_gift", "future"
  };
  private static final String[] OTHER_ACTIONS = {"pin_message", "pin_message", "future"};

  private String randomAction() {
    switch (plan.kind()) {
      case GROUP:
        return rng.pick(GROUP_ACTIONS);
      case MIGRATED:
        return rng.pick(oldCount > 0 && currentIndexIsOld ? GROUP_ACTIONS : SUPERGROUP_ACTIONS);
      case SUPERGROUP:
        return rng.pick(SUPERGROUP_ACTIONS);
      case FORUM:
        return rng.pick(FORUM_ACTIONS);
      case CHANNEL:
        return rng.pick(CHANNEL_ACTIONS);
      case PERSONAL:
        return rng.pick(PERSONAL_ACTIONS);
      default:
        return rng.pick(OTHER_ACTIONS);
    }
  }

  private void head(long id, String type, boolean edited) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", type);
    Dates.iso(time, date);
    g.writeFieldName("date");
    g.writeString(date, 0, 19);
    g.writeStringField("date_unixtime", Long.toString(time));
    if (edited) {
      long at = time + 20 + rng.nextInt(7200);
      Dates.iso(at, date);
      g.writeFieldName("edited");
      g.writeString(date, 0, 19);
      g.writeStringField("edited_unixtime", Long.toString(at));
    }
  }

  private void unsupported(long id) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", "unsupported");
    g.writeEndObject();
  }

  private void emptyText() throws IOException {
    g.writeStringField("text", "");
    g.writeFieldName("text_entities");
    g.writeStartArray();
    g.writeEndArray();
  }

  // ---------------------------------------------------------------------------------------------
  // service messages

  private void service(long i, long id, String action) throws IOException {
    head(id, "service", false);
    boolean channel = plan.kind() == Kind.CHANNEL;
    int actor = sender();
    if (channel || action.equals("migrate_from_group")) {
      g.writeStringField("actor", plan.name());
      g.writeStringField("actor_id", "channel" + plan.id());
    } else if (action.equals("create_channel") || action.equals("create_group")
        || action.equals("topic_created") && rng.chance(0.7)) {
      writeActor(0);
      actor = 0;
    } else {
      writeActor(actor);
    }
    switch (action) {
      case "create_group":
        g.writeStringField("action", action);
        g.writeStringField("title", plan.name());
        members(2 + rng.nextInt(4), false);
        break;
      case "create_channel":
      case "migrate_from_group":
      case "edit_group_title":
        g.writeStringField("action", action);
        g.writeStringField("title", action.equals("edit_group_title") ? title() : plan.name());
        break;
      case "migrate_to_supergroup":
      case "delete_group_photo":
      case "joined_telegram":
      case "join_group_by_request":
        g.writeStringField("action", action);
        break;
      case "invite_members":
      case "invite_to_group_call":
        g.writeStringField("action", action);
        members(1 + rng.nextInt(3), true);
        break;
      case "remove_members":
        g.writeStringField("action", action);
        members(1, true);
        break;
      case "join_group_by_link":
        g.writeStringField("action", action);
        g.writeStringField("inviter", People.name(member()));
        break;
      case "edit_group_photo":
        g.writeStringField("action", action);
        files.photo(time, true);
        break;
      case "pin_message":
        g.writeStringField("action", action);
        g.writeNumberField("message_id", i > 0 ? replyTarget(i) : id);
        break;
      case "group_call":
        g.writeStringField("action", action);
        if (rng.chance(0.8)) {
          g.writeNumberField("duration", 30 + rng.nextInt(7200));
        }
        break;
      case "group_call_scheduled":
        g.writeStringField("action", action);
        g.writeNumberField("schedule_date", time + 86400 + rng.nextInt(86400 * 7));
        break;
      case "set_messages_ttl":
        g.writeStringField("action", action);
        g.writeNumberField("period", rng.pick(new Integer[] {0, 86400, 604800, 2678400}));
        break;
      case "boost_apply":
        g.writeStringField("action", action);
        g.writeNumberField("boosts", 1 + rng.nextInt(4));
        break;
      case "phone_call":
        phoneCall();
        break;
      case "edit_chat_theme":
        g.writeStringField("action", action);
        g.writeStringField("emoticon", rng.pick(new String[] {"🏔️", "🌊", "🎄", "🌸"}));
        break;
      case "send_star_gift":
        g.writeStringField("action", action);
        g.writeNumberField("gift_id", 5170000000000000000L + (rng.nextLong() >>> 20));
        g.writeNumberField("stars", 15 + rng.nextInt(500));
        g.writeBooleanField("is_limited", rng.chance(0.2));
        g.writeBooleanField("is_anonymous", rng.chance(0.1));
        textField("gift_text", text.shortPlain(People.lang(actor)));
        break;
      case "topic_created":
        g.writeStringField("action", action);
        topics++;
        topicIds[topics - 1] = id;
        recentCount[topics] = 0;
        g.writeStringField("title", Vocabulary.TOPIC_TITLES[topics - 1]);
        break;
      case "topic_edit":
        g.writeStringField("action", action);
        if (rng.chance(0.7)) {
          g.writeStringField("new_title", title());
        }
        if (rng.chance(0.5)) {
          g.writeNumberField("new_icon_emoji_id", 5368324170671202286L + rng.nextInt(1 << 20));
        }
        break;
      case "information_text":
        g.writeStringField(
            "information_text",
            rng.pick(
                new String[] {
                  "History older than a year is hidden from new members",
                  "Slow mode is on: one message every 30 seconds",
                  "This group is now visible in the nearby list"
                }));
        break;
      default:
        // An action no tdesktop writes yet; readers must still show a line for it.
        String future = rng.pick(Vocabulary.FUTURE_ACTIONS);
        g.writeStringField("action", future);
        g.writeStringField("hologram_room", "room-" + rng.nextInt(1000));
        break;
    }
    emptyText();
    g.writeEndObject();
  }

  private void phoneCall() throws IOException {
    g.writeStringField("action", "phone_call");
    int r = rng.nextInt(10);
    if (r < 6) {
      g.writeNumberField("duration_seconds", 5 + rng.nextInt(3600));
      g.writeStringField("discard_reason", "hangup");
    } else if (r < 8) {
      g.writeStringField("discard_reason", "missed");
    } else if (r < 9) {
      g.writeStringField("discard_reason", "busy");
    } else {
      g.writeNumberField("duration_seconds", 1 + rng.nextInt(60));
      g.writeStringField("discard_reason", "disconnect");
    }
  }

  private void members(int n, boolean mayBeNull) throws IOException {
    g.writeFieldName("members");
    g.writeStartArray();
    for (int k = 0; k < n; k++) {
      if (mayBeNull && rng.chance(0.05)) {
        g.writeNull();
      } else {
        g.writeString(People.name(member()));
      }
    }
    g.writeEndArray();
  }

  private String title() {
    return rng.pick(Vocabulary.GROUP_NAMES) + " " + (1 + rng.nextInt(9));
  }

  private void writeActor(int person) throws IOException {
    g.writeStringField("actor", People.name(person));
    g.writeStringField("actor_id", People.fromId(person));
  }

  // ---------------------------------------------------------------------------------------------
  // senders

  private int member() {
    double r = rng.nextDouble();
    return plan.memberBase() + (int) (plan.memberCount() * r * r);
  }

  /** The person who sends the next message (0 is the account owner). */
  private int sender() {
    switch (plan.kind()) {
      case PERSONAL:
      case BOT:
        return rng.chance(0.5) ? 0 : plan.memberBase();
      case SAVED:
        return 0;
      default:
        return rng.chance(0.1) ? 0 : member();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // ordinary messages

  private static final int TEXT = 0;
  private static final int PHOTO = 1;
  private static final int DOCUMENT = 2;
  private static final int VOICE = 3;
  private static final int ROUND = 4;
  private static final int VIDEO = 5;
  private static final int AUDIO = 6;
  private static final int ANIMATION = 7;
  private static final int STICKER = 8;
  private static final int POLL = 9;
  private static final int LOCATION = 10;
  private static final int VENUE = 11;
  private static final int CONTACT = 12;
  private static final int GAME = 13;
  private static final int INVOICE = 14;
  private static final int TODO = 15;

  /** Cumulative probabilities of the kinds above, TEXT taking the rest. */
  private static final double[] KIND_CUMULATIVE = {
    0, 0.040, 0.055, 0.068, 0.072, 0.075, 0.077, 0.080, 0.095, 0.098, 0.101, 0.102, 0.104, 0.1045,
    0.105, 0.1055
  };

  private int kind() {
    double r = rng.nextDouble();
    for (int k = 1; k < KIND_CUMULATIVE.length; k++) {
      if (r < KIND_CUMULATIVE[k]) {
        return k;
      }
    }
    return TEXT;
  }

  private void ordinary(long i, long id) throws IOException {
    int kind = kind();
    boolean channel = plan.kind() == Kind.CHANNEL;
    int from = sender();
    head(id, "message", rng.chance(0.08));

    if (channel) {
      g.writeStringField("from", plan.name());
      g.writeStringField("from_id", "channel" + plan.id());
      if (rng.chance(0.5)) {
        g.writeStringField("author", People.name(member()));
      }
    } else if (from != 0 && rng.chance(0.005)) {
      g.writeFieldName("from");
      g.writeNull(); // a deleted account
      long deletedUser = People.FIRST_USER_ID + People.COUNT + rng.nextInt(1000);
      g.writeStringField("from_id", "user" + deletedUser);
    } else if (plan.kind() == Kind.BOT && from != 0) {
      g.writeStringField("from", plan.name());
      g.writeStringField("from_id", "user" + plan.id());
    } else {
      g.writeStringField("from", People.name(from));
      g.writeStringField("from_id", People.fromId(from));
    }

    double forwardRate = plan.kind() == Kind.SAVED ? 0.3 : channel ? 0.08 : 0.035;
    if (rng.chance(forwardRate)) {
      g.writeFieldName("forwarded_from");
      if (rng.chance(0.05)) {
        g.writeNull();
      } else if (rng.chance(0.3)) {
        g.writeString(rng.pick(Vocabulary.CHANNEL_NAMES));
      } else {
        g.writeString(People.name(rng.nextInt(People.COUNT)));
      }
      if (plan.kind() == Kind.SAVED && rng.chance(0.8)) {
        g.writeStringField("saved_from", rng.pick(Vocabulary.GROUP_NAMES));
      }
    }

    reply(i);

    if (kind == GAME || rng.chance(0.004)) {
      g.writeStringField("via_bot", kind == GAME ? "@trailquiz_bot" : "@gif");
    }

    boolean caption = false;
    switch (kind) {
      case PHOTO:
        files.photo(time, false);
        caption = rng.chance(0.35);
        break;
      case DOCUMENT:
        files.document();
        caption = rng.chance(0.35);
        break;
      case VOICE:
        files.voice(time);
        break;
      case ROUND:
        files.round(time);
        break;
      case VIDEO:
        files.video(time);
        caption = rng.chance(0.5);
        break;
      case AUDIO:
        files.audio();
        caption = rng.chance(0.2);
        break;
      case ANIMATION:
        files.animation();
        caption = rng.chance(0.2);
        break;
      case STICKER:
        files.sticker();
        break;
      case POLL:
        poll(from);
        break;
      case LOCATION:
        location();
        break;
      case VENUE:
        venue();
        break;
      case CONTACT:
        files.contact();
        break;
      case GAME:
        g.writeStringField("game_title", "Trail Quiz");
        g.writeStringField("game_description", "How well do you know your knots?");
        g.writeStringField("game_link", "https://t.me/trailquiz_bot?game=knots");
        break;
      case INVOICE:
        invoice();
        break;
      case TODO:
        todo(from);
        break;
      default:
        caption = true;
    }
    if (caption) {
      messageText(People.lang(from));
    } else {
      emptyText();
    }
    if (rng.chance(plan.kind() == Kind.BOT ? 0.2 : 0.003)) {
      buttons();
    }
    if (rng.chance(channel ? 0.4 : 0.06)) {
      reactions();
    }
    g.writeEndObject();
  }

  private void reply(long i) throws IOException {
    if (i == 0) {
      return;
    }
    if (plan.kind() == Kind.FORUM) {
      forumReply(i);
      return;
    }
    double rate = plan.kind() == Kind.CHANNEL ? 0.03 : plan.kind() == Kind.SAVED ? 0.02 : 0.25;
    if (rng.chance(rate)) {
      g.writeNumberField("reply_to_message_id", replyTarget(i));
      if (rng.chance(0.01)) {
        g.writeStringField("reply_to_peer_id", "channel" + (1_900_000_002L));
      }
    }
  }

  /** Forum messages: in a topic they reply to the topic or to a recent message of the topic. */
  private void forumReply(long i) throws IOException {
    int topic =
        topics == 0 || rng.chance(0.3) ? 0 : 1 + (int) (topics * Math.pow(rng.nextDouble(), 1.5));
    long target = 0;
    int n = recentCount[topic];
    if (topic == 0) {
      if (n > 0 && rng.chance(0.25)) {
        target = recent[0][rng.nextInt(Math.min(n, RECENT))];
      } else if (rng.chance(0.01)) {
        target = replyTarget(i); // anywhere, maybe not in the file
      }
    } else {
      target =
          n > 0 && rng.chance(0.45)
              ? recent[topic][rng.nextInt(Math.min(n, RECENT))]
              : topicIds[topic - 1];
    }
    if (target != 0) {
      g.writeNumberField("reply_to_message_id", target);
    }
    long id = idOf(i);
    recent[topic][n % RECENT] = id;
    recentCount[topic] = n + 1;
  }

  private void messageText(int lang) throws IOException {
    if (!rng.chance(0.4)) {
      String s = text.plain(lang);
      textField("text", s);
      g.writeFieldName("text_entities");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("type", "plain");
      textField("text", s);
      g.writeEndObject();
      g.writeEndArray();
      return;
    }
    text.formatted(lang, member());
    g.writeFieldName("text");
    runs(false);
    g.writeFieldName("text_entities");
    runs(true);
  }

  /**
   * Writes a generated text as a string value. Texts may hold control characters, which tdesktop
   * writes as its illegal {@code \xHH} escape; Jackson is asked for everything else.
   */
  private void textValue(String s) throws IOException {
    if (TdesktopStrings.needsQuoting(s)) {
      g.writeRawValue(TdesktopStrings.quote(s));
    } else {
      g.writeString(s);
    }
  }

  private void textField(String name, String s) throws IOException {
    g.writeFieldName(name);
    textValue(s);
  }

  private void runs(boolean entities) throws IOException {
    g.writeStartArray();
    for (int r = 0; r < text.runs; r++) {
      String type = text.runType[r];
      if (type == null && !entities) {
        textValue(text.runText[r]);
        continue;
      }
      g.writeStartObject();
      g.writeStringField("type", type == null ? "plain" : type);
      textField("text", text.runText[r]);
      Object extra = text.runExtra[r];
      if (type != null) {
        switch (type) {
          case "pre":
            g.writeStringField("language", (String) extra);
            break;
          case "text_link":
            g.writeStringField("href", (String) extra);
            break;
          case "mention_name":
            g.writeNumberField("user_id", (Long) extra);
            break;
          case "custom_emoji":
            g.writeStringField("document_id", (String) extra);
            break;
          case "blockquote":
            if (extra != null) {
              g.writeBooleanField("collapsed", true);
            }
            break;
          default:
            break;
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes a short text as tdesktop does for polls and to-dos: a string, or an array. */
  private void shortText(String field, int lang, boolean formatted) throws IOException {
    g.writeFieldName(field);
    if (!formatted) {
      textValue(text.shortPlain(lang));
      return;
    }
    g.writeStartArray();
    textValue(text.shortPlain(lang) + " ");
    g.writeStartObject();
    g.writeStringField("type", rng.chance(0.5) ? "bold" : "italic");
    textField("text", text.shortPlain(lang));
    g.writeEndObject();
    g.writeEndArray();
  }

  private void buttons() throws IOException {
    g.writeFieldName("inline_bot_buttons");
    g.writeStartArray();
    int rows = 1 + rng.nextInt(2);
    for (int r = 0; r < rows; r++) {
      g.writeStartArray();
      int cols = 1 + rng.nextInt(3);
      for (int c = 0; c < cols; c++) {
        g.writeStartObject();
        if (rng.chance(0.5)) {
          g.writeStringField("type", "url");
          g.writeStringField("text", "Open " + rng.pick(Vocabulary.EN));
          g.writeStringField("data", "https://example.org/b/" + rng.nextInt(1000));
        } else {
          g.writeStringField("type", "callback");
          g.writeStringField("text", rng.pick(Vocabulary.EMOJI) + " " + rng.pick(Vocabulary.EN));
          g.writeStringField("dataBase64", "Y2I" + rng.nextInt(1000));
          g.writeStringField("data", "");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private void reactions() throws IOException {
    g.writeFieldName("reactions");
    g.writeStartArray();
    int n = 1 + rng.nextInt(rng.chance(0.7) ? 2 : 5);
    int first = rng.nextInt(Vocabulary.EMOJI.length);
    for (int k = 0; k < n; k++) {
      g.writeStartObject();
      double r = rng.nextDouble();
      if (r < 0.85) {
        g.writeStringField("type", "emoji");
        g.writeNumberField("count", 1 + rng.nextInt(plan.kind() == Kind.CHANNEL ? 300 : 8));
        g.writeStringField("emoji", Vocabulary.EMOJI[(first + k) % Vocabulary.EMOJI.length]);
      } else if (r < 0.96) {
        g.writeStringField("type", "custom_emoji");
        g.writeNumberField("count", 1 + rng.nextInt(20));
        g.writeStringField("document_id", Long.toString(5368324170671202287L + k));
      } else {
        g.writeStringField("type", "paid");
        g.writeNumberField("count", 1 + rng.nextInt(100));
      }
      if (k == 0 && plan.kind() == Kind.PERSONAL) {
        g.writeFieldName("recent");
        g.writeStartArray();
        g.writeStartObject();
        int who = sender();
        g.writeStringField("from", People.name(who));
        g.writeStringField("from_id", People.fromId(who));
        Dates.iso(time + 60 + rng.nextInt(3600), date);
        g.writeFieldName("date");
        g.writeString(date, 0, 19);
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  // ---------------------------------------------------------------------------------------------
  // content without files

  private void poll(int from) throws IOException {
    int lang = People.lang(from);
    boolean formatted = rng.chance(0.25);
    g.writeFieldName("poll");
    g.writeStartObject();
    shortText("question", lang, formatted);
    g.writeBooleanField("closed", rng.chance(0.3));
    int answers = 2 + rng.nextInt(4);
    int total = 0;
    int[] votes = new int[answers];
    for (int a = 0; a < answers; a++) {
      votes[a] = rng.nextInt(30);
      total += votes[a];
    }
    g.writeNumberField("total_voters", total);
    g.writeFieldName("answers");
    g.writeStartArray();
    int chosen = rng.nextInt(answers + 1);
    for (int a = 0; a < answers; a++) {
      g.writeStartObject();
      shortText("text", lang, formatted && rng.chance(0.5));
      g.writeNumberField("voters", votes[a]);
      g.writeBooleanField("chosen", a == chosen);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void coordinates() throws IOException {
    g.writeFieldName("location_information");
    g.writeStartObject();
    // Written from integer micro-degrees: Double.toString differs between JDK 17 and 19+.
    g.writeFieldName("latitude");
    g.writeNumber(microDegrees(40_000_000 + rng.nextInt(20_000_000)));
    g.writeFieldName("longitude");
    g.writeNumber(microDegrees(rng.nextInt(30_000_000)));
    g.writeEndObject();
  }

  private static String microDegrees(int micro) {
    String fraction = Integer.toString(1_000_000 + micro % 1_000_000).substring(1);
    return micro / 1_000_000 + "." + fraction;
  }

  private void location() throws IOException {
    if (rng.chance(0.02)) {
      g.writeFieldName("location_information");
      g.writeNull();
    } else {
      coordinates();
    }
    if (rng.chance(0.3)) {
      int[] periods = {900, 3600, 28800};
      g.writeNumberField("live_location_period_seconds", periods[rng.nextInt(periods.length)]);
    }
  }

  private void venue() throws IOException {
    String[] venue = rng.pick(Vocabulary.VENUES);
    g.writeStringField("place_name", venue[0]);
    g.writeStringField("address", venue[1]);
    coordinates();
  }

  private void invoice() throws IOException {
    g.writeFieldName("invoice_information");
    g.writeStartObject();
    g.writeStringField("title", "Club T-shirt");
    g.writeStringField("description", "Organic cotton, glow-in-the-dark print");
    g.writeNumberField("amount", 500 + rng.nextInt(5000));
    g.writeStringField("currency", rng.chance(0.5) ? "EUR" : "USD");
    g.writeEndObject();
  }

  private void todo(int from) throws IOException {
    int lang = People.lang(from);
    g.writeFieldName("todo_list");
    g.writeStartObject();
    shortText("title", lang, false);
    g.writeBooleanField("others_can_append", rng.chance(0.5));
    g.writeBooleanField("others_can_complete", rng.chance(0.5));
    g.writeFieldName("answers");
    g.writeStartArray();
    int items = 2 + rng.nextInt(5);
    for (int t = 0; t < items; t++) {
      g.writeStartObject();
      shortText("text", lang, rng.chance(0.2));
      g.writeNumberField("id", t + 1);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
