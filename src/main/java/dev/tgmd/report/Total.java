package dev.tgmd.report;

/** The run-wide counters of an export; each appears under {@code totals} in the report. */
public enum Total {
  /** Chats exported. */
  CHATS,
  /** Message entries exported, service messages included. */
  MESSAGES,
  /** Messages whose rendering failed (exported as an error block). */
  MESSAGES_FAILED,
  /** Note files written. */
  NOTES,
  /** Media files copied into the output (duplicates not counted). */
  MEDIA_FILES,
  /** Bytes of media copied into the output. */
  MEDIA_BYTES,
  /** Media files referenced by messages but missing from the export. */
  MEDIA_MISSING,
  /** Media paths refused because they lead outside the export folder. */
  MEDIA_REFUSED,
  /** Bytes the export wrote to disk: notes and media (the metrics report itself excluded). */
  BYTES_WRITTEN,
  /** Messages the vault's archive did not hold before. */
  MESSAGES_NEW,
  /** Messages that replaced the archived ones: changed (a newer edit, or a newer export). */
  MESSAGES_UPDATED,
  /** Messages the archive held already, byte for byte. */
  MESSAGES_UNCHANGED,
  /** Messages whose archived version is a newer edit: kept, the one read left out. */
  MESSAGES_KEPT_NEWER,
  /** Note files written: new, or changed. */
  NOTES_WRITTEN,
  /** Note files whose bytes were there already: not touched. */
  NOTES_UNCHANGED,
  /** Note files the user had changed: kept as they are (tgmd's version beside them). */
  NOTES_KEPT_EDITED,
  /** Note files an earlier run wrote that this one does not make (another split): removed. */
  NOTES_REMOVED;

  /** The key used in the report, e.g. {@code media_bytes}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
