package dev.tgmd.source;

import java.util.List;
import java.util.Objects;

/** What a service message records: a group created, members added, a topic opened... */
public sealed interface ServiceAction {

  /** The exported {@code action} value, e.g. {@code create_group}; {@code ""} for info text. */
  String type();

  /** {@code create_group} or {@code create_channel}, with the title and first members. */
  record Created(String type, String title, List<String> members) implements ServiceAction {
    public Created {
      Objects.requireNonNull(type, "type");
      members = nullableCopy(members);
    }
  }

  /** {@code invite_members} or {@code remove_members}; a member's name may be null. */
  record Members(String type, List<String> members) implements ServiceAction {
    public Members {
      Objects.requireNonNull(type, "type");
      members = nullableCopy(members);
    }
  }

  /** {@code join_group_by_link}, with who made the link (or null). */
  record JoinedByLink(String type, String inviter) implements ServiceAction {
    public JoinedByLink {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code edit_group_title}. */
  record TitleChanged(String type, String title) implements ServiceAction {
    public TitleChanged {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code pin_message}, with the pinned message's id. */
  record Pinned(String type, long messageId) implements ServiceAction {
    public Pinned {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code phone_call}; both details may be null. */
  record PhoneCall(String type, Integer durationSeconds, String discardReason)
      implements ServiceAction {
    public PhoneCall {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code migrate_to_supergroup} or {@code migrate_from_group} (with the old title). */
  record Migrated(String type, String title) implements ServiceAction {
    public Migrated {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code topic_created}: a forum topic begins; its id is this message's id. */
  record TopicCreated(String type, String title) implements ServiceAction {
    public TopicCreated {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code topic_edit}: a topic renamed or given a new icon; either may be null. */
  record TopicEdited(String type, String newTitle, String newIconEmojiId) implements ServiceAction {
    public TopicEdited {
      Objects.requireNonNull(type, "type");
    }
  }

  /** Custom service text ({@code information_text} without an action). */
  record Info(String text) implements ServiceAction {
    public Info {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "";
    }
  }

  /**
   * Any other action, known or not (newer exports add actions all the time), with its fields as
   * readable text.
   */
  record Other(String type, List<ExtraField> fields) implements ServiceAction {
    public Other {
      Objects.requireNonNull(type, "type");
      fields = List.copyOf(fields);
    }
  }

  private static List<String> nullableCopy(List<String> list) {
    return list == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }
}
