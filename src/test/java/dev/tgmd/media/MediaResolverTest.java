package dev.tgmd.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.source.FileRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaResolverTest {

  @TempDir Path tmp;
  Path export;
  Path secret;
  MediaResolver resolver;

  @BeforeEach
  void setUp() throws Exception {
    export = Files.createDirectories(tmp.resolve("export"));
    Files.createDirectories(export.resolve("photos"));
    Files.writeString(export.resolve("photos/a.jpg"), "picture");
    secret = Files.writeString(tmp.resolve("secret.txt"), "do not read");
    resolver = new MediaResolver(export);
  }

  @AfterEach
  void tearDown() throws Exception {
    resolver.close();
  }

  private CheckedFile resolve(String path) throws Exception {
    return resolver.resolve(FileRef.of(path, null));
  }

  @Test
  void aFileInsideTheExportIsChecksummed() throws Exception {
    CheckedFile s = resolve("photos/a.jpg");
    assertThat(s).isInstanceOf(CheckedFile.Available.class);
    CheckedFile.Available a = (CheckedFile.Available) s;
    assertThat(a.relative()).isEqualTo("photos/a.jpg");
    assertThat(a.size()).isEqualTo(7);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update("picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(a.checksum()).isEqualTo(crc.getValue());
  }

  @Test
  void checkingFindsTheMissingAndRefusedFilesResolvingFinds() throws Exception {
    Files.createSymbolicLink(export.resolve("photos/out.jpg"), secret);
    Files.createSymbolicLink(
        export.resolve("photos/broken.jpg"), export.resolve("photos/none.jpg"));
    Files.createDirectories(export.resolve("photos/folder.jpg"));

    assertThat(resolver.check(FileRef.of("photos/a.jpg", null)))
        .isEqualTo(new CheckedFile.Skipped("photos/a.jpg"));
    for (String path :
        new String[] {
          "photos/gone.jpg",
          "../secret.txt",
          secret.toString(),
          "photos/out.jpg",
          "photos/broken.jpg",
          "photos/folder.jpg"
        }) {
      assertThat(resolver.check(FileRef.of(path, null))).as(path).isEqualTo(resolve(path));
    }
    assertThat(resolver.check(FileRef.of("photos/gone.jpg", null)))
        .isInstanceOf(CheckedFile.Missing.class);
  }

  @Test
  void absolutePathsAreRefused() throws Exception {
    assertThat(resolve(secret.toString())).isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("C:\\Windows\\win.ini")).isInstanceOf(CheckedFile.Refused.class);
  }

  @Test
  void climbingOutWithDotDotIsRefused() throws Exception {
    assertThat(resolve("../secret.txt")).isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("photos/../../secret.txt")).isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("photos/../photos/a.jpg"))
        .as("a '..' that stays inside is fine")
        .isInstanceOf(CheckedFile.Available.class);
  }

  @Test
  void everyLinkIsRefusedWhereverItLeads() throws Exception {
    Files.createSymbolicLink(export.resolve("photos/out.jpg"), secret);
    Files.createSymbolicLink(export.resolve("photos/in.jpg"), export.resolve("photos/a.jpg"));
    Files.createSymbolicLink(
        export.resolve("photos/broken.jpg"), export.resolve("photos/nothing.jpg"));
    Files.createSymbolicLink(export.resolve("linkdir"), tmp);
    Files.createSymbolicLink(export.resolve("insidedir"), export.resolve("photos"));
    CheckedFile.Refused link =
        new CheckedFile.Refused(
            "photos/out.jpg", "it is a symbolic link, which tgmd does not follow");
    assertThat(resolve("photos/out.jpg")).isEqualTo(link);
    assertThat(resolve("linkdir/secret.txt")).isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("photos/in.jpg"))
        .as("a link staying inside too")
        .isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("insidedir/a.jpg"))
        .as("a folder link staying inside too")
        .isInstanceOf(CheckedFile.Refused.class);
    assertThat(resolve("photos/broken.jpg")).isInstanceOf(CheckedFile.Refused.class);
  }

  @Test
  void aFolderSwappedForALinkIsReadFromTheFolderOpenedNeverThroughTheLink() throws Exception {
    Files.writeString(export.resolve("photos/b.jpg"), "second");
    assertThat(resolve("photos/a.jpg")).isInstanceOf(CheckedFile.Available.class);
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("b.jpg"), "do not read");
    Files.move(export.resolve("photos"), export.resolve("photos-old"));
    Files.createSymbolicLink(export.resolve("photos"), outside);

    CheckedFile b = resolve("photos/b.jpg");
    assertThat(b).as("from the folder kept open").isInstanceOf(CheckedFile.Available.class);
    assertThat(((CheckedFile.Available) b).size()).isEqualTo("second".length());
    try (MediaResolver fresh = new MediaResolver(export)) {
      assertThat(fresh.resolve(FileRef.of("photos/b.jpg", null)))
          .as("a new resolver meets the link")
          .isInstanceOf(CheckedFile.Refused.class);
    }
  }

  @Test
  void foldersBeyondTheKeptOnesAreWalkedEveryTime() throws Exception {
    for (int i = 0; i <= MediaResolver.KEPT_FOLDERS + 2; i++) {
      Path d = Files.createDirectories(export.resolve("many/d" + i));
      Files.writeString(d.resolve("f.txt"), "file " + i);
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i <= MediaResolver.KEPT_FOLDERS + 2; i++) {
        CheckedFile f = resolve("many/d" + i + "/f.txt");
        assertThat(f).as("d%d", i).isInstanceOf(CheckedFile.Available.class);
        assertThat(((CheckedFile.Available) f).size()).isEqualTo(("file " + i).length());
      }
    }
  }

  @Test
  void aFileOnTheWayIsNotAFolder() throws Exception {
    assertThat(resolve("photos/a.jpg/b.jpg")).isInstanceOf(CheckedFile.Missing.class);
  }

  @Test
  void missingFilesAndPlaceholdersAreNamedAsSuch() throws Exception {
    assertThat(resolve("photos/nope.jpg")).isInstanceOf(CheckedFile.Missing.class);
    assertThat(resolve("(File not included. Change data exporting settings to download.)"))
        .isInstanceOf(CheckedFile.Placeholder.class);
  }

  @Test
  void foldersAreNotFiles() throws Exception {
    assertThat(resolve("photos")).isInstanceOf(CheckedFile.Refused.class);
  }
}
