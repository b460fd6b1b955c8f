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
