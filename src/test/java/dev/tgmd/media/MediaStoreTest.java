package dev.tgmd.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.layout.OutputFolder;
import dev.tgmd.recording.CacheRecorder;
import dev.tgmd.source.FileRef;
import dev.tgmd.testing.ContentExamples;
import dev.tgmd.testing.Tgmd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {

  @TempDir Path tmp;
  OutputFolder out;
  MediaResolver resolver;

  private MediaStore store(CacheRecorder cache) throws Exception {
    Files.createDirectories(tmp.resolve("export"));
    resolver = new MediaResolver(tmp.resolve("export"));
    out = OutputFolder.open(tmp.resolve("out"));
    return new MediaStore(out, "Chat", resolver, cache, 0, 0);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (out != null) {
      out.close();
      resolver.close();
    }
  }

  static final class CountingCache implements CacheRecorder {
    int hits;
    int misses;
    long entries;
    long bytes;

    @Override
    public void hit() {
      hits++;
    }

    @Override
    public void miss() {
      misses++;
    }

    @Override
    public void eviction() {}

    @Override
    public void size(long entries, long bytes) {
      this.entries = entries;
      this.bytes = bytes;
    }
  }

  @Test
  void identicalContentIsStoredOnceAndCountedAsAHit() throws Exception {
    Path export = Files.createDirectories(tmp.resolve("export/chats/chat_001/photos"));
    Files.writeString(export.resolve("a.jpg"), "same");
    Files.writeString(export.resolve("b.jpg"), "same");
    Files.writeString(export.resolve("c.jpg"), "other");
    CountingCache cache = new CountingCache();
    Path chatDir = tmp.resolve("out/Chat");
    MediaStore store = store(cache);

    MediaLink a = store.store(resolver.resolve(FileRef.of("chats/chat_001/photos/a.jpg", null)));
    MediaLink b = store.store(resolver.resolve(FileRef.of("chats/chat_001/photos/b.jpg", null)));
    MediaLink c = store.store(resolver.resolve(FileRef.of("chats/chat_001/photos/c.jpg", null)));

    assertThat(a).isEqualTo(new MediaLink.Stored("media/photos/a.jpg", 4));
    assertThat(b).as("the duplicate links to the first copy").isEqualTo(a);
    assertThat(c).isEqualTo(new MediaLink.Stored("media/photos/c.jpg", 5));
    assertThat(cache.hits).isEqualTo(1);
    assertThat(cache.misses).isEqualTo(2);
    assertThat(cache.entries).isEqualTo(2);
    assertThat(cache.bytes).isEqualTo(9);
    assertThat(store.duplicates()).isEqualTo(1);
    assertThat(store.copied()).isEqualTo(2);
    try (Stream<Path> files = Files.walk(chatDir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> chatDir.relativize(p).toString()))
          .as("no temporary files left")
          .containsExactlyInAnyOrder("media/photos/a.jpg", "media/photos/c.jpg");
    }
  }

  @Test
  void differentContentUnderTheSameSafeNameGetsASuffix() throws Exception {
    Path export = Files.createDirectories(tmp.resolve("export/files"));
    Files.writeString(export.resolve("a:b.txt"), "1");
    Files.writeString(export.resolve("a_b.txt"), "2");
    MediaStore store = store(new CountingCache());
    assertThat(store.store(resolver.resolve(FileRef.of("files/a:b.txt", null))))
        .isEqualTo(new MediaLink.Stored("media/files/a_b.txt", 1));
    assertThat(store.store(resolver.resolve(FileRef.of("files/a_b.txt", null))))
        .isEqualTo(new MediaLink.Stored("media/files/a_b (2).txt", 1));
  }

  @Test
  void missingRefusedAndPlaceholdersAreCountedNotCopied() throws Exception {
    MediaStore store = store(new CountingCache());
    assertThat(store.store(new CheckedFile.Missing("x.jpg")))
        .isEqualTo(new MediaLink.Missing("x.jpg"));
    assertThat(store.store(new CheckedFile.Refused("/etc/passwd", "why")))
        .isEqualTo(new MediaLink.Refused("/etc/passwd", "why"));
    assertThat(
            store.store(new CheckedFile.Placeholder("(File unavailable, please try again later)")))
        .isInstanceOf(MediaLink.Placeholder.class);
    assertThat(store.missing()).isEqualTo(1);
    assertThat(store.refused()).isEqualTo(1);
    assertThat(Tgmd.files(tmp.resolve("out"))).isEmpty();
  }

  @Test
  void everyKindOfCheckedFileGetsALink() throws Exception {
    Files.createDirectories(tmp.resolve("export/files"));
    Files.writeString(tmp.resolve("export/files/a.txt"), "a");
    MediaStore store = store(new CountingCache());
    Map<Class<?>, CheckedFile> checked =
        ContentExamples.ofEveryKind(
            CheckedFile.class,
            List.of(
                resolver.resolve(FileRef.of("files/a.txt", null)),
                resolver.check(FileRef.of("files/a.txt", null)),
                new CheckedFile.Missing("x.jpg"),
                new CheckedFile.Refused("/etc/passwd", "why"),
                new CheckedFile.Placeholder(
                    "(File not included. Change data exporting settings to download.)")));
    for (CheckedFile file : checked.values()) {
      assertThat(store.store(file)).as("%s", file).isNotNull();
    }
  }

  @Test
  void largeIdenticalFilesAreComparedByteByByteThroughTheResolver() throws Exception {
    Path export = Files.createDirectories(tmp.resolve("export/files"));
    byte[] big = "b".repeat(MediaResolver.SMALL_FILE + 1).getBytes(StandardCharsets.UTF_8);
    Files.write(export.resolve("one.bin"), big);
    Files.write(export.resolve("two.bin"), big);
    MediaStore store = store(new CountingCache());
    MediaLink one = store.store(resolver.resolve(FileRef.of("files/one.bin", null)));
    assertThat(store.store(resolver.resolve(FileRef.of("files/two.bin", null)))).isEqualTo(one);
    assertThat(Files.readAllBytes(tmp.resolve("out/Chat/media/files/one.bin"))).isEqualTo(big);
  }

  @Test
  void aFolderSwappedForALinkAfterItsFileWasCheckedIsNotReadThroughTheLink() throws Exception {
    Path photos = Files.createDirectories(tmp.resolve("export/chats/chat_1/photos"));
    int size =
        MediaResolver.SMALL_FILE + 1; // large: read again when copied, not kept from the check
    Files.write(photos.resolve("big.bin"), "a".repeat(size).getBytes(StandardCharsets.UTF_8));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.write(outside.resolve("big.bin"), "S".repeat(size).getBytes(StandardCharsets.UTF_8));
    MediaStore store = store(new CountingCache());
    CheckedFile checked = resolver.resolve(FileRef.of("chats/chat_1/photos/big.bin", null));
    assertThat(checked).isInstanceOf(CheckedFile.Available.class);

    // between the check (process stage) and the copy (write stage): same name, same size, outside
    Files.move(photos, photos.resolveSibling("photos-old"));
    Files.createSymbolicLink(photos, outside);

    // the resolver kept the folder it opened: the file checked is the one copied, not the link's
    MediaLink link = store.store(checked);
    assertThat(link).isInstanceOf(MediaLink.Stored.class);
    assertThat(store.refused()).isZero();
    assertThat(tmp.resolve("out/Chat/media/photos/big.bin")).hasContent("a".repeat(size));
    assertThat(Tgmd.files(tmp.resolve("out")).values())
        .as("nothing of the outside file in OUT")
        .noneMatch(content -> content.contains("SSSS"));
  }
}
