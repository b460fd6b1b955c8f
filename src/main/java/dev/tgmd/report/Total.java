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
  BYTES_WRITTEN;

  /** The key used in the report, e.g. {@code media_bytes}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
