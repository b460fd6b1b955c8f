package dev.tgmd.source;

/** The format of a message's source text, as the export wrote it. */
public enum SourceFormat {
  /** One message object of Telegram Desktop's "Machine-readable JSON" export. */
  JSON,
  /** One message element of Telegram Desktop's HTML export. */
  HTML
}
