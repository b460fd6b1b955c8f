package dev.tgmd.recording;

/**
 * Records how well one cache works. Thread-safe. The cache calls it as it is used; the hit rate is
 * derived when the report is built.
 */
public interface CacheRecorder {

  /** A lookup found its entry. */
  void hit();

  /** A lookup did not find its entry. */
  void miss();

  /** An entry was evicted to keep the cache bounded. */
  void eviction();

  /** The cache's current number of entries and estimated size in bytes. */
  void size(long entries, long bytes);
}
