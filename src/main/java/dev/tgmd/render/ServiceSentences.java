package dev.tgmd.render;

import dev.tgmd.source.ExtraField;
import dev.tgmd.source.Message;
import dev.tgmd.source.ServiceAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain-text sentences for service messages ("Alice created the group “Hiking”"). Unknown actions
 * still read as a sentence: the action's name in words and its fields. Pure and thread-safe.
 */
final class ServiceSentences {

  /** Actions without fields worth naming: what the actor did. */
  private static final Map<String, String> SIMPLE =
      Map.ofEntries(
          Map.entry("clear_history", "cleared the history"),
          Map.entry("take_screenshot", "took a screenshot"),
          Map.entry("edit_group_photo", "changed the group photo"),
          Map.entry("delete_group_photo", "removed the group photo"),
          Map.entry("join_group_by_request", "joined the group (request approved)"),
          Map.entry("joined_telegram", "joined Telegram"),
          Map.entry("group_call", "started a video chat"),
          Map.entry("group_call_scheduled", "scheduled a video chat"),
          Map.entry("invite_to_group_call", "invited members to the video chat"),
          Map.entry("edit_chat_theme", "changed the chat theme"),
          Map.entry("allow_sending_messages", "allowed the bot to send messages"),
          Map.entry("proximity_reached", "is nearby"),
          Map.entry("requested_peer", "shared a chat with the bot"),
          Map.entry("score_in_game", "scored in a game"),
          Map.entry("send_payment", "sent a payment"),
          Map.entry("set_messages_ttl", "changed the auto-delete timer"),
          Map.entry("boost_apply", "boosted the group"),
          Map.entry("suggest_profile_photo", "suggested a profile photo"),
          Map.entry("set_chat_wallpaper", "changed the chat wallpaper"),
          Map.entry("gift_premium", "sent a Telegram Premium gift"),
          Map.entry("send_star_gift", "sent a gift"),
          Map.entry("star_gift", "sent a gift"),
          Map.entry("giveaway_launch", "launched a giveaway"),
          Map.entry("giveaway_results", "announced the giveaway results"),
          Map.entry("web_app_data_sent", "sent data from a web app"),
          Map.entry("bot_allowed", "allowed a bot"),
          Map.entry("custom_action", "did something"));

  private ServiceSentences() {}

  static String describe(Message m) {
    String actor =
        m.sender() == null || m.sender().isBlank()
            ? "Someone"
            : Labels.isolated(m.sender().strip());
    ServiceAction a = m.action();
    if (a instanceof ServiceAction.Info i) {
      return i.text();
    }
    if (a instanceof ServiceAction.Created c) {
      String what = c.type().equals("create_channel") ? "the channel" : "the group";
      return actor + " created " + what + title(c.title()) + with(c.members());
    }
    if (a instanceof ServiceAction.Members mm) {
      boolean self =
          mm.members().size() == 1
              && mm.members().get(0) != null
              && actor.equals(Labels.isolated(mm.members().get(0).strip()));
      if (mm.type().equals("invite_members")) {
        return self ? actor + " joined the group" : actor + " added " + names(mm.members());
      }
      return self ? actor + " left the group" : actor + " removed " + names(mm.members());
    }
    if (a instanceof ServiceAction.JoinedByLink j) {
      String inviter = j.inviter();
      return actor
          + " joined the group via an invite link"
          + (inviter == null ? "" : " from " + Labels.isolated(inviter));
    }
    if (a instanceof ServiceAction.TitleChanged t) {
      return actor + " changed the name to" + title(t.title());
    }
    if (a instanceof ServiceAction.Pinned) {
      return actor + " pinned a message";
    }
    if (a instanceof ServiceAction.PhoneCall c) {
      String reason = c.discardReason();
      if ("missed".equals(reason)) {
        return actor + " called (missed)";
      }
      if ("busy".equals(reason)) {
        return actor + " called (busy)";
      }
      String duration = c.durationSeconds() == null ? "" : ", " + Durations.of(c.durationSeconds());
      return actor + " called" + duration;
    }
    if (a instanceof ServiceAction.Migrated mg) {
      return mg.type().equals("migrate_to_supergroup")
          ? actor + " upgraded the group to a supergroup"
          : actor + " converted the group" + title(mg.title()) + " to this supergroup";
    }
    if (a instanceof ServiceAction.TopicCreated t) {
      return actor + " created the topic" + title(t.title());
    }
    if (a instanceof ServiceAction.TopicEdited t) {
      if (t.newTitle() != null) {
        return actor + " renamed the topic to" + title(t.newTitle());
      }
      return actor + " changed the topic icon";
    }
    if (a instanceof ServiceAction.Other o) {
      return other(actor, o);
    }
    throw new IllegalStateException("unhandled service action " + a.getClass());
  }

