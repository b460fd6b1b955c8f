package dev.tgmd.generate;

import static dev.tgmd.generate.TdesktopAction.BOOST_APPLY;
import static dev.tgmd.generate.TdesktopAction.CREATE_CHANNEL;
import static dev.tgmd.generate.TdesktopAction.CREATE_GROUP;
import static dev.tgmd.generate.TdesktopAction.DELETE_GROUP_PHOTO;
import static dev.tgmd.generate.TdesktopAction.EDIT_CHAT_THEME;
import static dev.tgmd.generate.TdesktopAction.EDIT_GROUP_PHOTO;
import static dev.tgmd.generate.TdesktopAction.EDIT_GROUP_TITLE;
import static dev.tgmd.generate.TdesktopAction.FUTURE;
import static dev.tgmd.generate.TdesktopAction.GROUP_CALL;
import static dev.tgmd.generate.TdesktopAction.GROUP_CALL_SCHEDULED;
import static dev.tgmd.generate.TdesktopAction.INFORMATION_TEXT;
import static dev.tgmd.generate.TdesktopAction.INVITE_MEMBERS;
import static dev.tgmd.generate.TdesktopAction.INVITE_TO_GROUP_CALL;
import static dev.tgmd.generate.TdesktopAction.JOINED_TELEGRAM;
import static dev.tgmd.generate.TdesktopAction.JOIN_GROUP_BY_LINK;
import static dev.tgmd.generate.TdesktopAction.JOIN_GROUP_BY_REQUEST;
import static dev.tgmd.generate.TdesktopAction.MIGRATE_FROM_GROUP;
import static dev.tgmd.generate.TdesktopAction.MIGRATE_TO_SUPERGROUP;
import static dev.tgmd.generate.TdesktopAction.PHONE_CALL;
import static dev.tgmd.generate.TdesktopAction.PIN_MESSAGE;
import static dev.tgmd.generate.TdesktopAction.REMOVE_MEMBERS;
import static dev.tgmd.generate.TdesktopAction.SEND_STAR_GIFT;
import static dev.tgmd.generate.TdesktopAction.SET_MESSAGES_TTL;
import static dev.tgmd.generate.TdesktopAction.TOPIC_CREATED;
import static dev.tgmd.generate.TdesktopAction.TOPIC_EDIT;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Decides which messages of a chat are service messages (the ones a chat's history needs, such as
 * its creation, a migration or a new forum topic, and others drawn at a rate that fits the chat's
 * kind) and writes them. Not thread-safe: it shares the chat's generator and {@link Rng}.
 */
final class ServiceMessages {

  private static final TdesktopAction[] GROUP_ACTIONS = {
    INVITE_MEMBERS,
    INVITE_MEMBERS,
    REMOVE_MEMBERS,
    JOIN_GROUP_BY_LINK,
    JOIN_GROUP_BY_LINK,
    EDIT_GROUP_TITLE,
    EDIT_GROUP_PHOTO,
    DELETE_GROUP_PHOTO,
    PIN_MESSAGE,
    PIN_MESSAGE,
    GROUP_CALL,
    INVITE_TO_GROUP_CALL,
    SET_MESSAGES_TTL,
    INFORMATION_TEXT,
    FUTURE
  };
  private static final TdesktopAction[] SUPERGROUP_ACTIONS = {
    JOIN_GROUP_BY_REQUEST,
    JOIN_GROUP_BY_REQUEST,
    JOIN_GROUP_BY_LINK,
    INVITE_MEMBERS,
    REMOVE_MEMBERS,
    PIN_MESSAGE,
    PIN_MESSAGE,
    GROUP_CALL,
    GROUP_CALL_SCHEDULED,
    EDIT_GROUP_TITLE,
    EDIT_GROUP_PHOTO,
    BOOST_APPLY,
    INFORMATION_TEXT,
    FUTURE
  };
  private static final TdesktopAction[] FORUM_ACTIONS = {
    JOIN_GROUP_BY_REQUEST,
    JOIN_GROUP_BY_LINK,
    PIN_MESSAGE,
    GROUP_CALL,
    TOPIC_EDIT,
    TOPIC_EDIT,
    EDIT_GROUP_PHOTO,
    INFORMATION_TEXT,
    FUTURE
  };
  private static final TdesktopAction[] CHANNEL_ACTIONS = {
    PIN_MESSAGE, EDIT_GROUP_PHOTO, EDIT_GROUP_TITLE, GROUP_CALL, BOOST_APPLY
  };
  private static final TdesktopAction[] PERSONAL_ACTIONS = {
    PHONE_CALL,
    PHONE_CALL,
    PHONE_CALL,
    PHONE_CALL,
    SET_MESSAGES_TTL,
    PIN_MESSAGE,
    EDIT_CHAT_THEME,
    SEND_STAR_GIFT,
    FUTURE
  };
  private static final TdesktopAction[] OTHER_ACTIONS = {PIN_MESSAGE, PIN_MESSAGE, FUTURE};

