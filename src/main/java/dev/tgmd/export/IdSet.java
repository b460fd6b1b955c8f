package dev.tgmd.export;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The message ids of one chat seen so far, compact for the dense ids Telegram uses: a bit per id
 * for ordinary ids and for migrated ones ({@code id - 1000000000}), a set for anything else. Not
 * thread-safe.
 */
final class IdSet {

  private static final long MIGRATED_OFFSET = 1_000_000_000L;
  private static final long DENSE_LIMIT = 1L << 28;

  private final BitSet positive = new BitSet();
  private final BitSet migrated = new BitSet();
  private final Set<Long> sparse = new HashSet<>();

  /** Adds {@code id}; returns false when it was already there. */
  boolean add(long id) {
    if (id >= 0 && id < DENSE_LIMIT) {
      boolean had = positive.get((int) id);
      positive.set((int) id);
      return !had;
    }
    long m = id + MIGRATED_OFFSET;
    if (id < 0 && m >= 0 && m < DENSE_LIMIT) {
      boolean had = migrated.get((int) m);
      migrated.set((int) m);
      return !had;
    }
    return sparse.add(id);
  }

  boolean contains(long id) {
    if (id >= 0 && id < DENSE_LIMIT) {
      return positive.get((int) id);
    }
    long m = id + MIGRATED_OFFSET;
    if (id < 0 && m >= 0 && m < DENSE_LIMIT) {
      return migrated.get((int) m);
    }
    return sparse.contains(id);
  }
}
