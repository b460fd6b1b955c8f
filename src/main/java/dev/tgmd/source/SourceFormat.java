package dev.tgmd.source;

/** The format a message's source text is in: what parses it back. */
public enum SourceFormat {
  /** A message object of Telegram Desktop's {@code result.json}. */
  JSON,
  /**
   * A {@code div.message} element of Telegram Desktop's HTML export, made self-contained (see
   * {@link HtmlExportReader#parseStored}).
   */
  HTML
}
