package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.recording.CacheRecorder;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.Snippet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recently exported messages of one chat, so that a reply can link to its target with a
 * snippet: a bounded LRU map from message id to where the message is and how it starts. A reply
 * whose target was evicted still says which message it answers, unlinked. Every lookup is recorded
 * as a cache hit or miss, every eviction as an eviction; its size is reported as the most it held
 * at once (entries, and their estimated bytes), whichever chat that was.
 *
 * <p>Not thread-safe: used by the single thread that reads the export, in message order.
 */
final class ReplyIndex {

  /** Where a message is and how it starts. */
  record Entry(NoteRef note, String anchor, String sender, Snippet snippet) {
    /** The snippet's text is counted at its longest: it may not be made yet. */
    long estimatedBytes() {
      return 96
          + 2L
              * (anchor.length()
                  + (sender == null ? 0 : sender.length())
                  + MessageRenderer.SNIPPET_CHARS);
    }
  }

  private final int capacity;
  private final CacheRecorder recorder;
  private long bytes;
  private long mostEntries;
  private long mostBytes;
  private final LinkedHashMap<Long, Entry> entries;

  ReplyIndex(int capacity, CacheRecorder recorder) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.recorder = recorder;
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, ReplyIndex.Entry> eldest) {
            if (size() > ReplyIndex.this.capacity) {
              bytes -= eldest.getValue().estimatedBytes();
              recorder.eviction();
              return true;
            }
            return false;
          }
        };
  }

  /** The entry of {@code id}, or null when it is not held (never exported, or evicted). */
  Entry lookup(long id) {
    Entry e = entries.get(id);
    if (e == null) {
      recorder.miss();
    } else {
      recorder.hit();
    }
    return e;
  }

  void put(long id, Entry entry) {
    Entry old = entries.put(id, entry);
    if (old != null) {
      bytes -= old.estimatedBytes();
    }
    bytes += entry.estimatedBytes();
    if (entries.size() > mostEntries || bytes > mostBytes) {
      mostEntries = Math.max(mostEntries, entries.size());
      mostBytes = Math.max(mostBytes, bytes);
      recorder.size(mostEntries, mostBytes);
    }
  }

  /** Forgets everything (at the end of a chat: replies never cross chats). */
  void clear() {
    entries.clear();
    bytes = 0;
  }
}