  private static final Integer[] TTL_PERIODS = {0, 86400, 604800, 2678400};
  private static final String[] THEME_EMOTICONS = {"🏔️", "🌊", "🎄", "🌸"};
  private static final String[] INFORMATION_TEXTS = {
    "History older than a year is hidden from new members",
    "Slow mode is on: one message every 30 seconds",
    "This group is now visible in the nearby list"
  };

  private final ChatContext chat;
  private final JsonGenerator g;
  private final Rng rng;

  ServiceMessages(ChatContext chat) {
    this.chat = chat;
    this.g = chat.g();
    this.rng = chat.rng();
  }

  /** The action of message {@code i} if it is a service message, else null. */
  TdesktopAction actionAt(long i) {
    TdesktopAction action = forcedAction(i);
    if (action == null && i > 0 && rng.chance(rate())) {
      action = randomAction(i);
    }
    return action;
  }

  private double rate() {
    return switch (chat.kind()) {
      case SAVED -> 0.003;
      case CHANNEL -> 0.02;
      case FORUM -> 0.03;
      case MIGRATED, PERSONAL, GROUP, SUPERGROUP, BOT -> 0.035;
    };
  }

  /** The action that message {@code i} must be for the chat's history to make sense, or null. */
  private TdesktopAction forcedAction(long i) {
    return switch (chat.kind()) {
      case FORUM -> i == 0 ? CREATE_CHANNEL : chat.topics().opensTopic(i) ? TOPIC_CREATED : null;
      case MIGRATED -> migrationAction(i);
      case GROUP -> i == 0 ? CREATE_GROUP : null;
      case SUPERGROUP, CHANNEL -> i == 0 ? CREATE_CHANNEL : null;
      case PERSONAL -> i == 0 && rng.chance(0.5) ? JOINED_TELEGRAM : null;
      case SAVED, BOT -> null;
    };
  }

  /** A migrated supergroup: the basic group is created, migrates, and the supergroup goes on. */
  private TdesktopAction migrationAction(long i) {
    long oldCount = chat.ids().oldCount();
    if (oldCount > 0 && i == 0) {
      return CREATE_GROUP;
    }
    if (oldCount > 1 && i == oldCount - 1) {
      return MIGRATE_TO_SUPERGROUP;
    }
    if (oldCount > 0 && i == oldCount) {
      return MIGRATE_FROM_GROUP;
    }
    return i == 0 ? CREATE_CHANNEL : null;
  }

  private TdesktopAction randomAction(long i) {
    return rng.pick(
        switch (chat.kind()) {
          case GROUP -> GROUP_ACTIONS;
          case MIGRATED -> chat.ids().isOld(i) ? GROUP_ACTIONS : SUPERGROUP_ACTIONS;
          case SUPERGROUP -> SUPERGROUP_ACTIONS;
          case FORUM -> FORUM_ACTIONS;
          case CHANNEL -> CHANNEL_ACTIONS;
          case PERSONAL -> PERSONAL_ACTIONS;
          case SAVED, BOT -> OTHER_ACTIONS;
        });
  }

