package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.render.NoteFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The way around a chat's period notes: each links to its chat's index and to the notes of the
 * period before and after it, of the same topic (period labels sort as their periods do: {@code
 * 2024-03} before {@code 2024-04}). Each topic's notes are kept sorted by period, so a note finds
 * its neighbours in log time, however many notes a chat has (a daily split of ten years makes
 * 3,650). Not thread-safe: the chat's writer uses it.
 */
final class PeriodLinks {

  /** Per topic, its notes by period; of two notes of one period, the first added. */
  private final Map<Long, NavigableMap<String, NoteRef>> byTopic = new HashMap<>();

  /** Adds a note of the chat. */
  void add(NoteRef note) {
    byTopic.computeIfAbsent(note.topicId(), t -> new TreeMap<>()).putIfAbsent(note.period(), note);
  }

  /**
   * The links of {@code note}, among the notes added so far.
   *
   * @param index the chat's index note
   */
  NoteFormat.Nav of(NoteRef note, NoteRef index) {
    NavigableMap<String, NoteRef> periods =
        byTopic.getOrDefault(note.topicId(), Collections.emptyNavigableMap());
    Map.Entry<String, NoteRef> before = periods.lowerEntry(note.period());
    Map.Entry<String, NoteRef> after = periods.higherEntry(note.period());
    NoteRef previous = before == null ? null : before.getValue();
    NoteRef next = after == null ? null : after.getValue();
    return new NoteFormat.Nav(
        index.linkFrom(note),
        previous == null ? null : previous.linkFrom(note),
        previous == null ? null : previous.period(),
        next == null ? null : next.linkFrom(note),
        next == null ? null : next.period());
  }
}
