package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tgmd.report.MetricsReport;
import dev.tgmd.report.MetricsReportJson;
import dev.tgmd.report.TotalsReport;
import dev.tgmd.testing.TdesktopJson;
import dev.tgmd.testing.Tgmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault: exports run into one OUT are merged, and the notes are those of one export of their
 * union, whatever was deleted since; nothing unchanged is touched; a user's edit survives.
 */
class VaultTest {

  private static final Path DEMO = Path.of("examples", "demo-export");

  @TempDir Path dir;

  /** The demo's messages dated before {@code until} (exclusive) and from {@code from} on. */
  private Path export(String name, LocalDate from, LocalDate until, boolean edit)
      throws IOException {
    JsonNode root = TdesktopJson.read(DEMO.resolve("result.json"));
    Path folder = Files.createDirectories(dir.resolve(name));
    Predicate<JsonNode> keep =
        m -> {
          String date = m.path("date").asText("");
          if (date.isEmpty()) {
            return true;
          }
          LocalDate day = LocalDate.parse(date.substring(0, 10));
          return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
        };
    for (String section : new String[] {"chats", "left_chats"}) {
      for (JsonNode chat : root.path(section).path("list")) {
        ArrayNode messages = (ArrayNode) chat.get("messages");
        ArrayNode kept = messages.arrayNode();
        for (JsonNode m : messages) {
          if (!keep.test(m)) {
            continue;
          }
          ObjectNode copy = m.deepCopy();
          if (edit && isEdited(copy)) {
            copy.put("text", copy.get("text").asText() + " (edited later)");
            copy.remove("text_entities");
            copy.putArray("text_entities")
                .addObject()
                .put("type", "plain")
                .put("text", copy.get("text").asText());
            long unix = copy.path("date_unixtime").asLong() + 86_400;
            copy.put("edited", copy.get("date").asText());
            copy.put("edited_unixtime", Long.toString(unix));
          }
          kept.add(copy);
          for (String field : new String[] {"photo", "file", "thumbnail"}) {
            JsonNode path = copy.get(field);
            if (path != null
                && Files.isRegularFile(DEMO.resolve(path.asText()))
                && !Files.exists(folder.resolve(path.asText()))) {
              Path to = folder.resolve(path.asText());
              Files.createDirectories(to.getParent());
              Files.copy(DEMO.resolve(path.asText()), to);
            }
          }
        }
        ((ObjectNode) chat).set("messages", kept);
      }
    }
    TdesktopJson.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(folder.resolve("result.json").toFile(), root);
    return folder;
  }

  /** The messages the second export edits: plain texts of 10 to 14 April. */
  private static boolean isEdited(JsonNode m) {
    String date = m.path("date").asText("");
    return m.path("text").isTextual()
        && !m.path("text").asText().isEmpty()
        && date.compareTo("2024-04-10") >= 0
        && date.compareTo("2024-04-15") < 0;
  }

  private static Tgmd.Run export(Path input, Path out, String... more) {
    return Tgmd.export(input, out, more);
  }

  private static TotalsReport totals(Path out) throws Exception {
    MetricsReport r = MetricsReportJson.read(out.resolve(MetricsReportJson.FILE_NAME));
    return r.totals();
  }

  @Test
  void twoOverlappingExportsGiveTheNotesOfTheirUnionAlsoAfterTheFirstIsDeleted() throws Exception {
    Path first = export("first", null, LocalDate.of(2024, 4, 20), false);
    Path second = export("second", LocalDate.of(2024, 4, 5), null, true);
    Path union = export("union", null, null, true);
    Path vault = dir.resolve("vault");
    export(first, vault);
    deleteTree(first); // its media must live on in the vault
    export(second, vault);
    Path fresh = dir.resolve("fresh");
    export(union, fresh);

    assertThat(Tgmd.exported(vault)).isEqualTo(Tgmd.exported(fresh));
    TotalsReport t = totals(vault);
    assertThat(t.messagesUpdated()).as("the edited messages").isPositive();
    assertThat(t.messagesNew()).as("the messages after 20 April").isPositive();
    assertThat(t.messagesUnchanged()).as("the overlap, unedited").isPositive();
    assertThat(t.notesKeptEdited()).isZero();
    assertThat(vault.resolve(".tgmd/archive.sqlite")).isRegularFile();
  }

  @Test
  void aRerunWithNothingNewTouchesNoFile() throws Exception {
    Path out = dir.resolve("out");
    export(DEMO, out);
    Map<Path, FileTime> before = times(out);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (Path p : before.keySet()) {
      Files.setLastModifiedTime(p, old);
    }
    Map<String, String> contents = Tgmd.exported(out);

    export(DEMO, out);

    assertThat(Tgmd.exported(out)).isEqualTo(contents);
    for (Path p : before.keySet()) {
      assertThat(Files.getLastModifiedTime(p)).as("%s", p).isEqualTo(old);
    }
    TotalsReport t = totals(out);
    assertThat(t.notesWritten()).isZero();
    assertThat(t.notesUnchanged()).isEqualTo(t.notes()).isPositive();
    assertThat(t.messagesNew() + t.messagesUpdated()).isZero();
  }

