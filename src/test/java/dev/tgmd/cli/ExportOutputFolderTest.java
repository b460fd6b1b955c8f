package dev.tgmd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tgmd.testing.ChildJvm;
import dev.tgmd.testing.HoldLock;
import dev.tgmd.testing.Tgmd;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an export writes into OUT, and only there: no link planted in OUT is written through, files
 * get the permissions the umask asks for, leftovers of killed runs go, and two runs never share one
 * OUT. Real files, real links, real processes.
 */
class ExportOutputFolderTest {

  @TempDir Path tmp;
  Path input;
  Path out;
  Path elsewhere;

  @BeforeEach
  void setUp() throws Exception {
    input = Files.createDirectories(tmp.resolve("export"));
    Files.writeString(
        input.resolve("result.json"),
        """
        {"name": "Pics", "type": "private_group", "id": 9, "messages": [
          {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "photo": "photos/a.jpg", "text": "hello"},
          {"id": 2, "type": "message", "date": "2024-02-01T10:00:00", "file": "files/b.pdf", "text": "later"}
        ]}
        """,
        StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("photos"));
    Files.createDirectories(input.resolve("files"));
    Files.writeString(input.resolve("photos/a.jpg"), "JPEG");
    Files.writeString(input.resolve("files/b.pdf"), "PDF");
    out = tmp.resolve("out");
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
  }

  private Tgmd.Run export(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("export", input.toString(), "--out", out.toString(), "--timezone", "UTC"));
    args.addAll(List.of(more));
    return Tgmd.run(args.toArray(new String[0]));
  }

  private static List<String> everything(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private void assertRefused(Tgmd.Run run, Path link) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("tgmd: " + link + " is a symbolic link");
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(everything(elsewhere)).as("nothing written through the link").isEmpty();
  }

  @Test
  void aLinkAtTheMediaFolderIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
    Files.createDirectories(out.resolve("Pics"));
    Path link = Files.createSymbolicLink(out.resolve("Pics/media"), elsewhere);
    assertRefused(export(), link);
  }

  @Test
  void aLinkAtAMediaSubfolderIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
    Files.createDirectories(out.resolve("Pics/media"));
    Path link = Files.createSymbolicLink(out.resolve("Pics/media/photos"), elsewhere);
    assertRefused(export(), link);
  }

  @Test
  void aLinkAtTheChatFolderIsRefusedBeforeAnythingIsCopiedThroughIt() throws Exception {
    Files.createDirectories(out);
    Path link = Files.createSymbolicLink(out.resolve("Pics"), elsewhere);
    assertRefused(export(), link);
  }

  @Test
  void anOutThatIsALinkIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
    Files.createSymbolicLink(out, elsewhere);
    Tgmd.Run run = export();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "tgmd: --out "
                + out
                + " is a symbolic link (to "
                + elsewhere
                + "): name the folder itself"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(everything(elsewhere)).as("no note, no report, no lock through the link").isEmpty();
  }

  // --- permissions -----------------------------------------------------------------------------

  private static int umask() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Umask:")) {
        return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
      }
    }
    throw new IllegalStateException("no Umask in /proc/self/status");
  }

  private static int mode(Path p) throws Exception {
    int mode = 0;
    for (PosixFilePermission perm : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) {
      mode |= 1 << (8 - perm.ordinal());
    }
    return mode;
  }

  private static void assertModesFollow(Path out, int umask) throws Exception {
    for (String file :
        List.of(
            "Pics/Pics 2024-01.md",
            "Pics/Pics.md",
            "Pics/media/photos/a.jpg",
            "export_metrics.json",
            "export_metrics.html")) {
      assertThat(Integer.toOctalString(mode(out.resolve(file))))
          .as(file)
          .isEqualTo(Integer.toOctalString(0666 & ~umask));
    }
    for (String folder : List.of("Pics", "Pics/media", "Pics/media/photos")) {
      assertThat(Integer.toOctalString(mode(out.resolve(folder))))
          .as(folder)
          .isEqualTo(Integer.toOctalString(0777 & ~umask));
    }
  }

  @Test
  void notesMediaAndTheReportFollowTheUmask() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")));
    Tgmd.Run run = export();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertModesFollow(out, umask());
  }

  @Test
  void underAnotherUmaskFilesFollowItToo() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    List<String> command =
        new ArrayList<>(List.of("/bin/sh", "-c", "umask 027 && exec \"$@\"", "sh"));
    command.addAll(ChildJvm.tgmd("export", input.toString(), "--out", out.toString(), "-q"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    assertModesFollow(out, 027);
  }

  // --- leftovers and a busy OUT ----------------------------------------------------------------

  @Test
  void leftoversOfAKilledRunAreRemovedAndTheNotesStayTheSame() throws Exception {
    assertThat(export().exitCode()).isZero();
    Map<String, String> before = Tgmd.exported(out);
    Path work = Files.createDirectories(out.resolve(".tgmd-work-x"));
    Files.writeString(work.resolve("chat0-note0.md"), "spilled body");
    Files.writeString(out.resolve("Pics/.tgmd-y.tmp"), "half a note");
    Files.writeString(out.resolve("Pics/.tgmd-z.part"), "half a photo");
    Files.writeString(out.resolve("Pics/mine.txt"), "the user's own file");

    Tgmd.Run run = export();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(work).doesNotExist();
    assertThat(out.resolve("Pics/.tgmd-y.tmp")).doesNotExist();
    assertThat(out.resolve("Pics/.tgmd-z.part")).doesNotExist();
    Map<String, String> after = Tgmd.exported(out);
    assertThat(after.remove("Pics/mine.txt"))
        .as("not tgmd's: left alone")
        .isEqualTo("the user's own file");
    assertThat(after).isEqualTo(before);
  }

  private void assertBusy(Tgmd.Run run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("tgmd: --out " + out + " is in use by another tgmd run (pid ")
        .endsWith("); wait for it or stop it" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(everything(out))
        .as("nothing written, not even the report")
        .containsExactly(".tgmd", ".tgmd/lock");
  }

  @Test
  void aSecondRunOnAnOutLockedByAnotherProcessStopsAtOnce() throws Exception {
    Process holder = HoldLock.start(out.resolve(".tgmd/lock"));
    try {
      assertBusy(export());
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
    assertThat(export().exitCode()).as("free again once the other run ended").isZero();
  }

  @Test
  @SuppressWarnings("try") // the lock is held while open
  void aSecondRunOnAnOutLockedInThisProcessStopsAtOnce() throws Exception {
    Files.createDirectories(out.resolve(".tgmd"));
    try (FileChannel channel =
            FileChannel.open(
                out.resolve(".tgmd/lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertBusy(export());
    }
  }
}
