package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.layout.NoteRef;
import dev.tgmd.render.NoteFormat;
import org.junit.jupiter.api.Test;

class PeriodLinksTest {

  private static final NoteRef INDEX = new NoteRef(null, "Hikers", null, 0);

  private static NoteRef chatNote(String period) {
    return new NoteRef(null, period, period, 0);
  }

  private static NoteRef topicNote(String folder, String period, long topic) {
    return new NoteRef(folder, period, period, topic);
  }

  @Test
  void aNoteLinksToTheNearestPeriodsOfItsTopicAddedSoFar() {
    PeriodLinks links = new PeriodLinks();
    NoteRef march = chatNote("2024-03");
    links.add(march);
    assertThat(links.of(march, INDEX))
        .isEqualTo(new NoteFormat.Nav("./Hikers", null, null, null, null));
    // added out of order, as a chat's notes are when late messages come
    links.add(chatNote("2024-07"));
    links.add(chatNote("2023-11"));
    links.add(chatNote("2024-05"));
    links.add(topicNote("Trips", "2024-04", 7)); // another topic: not a neighbour
    assertThat(links.of(march, INDEX))
        .isEqualTo(new NoteFormat.Nav("./Hikers", "./2023-11", "2023-11", "./2024-05", "2024-05"));
    NoteRef trip = topicNote("Trips", "2024-04", 7);
    assertThat(links.of(trip, INDEX))
        .isEqualTo(new NoteFormat.Nav("../Hikers", null, null, null, null));
  }

  @Test
  void ofTwoNotesOfOnePeriodTheFirstAddedIsTheNeighbourAndNeitherIsItsOwn() {
    PeriodLinks links = new PeriodLinks();
    NoteRef first = topicNote("Trips", "2024-04", 7);
    NoteRef renamed = topicNote("Trips (renamed)", "2024-04", 7);
    NoteRef may = topicNote("Trips (renamed)", "2024-05", 7);
    links.add(first);
    links.add(renamed);
    links.add(may);
    assertThat(links.of(may, INDEX).previous()).isEqualTo("../Trips/2024-04");
    assertThat(links.of(renamed, INDEX))
        .isEqualTo(new NoteFormat.Nav("../Hikers", null, null, "./2024-05", "2024-05"));
  }
}