  /** An action without a model of its own: its sentence, else its name in words, and its fields. */
  private static String other(String actor, ServiceAction.Other o) {
    if (o.type().equals("set_messages_ttl")) {
      String period = field(o.fields(), "period", "period_seconds");
      if (period != null && period.matches("\\d{1,12}")) {
        long seconds = Long.parseLong(period);
        return seconds == 0
            ? actor + " turned off auto-delete"
            : actor + " set messages to auto-delete after " + Durations.of(seconds);
      }
    }
    if (o.type().equals("group_call")) {
      return groupCall(actor, o.fields());
    }
    if (o.type().equals("send_star_gift") || o.type().equals("star_gift")) {
      return gift(actor, o.fields());
    }
    String simple = SIMPLE.get(o.type());
    String sentence =
        simple != null
            ? actor + " " + simple
            : o.type().isEmpty()
                ? actor + ": service message"
                : actor + ": " + o.type().replace('_', ' ');
    List<ExtraField> fields = o.fields();
    return fields.isEmpty() ? sentence : sentence + " (" + Labels.fieldsText(fields) + ")";
  }

  /** "started a video chat (21 min)": the duration in words, not "duration: 1260". */
  private static String groupCall(String actor, List<ExtraField> fields) {
    List<String> words = new ArrayList<>(2);
    List<ExtraField> rest = new ArrayList<>(fields.size());
    for (ExtraField f : fields) {
      if (f.name().equals("duration") && f.value() != null && f.value().matches("\\d{1,12}")) {
        words.add(Durations.of(Long.parseLong(f.value())));
      } else {
        rest.add(f);
      }
    }
    if (!rest.isEmpty()) {
      words.add(Labels.fieldsText(rest));
    }
    return actor
        + " started a video chat"
        + (words.isEmpty() ? "" : " (" + String.join("; ", words) + ")");
  }

  /**
   * "sent a gift (50 stars): “Happy birthday!”": the stars, whether it is limited or anonymous, and
   * its text; the gift's internal id, which says nothing to a reader, is left out.
   */
  private static String gift(String actor, List<ExtraField> fields) {
    List<String> words = new ArrayList<>(3);
    List<ExtraField> rest = new ArrayList<>(fields.size());
    String text = null;
    boolean anonymous = false;
    for (ExtraField f : fields) {
      switch (f.name()) {
        case "gift_id" -> {}
        case "stars" -> {
          if (f.value() == null) {
            rest.add(f);
          } else {
            words.add("1".equals(f.value()) ? "1 star" : f.value() + " stars");
          }
        }
        case "is_limited" -> {
          if ("true".equals(f.value())) {
            words.add(0, "limited edition");
          }
        }
        case "is_anonymous" -> anonymous = "true".equals(f.value());
        case "gift_text" -> text = f.value();
        default -> rest.add(f);
      }
    }
    if (!rest.isEmpty()) {
      words.add(Labels.fieldsText(rest));
    }
    return actor
        + " sent a gift"
        + (anonymous ? " anonymously" : "")
        + (words.isEmpty() ? "" : " (" + String.join(", ", words) + ")")
        + (text == null || text.isBlank() ? "" : ": “" + text.strip() + "”");
  }

  private static String field(List<ExtraField> fields, String... names) {
    for (ExtraField f : fields) {
      for (String n : names) {
        if (f.name().equals(n)) {
          return f.value();
        }
      }
    }
    return null;
  }

  private static String title(String title) {
    return title == null || title.isBlank() ? "" : " “" + title.strip() + "”";
  }

  private static String with(List<String> members) {
    return members.isEmpty() ? "" : " with " + names(members);
  }

  private static String names(List<String> members) {
    if (members.isEmpty()) {
      return "members";
    }
    List<String> out = new ArrayList<>(members.size());
    for (String m : members) {
      out.add(m == null || m.isBlank() ? "Deleted Account" : Labels.isolated(m.strip()));
    }
    return String.join(", ", out);
  }
}
