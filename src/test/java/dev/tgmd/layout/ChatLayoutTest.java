package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChatLayoutTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 16);

  @Test
  void notesAreNamedAfterTheChatAndThePeriod() {
    assertThat(new ChatLayout("Team", Split.MONTH).note(0, DAY).pathInChat())
        .isEqualTo("Team 2024-03.md");
    assertThat(new ChatLayout("Team", Split.YEAR).note(0, DAY).pathInChat())
        .isEqualTo("Team 2024.md");
    assertThat(new ChatLayout("Team", Split.DAY).note(0, DAY).pathInChat())
        .isEqualTo("Team 2024-03-16.md");
    assertThat(new ChatLayout("Team", Split.NONE).note(0, DAY).pathInChat())
        .isEqualTo("Team all.md");
  }

  @Test
  void topicsGetTheirOwnFoldersAndNotes() {
    ChatLayout layout = new ChatLayout("Forum", Split.MONTH);
    layout.declareTopic(10, "Releases / 2024");
    layout.declareTopic(20, "media");
    NoteRef releases = layout.note(10, DAY);
    assertThat(releases.pathInChat())
        .isEqualTo("Releases _ 2024/Forum - Releases _ 2024 2024-03.md");
    assertThat(layout.note(20, DAY).topicFolder())
        .as("never the media folder")
        .isEqualTo("media (20)");
  }

  @Test
  void linksBetweenNotesAreRelative() {
    ChatLayout layout = new ChatLayout("Forum", Split.MONTH);
    layout.declareTopic(10, "A");
    layout.declareTopic(20, "B");
    NoteRef general = layout.note(0, DAY);
    NoteRef generalApril = layout.note(0, DAY.plusMonths(1));
    NoteRef a = layout.note(10, DAY);
    NoteRef b = layout.note(20, DAY);
    assertThat(general.linkFrom(generalApril)).isEqualTo("./Forum 2024-03");
    assertThat(a.linkFrom(general)).isEqualTo("./A/Forum - A 2024-03");
    assertThat(general.linkFrom(a)).isEqualTo("../Forum 2024-03");
    assertThat(b.linkFrom(a)).isEqualTo("../B/Forum - B 2024-03");
    assertThat(a.toChatFolder()).isEqualTo("../");
    assertThat(general.toChatFolder()).isEqualTo("./");
  }
}
