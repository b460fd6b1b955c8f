package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.render.NoteFormat;
import java.util.Collection;

/**
 * The way around a chat's period notes: each links to its chat's index and to the notes of the
 * period before and after it, of the same topic (period labels sort as their periods do: {@code
 * 2024-03} before {@code 2024-04}). Pure.
 */
final class PeriodLinks {

  private PeriodLinks() {}

  /**
   * The links of {@code note}, among the chat's {@code notes} as known now.
   *
   * @param index the chat's index note
   */
  static NoteFormat.Nav of(NoteRef note, Collection<NoteRef> notes, NoteRef index) {
    NoteRef previous = null;
    NoteRef next = null;
    for (NoteRef n : notes) {
      if (n.topicId() != note.topicId() || n.equals(note)) {
        continue;
      }
      int c = n.period().compareTo(note.period());
      if (c < 0 && (previous == null || n.period().compareTo(previous.period()) > 0)) {
        previous = n;
      } else if (c > 0 && (next == null || n.period().compareTo(next.period()) < 0)) {
        next = n;
      }
    }
    return new NoteFormat.Nav(
        index.linkFrom(note),
        previous == null ? null : previous.linkFrom(note),
        previous == null ? null : previous.period(),
        next == null ? null : next.linkFrom(note),
        next == null ? null : next.period());
  }
}
