package dev.tgmd.generate;

/** What a generated chat is like, which decides its senders, service actions and structure. */
enum ChatKind {
  FORUM,
  MIGRATED,
  CHANNEL,
  PERSONAL,
  GROUP,
  SAVED,
  SUPERGROUP,
  BOT
}
