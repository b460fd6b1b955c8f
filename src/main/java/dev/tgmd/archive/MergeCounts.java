package dev.tgmd.archive;

/**
 * What one {@link Archive#merge} did with the messages it was given; every message is counted once.
 *
 * @param added messages the archive did not hold: inserted
 * @param updated messages the archive held with other bytes: replaced by the ones read
 * @param unchanged messages the archive held with the same bytes: left as they were
 * @param keptNewer messages whose archived copy was edited later than the one read (or was edited
 *     when the one read was not: Telegram cannot undo an edit), so the one read is the older and
 *     the archive keeps its copy
 */
public record MergeCounts(long added, long updated, long unchanged, long keptNewer) {

  /** Nothing merged. */
  public static final MergeCounts ZERO = new MergeCounts(0, 0, 0, 0);

  public MergeCounts {
    if (added < 0 || updated < 0 || unchanged < 0 || keptNewer < 0) {
      throw new IllegalArgumentException("a negative count");
    }
  }

  /** Every message counted. */
  public long total() {
    return added + updated + unchanged + keptNewer;
  }

  /** These counts and {@code other}'s, added up. */
  public MergeCounts plus(MergeCounts other) {
    return new MergeCounts(
        added + other.added,
        updated + other.updated,
        unchanged + other.unchanged,
        keptNewer + other.keptNewer);
  }
}
