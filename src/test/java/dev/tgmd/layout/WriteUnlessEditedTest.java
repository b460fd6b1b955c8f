package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notes are written only when their bytes change, and never over what a user wrote. */
class WriteUnlessEditedTest {

  @TempDir Path out;

  private static OutputFolder.Content text(String s) {
    return o -> o.write(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The checksum docs/archive.md describes: CRC-32C, then CRC-32, as 16 hex digits. */
  private static String checksum(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    CRC32C high = new CRC32C();
    high.update(b);
    CRC32 low = new CRC32();
    low.update(b);
    return String.format("%08x%08x", high.getValue(), low.getValue());
  }

  @Test
  void aNewFileIsWrittenWithItsChecksum() throws Exception {
    try (OutputFolder folder = OutputFolder.open(out)) {
      WrittenFile w =
          folder.writeUnlessEdited("chat/a.md", "a (tgmd).md", text("hello"), (p, s) -> false);
      assertThat(w.placement()).isEqualTo(Placement.WRITTEN);
      assertThat(w.relative()).isEqualTo("chat/a.md");
      assertThat(w.size()).isEqualTo(5);
      assertThat(w.checksum()).isEqualTo(checksum("hello"));
    }
    assertThat(out.resolve("chat/a.md")).hasContent("hello");
  }

  @Test
  void theSameBytesLeaveTheFileUntouched() throws Exception {
    Path file = Files.createDirectories(out.resolve("chat")).resolve("a.md");
    Files.writeString(file, "hello");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);
    try (OutputFolder folder = OutputFolder.open(out)) {
      WrittenFile w =
          folder.writeUnlessEdited("chat/a.md", "a (tgmd).md", text("hello"), (p, s) -> false);
      assertThat(w.placement()).isEqualTo(Placement.UNCHANGED);
    }
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    try (var files = Files.list(out.resolve("chat"))) {
      assertThat(files).containsExactly(file); // no temporary file left
    }
  }

  @Test
  void tgmdsOwnEarlierVersionIsReplaced() throws Exception {
    Path file = Files.createDirectories(out.resolve("chat")).resolve("a.md");
    Files.writeString(file, "old");
    String oldSum = checksum("old");
    try (OutputFolder folder = OutputFolder.open(out)) {
      WrittenFile w =
          folder.writeUnlessEdited(
              "chat/a.md", "a (tgmd).md", text("new"), (p, s) -> s.equals(oldSum));
      assertThat(w.placement()).isEqualTo(Placement.WRITTEN);
    }
    assertThat(file).hasContent("new");
    assertThat(out.resolve("chat/a (tgmd).md")).doesNotExist();
  }

  @Test
  void aFileTheUserChangedStaysAndTgmdsVersionGoesBesideIt() throws Exception {
    Path file = Files.createDirectories(out.resolve("chat")).resolve("a.md");
    Files.writeString(file, "old\nmy own line\n");
    String[] asked = new String[2];
    try (OutputFolder folder = OutputFolder.open(out)) {
      WrittenFile w =
          folder.writeUnlessEdited(
              "chat/a.md",
              "a (tgmd).md",
              text("new"),
              (p, s) -> {
                asked[0] = p;
                asked[1] = s;
                return false;
              });
      assertThat(w.placement()).isEqualTo(Placement.BESIDE);
      assertThat(w.relative()).isEqualTo("chat/a (tgmd).md");
    }
    assertThat(asked).containsExactly("chat/a.md", checksum("old\nmy own line\n"));
    assertThat(file).hasContent("old\nmy own line\n");
    assertThat(out.resolve("chat/a (tgmd).md")).hasContent("new");
  }
}
