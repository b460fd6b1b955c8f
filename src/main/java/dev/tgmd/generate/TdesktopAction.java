package dev.tgmd.generate;

/**
 * The service actions the generator writes, each with the {@code action} name tdesktop gives it.
 * {@link #INFORMATION_TEXT} has no action field, and {@link #FUTURE} stands for an action no
 * tdesktop writes yet (its name is drawn from {@link Vocabulary#FUTURE_ACTIONS}).
 */
enum TdesktopAction {
  CREATE_GROUP("create_group"),
  CREATE_CHANNEL("create_channel"),
  MIGRATE_TO_SUPERGROUP("migrate_to_supergroup"),
  MIGRATE_FROM_GROUP("migrate_from_group"),
  EDIT_GROUP_TITLE("edit_group_title"),
  EDIT_GROUP_PHOTO("edit_group_photo"),
  DELETE_GROUP_PHOTO("delete_group_photo"),
  JOINED_TELEGRAM("joined_telegram"),
  JOIN_GROUP_BY_REQUEST("join_group_by_request"),
  JOIN_GROUP_BY_LINK("join_group_by_link"),
  INVITE_MEMBERS("invite_members"),
  INVITE_TO_GROUP_CALL("invite_to_group_call"),
  REMOVE_MEMBERS("remove_members"),
  PIN_MESSAGE("pin_message"),
  GROUP_CALL("group_call"),
  GROUP_CALL_SCHEDULED("group_call_scheduled"),
  SET_MESSAGES_TTL("set_messages_ttl"),
  BOOST_APPLY("boost_apply"),
  PHONE_CALL("phone_call"),
  EDIT_CHAT_THEME("edit_chat_theme"),
  SEND_STAR_GIFT("send_star_gift"),
  TOPIC_CREATED("topic_created"),
  TOPIC_EDIT("topic_edit"),
  INFORMATION_TEXT("information_text"),
  FUTURE("future");

  /** The value of the message's {@code action} field. */
  final String json;

  TdesktopAction(String json) {
    this.json = json;
  }
}
