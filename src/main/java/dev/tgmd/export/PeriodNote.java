package dev.tgmd.export;

import dev.tgmd.layout.NoteRef;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One note: what its front matter and the index say, and its body while it is open. */
final class PeriodNote {
  final NoteRef ref;
  final String topic;
  long messages;
  long failed;

  /** What the file on disk holds, as of its last write. */
  long writtenMessages;

  long writtenFailed;
  long writtenBytes;
  LocalDateTime first;
  LocalDateTime last;
  LocalDate lastDay;
  NoteBody body;
  boolean written;
  String writtenStart;

  /** Whether its last write said {@code partial: true}. */
  boolean writtenPartial;

  /** Where its last write went: its own path, or beside it when the file there is the user's. */
  String writtenPath;

  PeriodNote(NoteRef ref, String topic) {
    this.ref = ref;
    this.topic = topic;
  }
}