  /** Writes message {@code i}, with id {@code id} and date {@code time}, as {@code action}. */
  void write(long i, long id, long time, TdesktopAction action) throws IOException {
    chat.head().start(id, "service", time, false);
    int actor = chat.senders().sender();
    if (chat.kind() == ChatKind.CHANNEL || action == MIGRATE_FROM_GROUP) {
      chat.head().chat("actor", "actor_id");
    } else if (action == CREATE_CHANNEL
        || action == CREATE_GROUP
        || action == TOPIC_CREATED && rng.chance(0.7)) {
      chat.head().person("actor", "actor_id", 0);
      actor = 0;
    } else {
      chat.head().person("actor", "actor_id", actor);
    }
    if (action != INFORMATION_TEXT && action != FUTURE) {
      g.writeStringField("action", action.json);
    }
    switch (action) {
      case CREATE_GROUP -> {
        g.writeStringField("title", chat.plan().name());
        members(2 + rng.nextInt(4), false);
      }
      case CREATE_CHANNEL, MIGRATE_FROM_GROUP -> g.writeStringField("title", chat.plan().name());
      case EDIT_GROUP_TITLE -> g.writeStringField("title", title());
      case MIGRATE_TO_SUPERGROUP, DELETE_GROUP_PHOTO, JOINED_TELEGRAM, JOIN_GROUP_BY_REQUEST -> {
        // the action alone
      }
      case INVITE_MEMBERS, INVITE_TO_GROUP_CALL -> members(1 + rng.nextInt(3), true);
      case REMOVE_MEMBERS -> members(1, true);
      case JOIN_GROUP_BY_LINK ->
          g.writeStringField("inviter", People.name(chat.senders().member()));
      case EDIT_GROUP_PHOTO -> chat.files().photo(time, true);
      case PIN_MESSAGE -> g.writeNumberField("message_id", i > 0 ? chat.ids().replyTarget(i) : id);
      case GROUP_CALL -> {
        if (rng.chance(0.8)) {
          g.writeNumberField("duration", 30 + rng.nextInt(7200));
        }
      }
      case GROUP_CALL_SCHEDULED ->
          g.writeNumberField("schedule_date", time + 86400 + rng.nextInt(86400 * 7));
      case SET_MESSAGES_TTL -> g.writeNumberField("period", rng.pick(TTL_PERIODS));
      case BOOST_APPLY -> g.writeNumberField("boosts", 1 + rng.nextInt(4));
      case PHONE_CALL -> phoneCall();
      case EDIT_CHAT_THEME -> g.writeStringField("emoticon", rng.pick(THEME_EMOTICONS));
      case SEND_STAR_GIFT -> starGift(actor);
      case TOPIC_CREATED -> g.writeStringField("title", chat.topics().open(id));
      case TOPIC_EDIT -> topicEdit();
      case INFORMATION_TEXT -> g.writeStringField("information_text", rng.pick(INFORMATION_TEXTS));
      case FUTURE -> {
        // An action no tdesktop writes yet; readers must still show a line for it.
        g.writeStringField("action", rng.pick(Vocabulary.FUTURE_ACTIONS));
        g.writeStringField("hologram_room", "room-" + rng.nextInt(1000));
      }
      default -> throw new IllegalStateException("service action without a writer: " + action);
    }
    chat.texts().empty();
    g.writeEndObject();
  }

  private void phoneCall() throws IOException {
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

  private void starGift(int actor) throws IOException {
    g.writeNumberField("gift_id", 5170000000000000000L + (rng.nextLong() >>> 20));
    g.writeNumberField("stars", 15 + rng.nextInt(500));
    g.writeBooleanField("is_limited", rng.chance(0.2));
    g.writeBooleanField("is_anonymous", rng.chance(0.1));
    chat.texts().shortText("gift_text", People.lang(actor), false);
  }

  private void topicEdit() throws IOException {
    if (rng.chance(0.7)) {
      g.writeStringField("new_title", title());
    }
    if (rng.chance(0.5)) {
      g.writeNumberField("new_icon_emoji_id", 5368324170671202286L + rng.nextInt(1 << 20));
    }
  }

  private void members(int n, boolean mayBeNull) throws IOException {
    g.writeFieldName("members");
    g.writeStartArray();
    for (int k = 0; k < n; k++) {
      if (mayBeNull && rng.chance(0.05)) {
        g.writeNull();
      } else {
        g.writeString(People.name(chat.senders().member()));
      }
    }
    g.writeEndArray();
  }

  private String title() {
    return rng.pick(Vocabulary.GROUP_NAMES) + " " + (1 + rng.nextInt(9));
  }
}
