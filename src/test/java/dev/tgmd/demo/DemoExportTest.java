package dev.tgmd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tgmd.testing.TdesktopJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins down the invariants of {@code examples/demo-export/} that the golden tests rely on. */
class DemoExportTest {

  private static final Path DEMO = Path.of("examples", "demo-export");
  private static final List<String> MEDIA_FIELDS =
      List.of("photo", "file", "thumbnail", "contact_vcard");
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          DemoExportBuilder.NOT_INCLUDED,
          DemoExportBuilder.TOO_BIG,
          DemoExportBuilder.PHOTO_NOT_INCLUDED,
          DemoExportBuilder.UNAVAILABLE);

  private static JsonNode root;
  private static List<JsonNode> chats;

  @BeforeAll
  static void read() throws IOException {
    root = TdesktopJson.read(DEMO.resolve("result.json"));
    chats = new ArrayList<>();
    root.path("chats").path("list").forEach(chats::add);
    root.path("left_chats").path("list").forEach(chats::add);
  }

  private static List<JsonNode> messages() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode chat : chats) {
      chat.path("messages").forEach(all::add);
    }
    return all;
  }

  @Test
  void committedFolderIsExactlyWhatTheBuilderWrites() throws IOException {
    assertThat(Files.readString(DEMO.resolve("result.json"), StandardCharsets.UTF_8))
        .isEqualTo(DemoExportBuilder.resultJson());
    Map<String, byte[]> media = DemoExportBuilder.mediaFiles();
    for (Map.Entry<String, byte[]> f : media.entrySet()) {
      assertThat(DEMO.resolve(f.getKey())).as(f.getKey()).exists().hasBinaryContent(f.getValue());
    }
    Set<String> expected = new TreeSet<>(media.keySet());
    expected.add("result.json");
    expected.add("README.md");
    try (Stream<Path> walk = Files.walk(DEMO)) {
      Set<String> actual =
          walk.filter(Files::isRegularFile)
              .map(p -> DEMO.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void isAWholeAccountExportWithChatsAndLeftChats() {
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly("about", "personal_information", "contacts", "chats", "left_chats");
    assertThat(root.path("chats").path("list")).hasSize(5);
    assertThat(root.path("left_chats").path("list")).hasSize(1);
    assertThat(chats)
        .extracting(c -> c.path("type").asText())
        .containsExactly(
            "saved_messages",
            "personal_chat",
            "private_supergroup",
            "public_supergroup",
            "public_channel",
            "public_supergroup");
    assertThat(chats.get(0).has("name")).as("saved_messages has no name").isFalse();
    assertThat(messages()).hasSizeBetween(60, 120);
  }

  @Test
  void idsAreUniqueAndIncreasingWithinEachChat() {
    for (JsonNode chat : chats) {
      Set<BigInteger> seen = new HashSet<>();
      BigInteger previous = null;
      for (JsonNode m : chat.path("messages")) {
        BigInteger id = m.path("id").bigIntegerValue();
        assertThat(seen.add(id)).as("duplicate id %s in %s", id, chat.path("name")).isTrue();
        if (previous != null) {
          assertThat(id).isGreaterThan(previous);
        }
        previous = id;
      }
    }
  }

  @Test
  void everyReferencedFileExistsExceptTheDeliberatelyMissingOne() {
    List<String> missing = new ArrayList<>();
    Set<String> placeholders = new TreeSet<>();
    int present = 0;
    for (JsonNode m : messages()) {
      for (String field : MEDIA_FIELDS) {
        if (!m.hasNonNull(field)) {
          continue;
        }
        String value = m.path(field).asText();
        if (PLACEHOLDERS.contains(value)) {
          placeholders.add(value);
        } else if (Files.isRegularFile(DEMO.resolve(value))) {
          assertThat(value).startsWith("chats/chat_");
          present++;
        } else {
          missing.add(value);
        }
      }
    }
    assertThat(missing).containsExactly(DemoExportBuilder.MISSING_FILE);
    assertThat(placeholders).isEqualTo(PLACEHOLDERS);
    assertThat(present).isGreaterThanOrEqualTo(12);
  }

  private static byte[] demoFile(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(DEMO)) {
      Path p = walk.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
      return Files.readAllBytes(p);
    }
  }

  private static long le(byte[] b, int at, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  @Test
  void theMediaAreRealFilesOfTheirFormats() throws IOException {
    try (Stream<Path> walk = Files.walk(DEMO)) {
      for (Path jpg : walk.filter(f -> f.toString().endsWith(".jpg")).toList()) {
        assertThat(javax.imageio.ImageIO.read(jpg.toFile())).as("%s", jpg).isNotNull();
      }
    }
    byte[] webp = demoFile(".webp");
    assertThat(new String(webp, 0, 16, StandardCharsets.US_ASCII))
        .isEqualTo("RIFF" + new String(webp, 4, 4, StandardCharsets.ISO_8859_1) + "WEBPVP8L");
    assertThat(le(webp, 4, 4)).isEqualTo(webp.length - 8);
    assertThat(webp[20] & 0xff).as("VP8L signature").isEqualTo(0x2F);
    assertThat((le(webp, 21, 4) & 0x3FFF) + 1).as("width").isEqualTo(96);

    byte[] ogg = demoFile(".ogg");
    int pages = 0;
    for (int at = 0; at < ogg.length; pages++) {
      assertThat(new String(ogg, at, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
      int segments = ogg[at + 26] & 0xff;
      int length = 27 + segments;
      for (int i = 0; i < segments; i++) {
        length += ogg[at + 27 + i] & 0xff;
      }
      byte[] page = Arrays.copyOfRange(ogg, at, at + length);
      long stored = le(page, 22, 4);
      Arrays.fill(page, 22, 26, (byte) 0);
      int crc = 0;
      for (byte b : page) {
        crc ^= (b & 0xff) << 24;
        for (int i = 0; i < 8; i++) {
          crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
      }
      assertThat(crc & 0xffffffffL).as("CRC of page %d", pages).isEqualTo(stored);
      if (pages == 0) {
        assertThat(new String(ogg, at + 28, 8, StandardCharsets.US_ASCII)).isEqualTo("OpusHead");
      }
      at += length;
    }
    assertThat(pages).isGreaterThan(2);

    byte[] mp3 = demoFile(".mp3");
    assertThat(mp3.length % 104).isZero();
    for (int at = 0; at < mp3.length; at += 104) {
      assertThat(le(mp3, at, 2)).as("frame sync at %d", at).isEqualTo(0xFBFF);
    }
  }

  @Test
  void theIdenticalPairIsByteIdenticalUnderDifferentNames() throws IOException {
    List<String> pair = DemoExportBuilder.IDENTICAL_PAIR;
    assertThat(pair.get(0)).isNotEqualTo(pair.get(1));
    assertThat(Files.readAllBytes(DEMO.resolve(pair.get(0))))
        .isEqualTo(Files.readAllBytes(DEMO.resolve(pair.get(1))));
  }

  @Test
  void everyEntityTypeAppearsIncludingUnknownOnes() {
    Set<String> types = new TreeSet<>();
    boolean collapsed = false;
    boolean preWithLanguage = false;
    boolean preWithoutLanguage = false;
    for (JsonNode m : messages()) {
      JsonNode runs = m.has("text_entities") ? m.path("text_entities") : m.path("text");
      for (JsonNode run : runs) {
        if (!run.isObject()) {
          continue;
        }
        String type = run.path("type").asText();
        types.add(type);
        collapsed |= run.path("collapsed").asBoolean(false);
        if (type.equals("pre")) {
          preWithLanguage |= !run.path("language").asText().isEmpty();
          preWithoutLanguage |= run.path("language").asText("x").isEmpty();
        }
      }
    }
    assertThat(types)
        .contains(
            "plain",
            "bold",
            "italic",
            "underline",
            "strikethrough",
            "spoiler",
            "code",
            "pre",
            "text_link",
            "link",
            "mention",
            "mention_name",
            "hashtag",
            "cashtag",
            "bot_command",
            "email",
            "phone",
            "blockquote",
            "bank_card",
            "custom_emoji",
            "unknown",
            "shimmer");
    assertThat(collapsed).isTrue();
    assertThat(preWithLanguage).isTrue();
    assertThat(preWithoutLanguage).isTrue();
  }

  @Test
  void everyServiceActionAppears() {
    Set<String> actions = new TreeSet<>();
    int informationTexts = 0;
    for (JsonNode m : messages()) {
      if (m.has("action")) {
        actions.add(m.path("action").asText());
      }
      if (m.has("information_text") && !m.has("action")) {
        informationTexts++;
      }
    }
    assertThat(actions)
        .contains(
            "create_group",
            "invite_members",
            "remove_members",
            "join_group_by_link",
            "edit_group_title",
            "edit_group_photo",
            "pin_message",
            "phone_call",
            "group_call",
            "set_messages_ttl",
            "topic_created",
            "topic_edit",
            "migrate_to_supergroup",
            "migrate_from_group",
            "joined_telegram",
            "create_channel",
            "topic_poster_set");
    assertThat(informationTexts).isEqualTo(1);
  }

  @Test
  void keepsTheEncodingTraps() throws IOException {
    String raw = Files.readString(DEMO.resolve("result.json"), StandardCharsets.UTF_8);
    assertThat(raw).contains("Ring the bell\\x07 twice");
    assertThat(raw).contains("\"new_icon_emoji_id\": 5368324170671202286");
    assertThat(raw).contains("\"gift_id\": 5170145012310081615");
    BigInteger twoTo53 = BigInteger.ONE.shiftLeft(53);
    JsonNode edit =
        messages().stream()
            .filter(m -> m.path("action").asText().equals("topic_edit"))
            .findFirst()
            .orElseThrow();
    assertThat(edit.path("new_icon_emoji_id").bigIntegerValue())
        .isEqualTo(new BigInteger("5368324170671202286"))
        .isGreaterThan(twoTo53);
    assertThat(messages())
        .anyMatch(
            m ->
                m.path("text")
                    .asText()
                    .equals("Ring the bell\u0007 twice when you reach the gate 🔔"));
  }

  @Test
  void currentChatsAgreeOnDatesAndSpanAtLeastThreeMonths() {
    Set<YearMonth> months = new TreeSet<>();
    for (JsonNode chat : chats.subList(0, 5)) {
      for (JsonNode m : chat.path("messages")) {
        if (m.path("type").asText().equals("unsupported")) {
          continue;
        }
        LocalDateTime date = LocalDateTime.parse(m.path("date").asText());
        months.add(YearMonth.from(date));
        assertThat(m.path("date_unixtime").isTextual()).isTrue();
        assertThat(Long.parseLong(m.path("date_unixtime").asText()))
            .isEqualTo(date.toEpochSecond(DemoExportBuilder.ZONE));
        assertThat(m.has("text_entities")).isTrue();
      }
    }
    assertThat(months).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void leftChatUsesTheOldFormatGeneration() {
    JsonNode old = chats.get(5);
    for (JsonNode m : old.path("messages")) {
      assertThat(m.has("date_unixtime")).isFalse();
      assertThat(m.has("text_entities")).isFalse();
      JsonNode from = m.has("from_id") ? m.path("from_id") : m.path("actor_id");
      assertThat(from.isIntegralNumber()).as("integer from_id in %s", m).isTrue();
    }
  }

  @Test
  void folderStaysWellUnderOneMegabyte() throws IOException {
    try (Stream<Path> walk = Files.walk(DEMO)) {
      long bytes =
          walk.filter(Files::isRegularFile)
              .mapToLong(
                  p -> {
                    try {
                      return Files.size(p);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .sum();
      assertThat(bytes).isLessThan(300_000);
    }
  }
}
