package dev.tgmd.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar keeps every license and notice file of the dependencies shaded into it, each
 * under META-INF/licenses/ARTIFACT/ as the dependency ships it: the build unpacks them into
 * target/third-party/ARTIFACT/META-INF/, and the pom names each one for the shade plugin, so a
 * dependency that brings a new file fails here until the pom names it too. Runs after package.
 */
class RunnableJarLicensesIT {

  private static final Path JAR = Path.of("target", "tgmd.jar");
  private static final Path THIRD_PARTY = Path.of("target", "third-party");

  @Test
  void everyDependencysLicenseAndNoticeFileIsInTheJarUnderItsArtifactsName() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(THIRD_PARTY)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    assertThat(files).as("license files unpacked from the dependencies").isNotEmpty();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      for (Path file : files) {
        Path relative = THIRD_PARTY.relativize(file);
        String artifact = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        String entryName = "META-INF/licenses/" + artifact + "/" + name;
        ZipEntry entry = jar.getEntry(entryName);
        assertThat(entry)
            .as(entryName + " in " + JAR + " (add it to the shade plugin's transformers)")
            .isNotNull();
        assertThat(jar.getInputStream(entry).readAllBytes())
            .as(entryName)
            .isEqualTo(Files.readAllBytes(file));
      }
    }
  }

  @Test
  void tgmdsOwnLicenseAndNoticeAreAtTheTop() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      for (String name : List.of("LICENSE", "NOTICE")) {
        ZipEntry entry = jar.getEntry("META-INF/" + name);
        assertThat(entry).as("META-INF/" + name).isNotNull();
        assertThat(jar.getInputStream(entry).readAllBytes())
            .isEqualTo(Files.readAllBytes(Path.of(name)));
      }
    }
  }
}
