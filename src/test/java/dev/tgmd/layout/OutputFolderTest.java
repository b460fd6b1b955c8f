package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgmd.testing.Tgmd;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  @TempDir Path tmp;

  private static OutputFolder.Content text(String s) {
    return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesCreateTheFoldersAndReplaceAtomicallyLeavingNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("a/out");
    try (OutputFolder folder = OutputFolder.open(out)) {
      assertThat(folder.write("Chat/media/photos/p.jpg", text("one"))).isEqualTo(3);
      folder.write("Chat/media/photos/p.jpg", text("two!"));
    }
    assertThat(Tgmd.read(out.resolve("Chat/media/photos/p.jpg"))).isEqualTo("two!");
    assertThat(names(out.resolve("Chat/media/photos"))).containsExactly("p.jpg");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputFolder folder = OutputFolder.open(out)) {
      folder.write("note.md", text("old"));
      assertThatThrownBy(
              () ->
                  folder.write(
                      "note.md",
                      o -> {
                        o.write("half".getBytes(StandardCharsets.UTF_8));
                        throw new java.io.IOException("disk full");
                      }))
          .hasMessage("disk full");
    }
    assertThat(Tgmd.read(out.resolve("note.md"))).isEqualTo("old");
    assertThat(names(out)).containsExactly("note.md");
  }

  @Test
  void aLinkInAFilesPlaceIsReplacedNotWrittenThrough() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "keep me");
    Files.createSymbolicLink(out.resolve("note.md"), secret);
    try (OutputFolder folder = OutputFolder.open(out)) {
      folder.write("note.md", text("the note"));
      assertThatThrownBy(() -> folder.read("other.md"))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
    assertThat(Files.isSymbolicLink(out.resolve("note.md"))).isFalse();
    assertThat(Tgmd.read(out.resolve("note.md"))).isEqualTo("the note");
    assertThat(Tgmd.read(secret)).isEqualTo("keep me");
  }

  @Test
  void aFileWhereAFolderShouldBeIsRefused() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("Chat"), "a file");
    try (OutputFolder folder = OutputFolder.open(out)) {
      assertThatThrownBy(() -> folder.write("Chat/note.md", text("x")))
          .isInstanceOf(OutputRefusedException.class)
          .hasMessage(out.resolve("Chat") + " is not a folder: tgmd needs a folder there");
    }
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> OutputFolder.open(file))
        .isInstanceOf(OutputRefusedException.class)
        .hasMessage("--out " + file + " is not a folder: tgmd needs a folder there");
  }

  @Test
  void aLinkReadBackIsRefused() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/Chat"));
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(out.resolve("note.md"), tmp.resolve("secret.txt"));
    try (OutputFolder folder = OutputFolder.open(tmp.resolve("out"))) {
      assertThatThrownBy(
              () -> {
                try (InputStream in = folder.read("Chat/note.md")) {
                  in.readAllBytes();
                }
              })
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void workFilesAppendReadBackAndGoWithTheirFolder() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputFolder folder = OutputFolder.open(out)) {
      String work = folder.createWorkFolder();
      assertThat(work).startsWith(".tgmd-work-");
      for (String part : List.of("a", "b")) {
        try (OutputStream o = folder.append(work + "/body.md")) {
          o.write(part.getBytes(StandardCharsets.UTF_8));
        }
      }
      try (InputStream in = folder.read(work + "/body.md")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ab");
      }
      folder.delete(work);
    }
    assertThat(names(out)).isEmpty();
  }

  @Test
  void leftoversGoButLinksAndOtherFilesStay() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve(".tgmd-x.tmp"), "not ours to remove: behind a link");
    Files.createSymbolicLink(out.resolve("linked"), outside);
    Files.createDirectories(out.resolve(".tgmd-work-1/deep"));
    Files.writeString(out.resolve(".tgmd-work-1/deep/spill.md"), "x");
    Files.createDirectories(out.resolve("Chat/media/photos"));
    Files.writeString(out.resolve("Chat/media/photos/.tgmd-2.tmp"), "x");
    Files.writeString(out.resolve("Chat/note.md"), "note");
    Files.writeString(
        out.resolve("Chat/.tgmd-notes.md"), "a user's file that only looks like ours");
    try (OutputFolder folder = OutputFolder.open(out)) {
      assertThat(folder.removeLeftovers()).isEqualTo(2);
    }
    assertThat(Tgmd.files(out).keySet()).containsExactly("Chat/.tgmd-notes.md", "Chat/note.md");
    assertThat(outside.resolve(".tgmd-x.tmp")).exists();
    assertThat(Files.isSymbolicLink(out.resolve("linked"))).isTrue();
  }

  @Test
  void aSecondLockIsRefusedNamingTheHolderAndFreeOnceItIsClosed() throws Exception {
    Path out = tmp.resolve("out");
    OutputFolder first = OutputFolder.open(out);
    first.lock();
    assertThat(Tgmd.read(out.resolve(".tgmd/lock")))
        .startsWith("pid " + ProcessHandle.current().pid() + "\nstarted ");
    try (OutputFolder second = OutputFolder.open(out)) {
      assertThatThrownBy(second::lock)
          .isInstanceOf(OutputRefusedException.class)
          .hasMessageStartingWith(
              "--out "
                  + out
                  + " is in use by another tgmd run (pid "
                  + ProcessHandle.current().pid()
                  + ", started ")
          .hasMessageEndingWith("); wait for it or stop it");
    }
    first.close();
    try (OutputFolder third = OutputFolder.open(out)) {
      third.lock();
    }
  }

  @Test
  void anOutWhoseParentCannotBeListedIsStillWritten() throws Exception {
    Path parent = Files.createDirectories(tmp.resolve("parent"));
    Path out = Files.createDirectories(parent.resolve("out"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(parent).supportsFileAttributeView("posix"));
    var before = Files.getPosixFilePermissions(parent);
    Files.setPosixFilePermissions(
        parent, java.nio.file.attribute.PosixFilePermissions.fromString("-wx--x--x"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isReadable(parent), "root reads every folder");
      try (OutputFolder folder = OutputFolder.open(out)) {
        folder.write("note.md", text("x"));
      }
    } finally {
      Files.setPosixFilePermissions(parent, before);
    }
    assertThat(Tgmd.read(out.resolve("note.md"))).isEqualTo("x");
  }

  @Test
  void pathsMustBePlainAndRelative() throws Exception {
    try (OutputFolder folder = OutputFolder.open(tmp.resolve("out"))) {
      for (String bad : List.of("../x.md", "a/../x.md", "./x.md", "a//x.md", "", "a/")) {
        assertThatThrownBy(() -> folder.write(bad, text("x")))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThat(Files.exists(tmp.resolve("x.md"))).isFalse();
  }
}
