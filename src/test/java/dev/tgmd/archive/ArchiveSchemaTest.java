package dev.tgmd.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions and migrations on real files, and the files an archive refuses. */
class ArchiveSchemaTest {

  private static final int LATEST = ArchiveSchema.latest(ArchiveSchema.MIGRATIONS);

  @TempDir Path dir;

  private static Connection raw(Path file) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private static List<String> tables(Path file) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = raw(file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private static int pragma(Path file, String name) throws Exception {
    try (Connection c = raw(file)) {
      return ArchiveSchema.intPragma(c, name);
    }
  }

  @Test
  void anEmptyDatabaseIsVersionZeroAndIsMigratedToTheLatest() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 0"); // makes the file: an empty database
    }
    assertThat(file).exists();
    assertThat(pragma(file, "user_version")).isZero();
    Archive.open(file).close();
    assertThat(pragma(file, "user_version")).isEqualTo(LATEST);
    assertThat(pragma(file, "application_id")).isEqualTo(ArchiveSchema.APPLICATION_ID);
    assertThat(tables(file))
        .containsExactly("chats", "media", "messages", "notes", "renders", "runs");
  }

  @Test
  void anEmptyFileIsANewArchive() throws Exception {
    Path file = Files.createFile(dir.resolve("archive.sqlite"));
    try (Archive a = Archive.open(file)) {
      assertThat(a.schemaVersion()).isEqualTo(LATEST);
    }
  }

  @Test
  void anArchiveOfSchemaOneIsBroughtToTheLatestKeepingItsData() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    try (Archive a = Archive.open(file, ArchiveSchema.MIGRATIONS.subList(0, 1))) {
      long run = ArchiveTest.newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      a.merge(run, List.of(ArchiveTest.message(1, 1, null, "{1}")));
    }
    assertThat(pragma(file, "user_version")).isEqualTo(1);
    try (Archive a = Archive.open(file)) {
      assertThat(a.schemaVersion()).isEqualTo(LATEST);
      assertThat(ArchiveTest.all(a, 1)).extracting(ArchiveTest::text).containsExactly("{1}");
      ChatRenders renders = new ChatRenders(a);
      assertThat(renders.state(1)).isEmpty();
      renders.dirty(1, "A");
      assertThat(renders.state(1)).contains(new ChatRenders.State("A", null, true));
      renders.clean(1, "A", "key");
      assertThat(renders.state(1)).contains(new ChatRenders.State("A", "key", false));
    }
  }

  @Test
  void aDatabaseOfTheVersionBeforeIsMigratedKeepingItsData() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    try (Archive a = Archive.open(file)) {
      long run = ArchiveTest.newRun(a);
      a.putChat(run, 1, "A", "personal_chat");
      a.merge(run, List.of(ArchiveTest.message(1, 1, null, "{1}")));
    }
    List<List<String>> next = new ArrayList<>(ArchiveSchema.MIGRATIONS);
    next.add(
        List.of(
            "ALTER TABLE chats ADD COLUMN folder TEXT", "UPDATE chats SET folder = name || '/'"));
    try (Archive a = Archive.open(file, next)) {
      assertThat(a.schemaVersion()).isEqualTo(LATEST + 1);
      assertThat(ArchiveTest.all(a, 1)).extracting(ArchiveTest::text).containsExactly("{1}");
    }
    assertThat(pragma(file, "user_version")).isEqualTo(LATEST + 1);
    try (Connection c = raw(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT folder FROM chats")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("A/");
    }
    // and this version's code refuses it now
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(
            file
                + " was written by a newer tgmd (schema "
                + (LATEST + 1)
                + "; this one knows "
                + LATEST
                + ")");
  }

  @Test
  void aFailingMigrationLeavesTheDatabaseAtTheVersionBefore() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    Archive.open(file).close();
    List<List<String>> broken = new ArrayList<>(ArchiveSchema.MIGRATIONS);
    broken.add(List.of("ALTER TABLE chats ADD COLUMN folder TEXT", "THIS IS NOT SQL"));
    assertThatThrownBy(() -> Archive.open(file, broken))
        .isInstanceOf(ArchiveException.class)
        .hasMessageStartingWith(
            file
                + ": cannot bring the archive from schema "
                + LATEST
                + " to "
                + (LATEST + 1)
                + ": ")
        .hasMessageNotContaining("\n");
    assertThat(pragma(file, "user_version")).isEqualTo(LATEST);
    try (Archive a = Archive.open(file);
        Statement s = a.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM pragma_table_info('chats')")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(5); // no "folder"
    }
  }

  @Test
  void aDatabaseOfANewerSchemaIsRefusedInOneLine() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    Archive.open(file).close();
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(
            file + " was written by a newer tgmd (schema 99; this one knows " + LATEST + ")");
  }

  @Test
  void aFileOfGarbageIsRefusedInOneLineNamingIt() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    byte[] garbage = new byte[8192];
    new java.util.Random(1).nextBytes(garbage);
    Files.write(file, garbage);
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(file + " is not a SQLite database (damaged, or not a tgmd archive)");
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
  }

  @Test
  void aDamagedDatabaseIsRefusedInOneLineNamingIt() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    Archive.open(file).close();
    byte[] bytes = Files.readAllBytes(file);
    // keep SQLite's 100-byte header, overwrite the schema on page 1 and the pages after it
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessageStartingWith(file + " is damaged or not a SQLite database: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anotherProgramsDatabaseIsRefused() throws Exception {
    Path file = dir.resolve("archive.sqlite");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE contacts (name TEXT)");
    }
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(file + " is another program's SQLite database, not a tgmd archive");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 1");
    }
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(file + " is another program's SQLite database, not a tgmd archive");
  }

  @Test
  void aMissingFolderIsAOneLineError() {
    Path file = dir.resolve("no such folder").resolve("archive.sqlite");
    assertThatThrownBy(() -> Archive.open(file))
        .isInstanceOf(ArchiveException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageNotContaining("\n");
  }
}