  @Test
  void aLineTheUserAddedSurvivesARunThatChangesItsNote() throws Exception {
    Path first = export("first", null, LocalDate.of(2024, 4, 20), false);
    Path second = export("second", LocalDate.of(2024, 4, 5), null, true);
    Path union = export("union", null, null, true);
    Path vault = dir.resolve("vault");
    export(first, vault);
    Path note = vault.resolve("Lantern Hikers/Lantern Hikers 2024-04.md");
    String mine = Files.readString(note) + "\nMy own thought about this month.\n";
    Files.writeString(note, mine);

    Tgmd.Run run = export(second, vault);

    assertThat(note).hasContent(mine);
    Path beside = vault.resolve("Lantern Hikers/Lantern Hikers 2024-04 (tgmd).md");
    Path fresh = dir.resolve("fresh");
    export(union, fresh);
    assertThat(Files.readString(beside))
        .isEqualTo(Files.readString(fresh.resolve("Lantern Hikers/Lantern Hikers 2024-04.md")));
    assertThat(totals(vault).notesKeptEdited()).isEqualTo(1);
    assertThat(run.out()).contains("1 note you changed kept as you left it");
  }

  @Test
  void anotherSplitLeavesNoStaleNoteButKeepsAnEditedOne() throws Exception {
    Path out = dir.resolve("out");
    export(DEMO, out);
    Path edited = out.resolve("Robin Fernwood/Robin Fernwood 2024-03.md");
    Files.writeString(edited, Files.readString(edited) + "\nkeep me\n");

    export(DEMO, out, "--split", "year");

    Path fresh = dir.resolve("fresh");
    export(DEMO, fresh, "--split", "year");
    Map<String, String> expected = Tgmd.exported(fresh);
    Map<String, String> actual = Tgmd.exported(out);
    assertThat(actual.remove("Robin Fernwood/Robin Fernwood 2024-03.md")).endsWith("keep me\n");
    assertThat(actual).isEqualTo(expected);
    TotalsReport t = totals(out);
    assertThat(t.notesRemoved()).isPositive();
    assertThat(t.notesKeptEdited()).isEqualTo(1);
  }

  @Test
  void notesAnOlderArchiveRecordedBySha256AreStillTgmdsAndAnEditedOneStaysTheUsers()
      throws Exception {
    Path first = export("first", null, LocalDate.of(2024, 4, 20), false);
    Path second = export("second", LocalDate.of(2024, 4, 5), null, true);
    Path union = export("union", null, null, true);
    Path vault = dir.resolve("vault");
    export(first, vault);
    // as archives recorded notes before the CRC checksum: by the SHA-256 of their bytes
    Path archive = vault.resolve(".tgmd/archive.sqlite");
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + archive.toAbsolutePath());
        java.sql.PreparedStatement paths = c.prepareStatement("SELECT path FROM notes");
        java.sql.PreparedStatement set =
            c.prepareStatement("UPDATE notes SET checksum = ? WHERE path = ?");
        java.sql.ResultSet r = paths.executeQuery()) {
      while (r.next()) {
        set.setString(1, sha256(vault.resolve(r.getString(1))));
        set.setString(2, r.getString(1));
        set.executeUpdate();
      }
    }
    Path note = vault.resolve("Lantern Hikers/Lantern Hikers 2024-04.md");
    String mine = Files.readString(note) + "\nMy own thought about this month.\n";
    Files.writeString(note, mine);

    export(second, vault);

    Path fresh = dir.resolve("fresh");
    export(union, fresh);
    Map<String, String> expected = Tgmd.exported(fresh);
    Map<String, String> actual = Tgmd.exported(vault);
    assertThat(note).hasContent(mine);
    actual.remove("Lantern Hikers/Lantern Hikers 2024-04.md");
    assertThat(actual.remove("Lantern Hikers/Lantern Hikers 2024-04 (tgmd).md"))
        .isEqualTo(expected.remove("Lantern Hikers/Lantern Hikers 2024-04.md"));
    assertThat(actual).as("every other note replaced, none beside").isEqualTo(expected);
    assertThat(totals(vault).notesKeptEdited()).isEqualTo(1);
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + archive.toAbsolutePath());
        java.sql.ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM notes WHERE length(checksum) = 64"
                        + " AND path <> 'Lantern Hikers/Lantern Hikers 2024-04.md'")) {
      assertThat(r.getLong(1)).as("records left by SHA-256").isZero();
    }
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void withoutTheArchiveNothingIsKept() throws Exception {
    Path out = dir.resolve("out");
    export(DEMO, out, "--no-archive");
    assertThat(out.resolve(".tgmd/archive.sqlite")).doesNotExist();
    assertThat(totals(out).messagesNew()).isZero();
  }

  private static Map<Path, FileTime> times(Path out) throws IOException {
    Map<Path, FileTime> times = new HashMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = out.relativize(p).toString();
        if (Files.isRegularFile(p)
            && !rel.startsWith(".tgmd")
            && !rel.equals(MetricsReportJson.FILE_NAME)
            && !rel.equals(dev.tgmd.report.HtmlReport.FILE_NAME)) {
          times.put(p, Files.getLastModifiedTime(p));
        }
      }
    }
    return times;
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
