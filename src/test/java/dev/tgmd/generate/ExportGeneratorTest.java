package dev.tgmd.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tgmd.testing.TdesktopJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

  private static final List<String> MEDIA_FIELDS =
      List.of("photo", "file", "thumbnail", "contact_vcard");
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          MediaFields.NOT_INCLUDED,
          MediaFields.TOO_BIG,
          MediaFields.UNAVAILABLE,
          MediaFields.PHOTO_NOT_INCLUDED);

  /** One mid-sized export of 11 chats (every kind) shared by the read-only tests. */
  @TempDir static Path shared;

  private static GenerateSummary summary;
  private static JsonNode root;
  private static String raw;

  @BeforeAll
  static void generateOnce() throws IOException {
    summary = ExportGenerator.generate(new GenerateOptions(20_000, shared, 7), 2_500);
    raw = Files.readString(shared.resolve("result.json"), StandardCharsets.UTF_8);
    root = TdesktopJson.mapper().readTree(TdesktopJson.fixEscapes(raw));
  }

  private static List<JsonNode> chats(JsonNode root) {
    List<JsonNode> chats = new ArrayList<>();
    root.path("chats").path("list").forEach(chats::add);
    root.path("left_chats").path("list").forEach(chats::add);
    return chats;
  }

  private static List<JsonNode> messages(JsonNode root) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode chat : chats(root)) {
      chat.path("messages").forEach(all::add);
    }
    return all;
  }

  /** Relative path to file content, for every regular file under {@code dir}. */
  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(
              p -> {
                try {
                  files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return files;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sameOptionsGiveByteIdenticalExports(@TempDir Path a, @TempDir Path b) throws IOException {
    ExportGenerator.generate(new GenerateOptions(3_000, a, 11));
    ExportGenerator.generate(new GenerateOptions(3_000, b, 11, false));
    Map<String, byte[]> first = files(a);
    Map<String, byte[]> second = files(b);
    assertThat(first.keySet()).isEqualTo(second.keySet()).contains("result.json");
    for (String path : first.keySet()) {
      assertThat(second.get(path)).as(path).isEqualTo(first.get(path));
    }
  }

  @Test
  void differentSeedsGiveDifferentExports(@TempDir Path a, @TempDir Path b) throws IOException {
    ExportGenerator.generate(new GenerateOptions(500, a, 1));
    ExportGenerator.generate(new GenerateOptions(500, b, 2));
    assertThat(Files.readAllBytes(a.resolve("result.json")))
        .isNotEqualTo(Files.readAllBytes(b.resolve("result.json")));
  }

  @Test
  void rerunningIntoTheSameFolderReplacesFilesWithoutWritingThroughLinks(
      @TempDir Path reused, @TempDir Path fresh) throws IOException {
    ExportGenerator.generate(new GenerateOptions(4_000, reused, 1));
    ExportGenerator.generate(new GenerateOptions(4_000, reused, 2));
    ExportGenerator.generate(new GenerateOptions(4_000, fresh, 2));
    Map<String, byte[]> expected = files(fresh);
    for (Map.Entry<String, byte[]> f : expected.entrySet()) {
      assertThat(reused.resolve(f.getKey())).as(f.getKey()).hasBinaryContent(f.getValue());
    }
  }

  @Test
  void chatPlansSplitEveryCountExactlyAndUnevenly() {
    for (long n : new long[] {1, 2, 3, 4, 7, 100, 39_999, 40_000, 200_000, 1_600_000, 10_000_007}) {
      List<ChatPlan> plans = ChatPlan.plan(n);
      assertThat(plans).hasSize((int) Math.min(n, n / 40_000 + 3));
      assertThat(plans.stream().mapToLong(ChatPlan::messages).sum()).as("n=%d", n).isEqualTo(n);
      assertThat(plans).allMatch(p -> p.messages() >= 1);
      assertThat(plans.stream().filter(ChatPlan::left).count())
          .isEqualTo(plans.size() >= 4 ? 1L : 0L);
      if (n >= 100) {
        assertThat(plans.get(0).messages()).isGreaterThan(plans.get(plans.size() - 1).messages());
      }
    }
    assertThat(ChatPlan.plan(200_000))
        .extracting(ChatPlan::kind)
        .startsWith(ChatKind.FORUM, ChatKind.MIGRATED, ChatKind.CHANNEL);
  }

  @Test
  void messageCountsPerChatAddUpToN(@TempDir Path dir) throws IOException {
    for (long n : new long[] {1, 2, 5, 9_000}) {
      Path out = dir.resolve("n" + n);
      GenerateSummary s = ExportGenerator.generate(new GenerateOptions(n, out, 3), 2_500);
      JsonNode json = TdesktopJson.read(out.resolve("result.json"));
      List<JsonNode> chats = chats(json);
      assertThat(s.messages()).isEqualTo(n);
      assertThat(chats).hasSameSizeAs(s.chats());
      long total = 0;
      for (int i = 0; i < chats.size(); i++) {
        assertThat((long) chats.get(i).path("messages").size())
            .as("chat %d of n=%d", i, n)
            .isEqualTo(s.chats().get(i).messages());
        assertThat(chats.get(i).path("id").asLong()).isEqualTo(s.chats().get(i).id());
        total += chats.get(i).path("messages").size();
      }
      assertThat(total).isEqualTo(n);
      assertThat(json.has("left_chats")).isEqualTo(n >= 2_500);
    }
  }

  @Test
  void isAWholeAccountExportOnceTheXEscapesAreFixed() {
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly("about", "personal_information", "contacts", "chats", "left_chats");
    assertThat(chats(root))
        .extracting(c -> c.path("type").asText())
        .contains(
            "public_supergroup",
            "private_supergroup",
            "public_channel",
            "personal_chat",
            "private_group",
            "saved_messages",
            "bot_chat");
    for (JsonNode chat : chats(root)) {
      assertThat(chat.path("type").isTextual()).isTrue();
      assertThat(chat.path("id").isIntegralNumber()).isTrue();
      assertThat(chat.has("name")).isEqualTo(!chat.path("type").asText().equals("saved_messages"));
      Set<Long> ids = new HashSet<>();
      for (JsonNode m : chat.path("messages")) {
        assertThat(ids.add(m.path("id").asLong())).as("unique id %s", m.path("id")).isTrue();
        String type = m.path("type").asText();
        assertThat(type).isIn("message", "service", "unsupported");
        if (!type.equals("unsupported")) {
          assertThat(m.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
          assertThat(m.path("date_unixtime").asText()).matches("\\d+");
          assertThat(m.has("text")).isTrue();
          assertThat(m.path("text_entities").isArray()).isTrue();
        }
      }
    }
  }

  @Test
  void looksLikeTdesktopOutput() {
    assertThat(raw).startsWith("{\n \"about\": ");
    assertThat(raw).contains("\n  \"list\": [\n   {\n    \"name\": ");
    assertThat(raw).contains("\"text_entities\": []");
    assertThat(raw).doesNotContain("[ ]").doesNotContain("\" : ");
    assertThat(raw).containsPattern("\\\\x(07|1B)");
    assertThat(raw).doesNotContain("\\ud83d").contains("🏔️");
  }

  @Test
  void hasTheRealisticMix() {
    List<JsonNode> all = messages(root);
    int n = all.size();
    int service = 0;
    int formatted = 0;
    int plainText = 0;
    int replies = 0;
    int forwards = 0;
    int edits = 0;
    Set<String> entities = new TreeSet<>();
    Set<String> actions = new TreeSet<>();
    Set<String> features = new TreeSet<>();
    for (JsonNode m : all) {
      if (m.path("type").asText().equals("service")) {
        service++;
        actions.add(m.has("action") ? m.path("action").asText() : "information_text");
        continue;
      }
      if (m.path("text").isArray()) {
        formatted++;
      } else if (!m.path("text").asText().isEmpty()) {
        plainText++;
      }
      replies += m.has("reply_to_message_id") ? 1 : 0;
      forwards += m.has("forwarded_from") ? 1 : 0;
      edits += m.has("edited") ? 1 : 0;
      m.path("text_entities").forEach(e -> entities.add(e.path("type").asText()));
      for (String f :
          List.of(
              "poll",
              "location_information",
              "place_name",
              "contact_information",
              "game_title",
              "invoice_information",
              "todo_list",
              "reactions",
              "inline_bot_buttons",
              "via_bot",
              "saved_from",
              "author",
              "media_spoiler",
              "live_location_period_seconds")) {
        if (m.has(f)) {
          features.add(f);
        }
      }
      if (m.has("media_type")) {
        features.add(m.path("media_type").asText());
      }
    }
    assertThat(service / (double) n).isBetween(0.015, 0.05);
    assertThat(formatted / (double) (formatted + plainText)).isBetween(0.3, 0.5);
    assertThat(replies / (double) n).isBetween(0.2, 0.5);
    assertThat(forwards / (double) n).isBetween(0.02, 0.1);
    assertThat(edits / (double) n).isBetween(0.05, 0.11);
    assertThat(entities).containsAll(List.of(TextMaker.ENTITY_TYPES)).contains("plain");
    assertThat(actions)
        .contains(
            "create_channel",
            "topic_created",
            "topic_edit",
            "migrate_to_supergroup",
            "migrate_from_group",
            "create_group",
            "pin_message",
            "phone_call",
            "invite_members",
            "information_text",
            "hologram_call_started");
    assertThat(features)
        .contains(
            "poll",
            "location_information",
            "contact_information",
            "reactions",
            "saved_from",
            "author",
            "sticker",
            "voice_message",
            "video_message",
            "video_file",
            "audio_file",
            "animation");
  }

  @Test
  void keepsTheStructureTgmdMustUnderstand() {
    List<JsonNode> chats = chats(root);
    JsonNode forum = chats.get(0);
    Set<Long> topicIds = new HashSet<>();
    int inTopic = 0;
    for (JsonNode m : forum.path("messages")) {
      if (m.path("action").asText().equals("topic_created")) {
        topicIds.add(m.path("id").asLong());
      } else if (topicIds.contains(m.path("reply_to_message_id").asLong(-1))) {
        inTopic++;
      }
    }
    assertThat(topicIds).hasSizeGreaterThanOrEqualTo(3);
    assertThat(inTopic).isGreaterThan(100);

    JsonNode migrated = chats.get(1);
    JsonNode first = migrated.path("messages").get(0);
    assertThat(first.path("id").asLong()).isNegative();
    assertThat(first.path("action").asText()).isEqualTo("create_group");
    assertThat(
            migrated.path("messages").findValues("action").stream()
                .anyMatch(a -> a.asText().equals("migrate_from_group")))
        .isTrue();

    JsonNode channel = chats.get(2);
    assertThat(channel.path("type").asText()).isEqualTo("public_channel");
    assertThat(channel.path("messages").get(1).path("from_id").asText())
        .isEqualTo("channel" + channel.path("id").asLong());
  }

  @Test
  void writesNumbersAboveTwoTo53Exactly() {
    BigInteger twoTo53 = BigInteger.ONE.shiftLeft(53);
    for (String field : List.of("new_icon_emoji_id", "gift_id")) {
      assertThat(
              messages(root).stream()
                  .filter(m -> m.has(field))
                  .anyMatch(m -> m.path(field).bigIntegerValue().compareTo(twoTo53) > 0))
          .as(field)
          .isTrue();
    }
  }

  @Test
  void referencedMediaFilesExistExceptTheDeliberatelyMissingOnes() {
    long missing = 0;
    long present = 0;
    long placeholders = 0;
    List<JsonNode> chats = chats(root);
    for (int i = 0; i < chats.size(); i++) {
      String folder = summary.chats().get(i).folder() + "/";
      for (JsonNode m : chats.get(i).path("messages")) {
        for (String field : MEDIA_FIELDS) {
          if (!m.hasNonNull(field)) {
            continue;
          }
          String value = m.path(field).asText();
          if (PLACEHOLDERS.contains(value)) {
            placeholders++;
            continue;
          }
          assertThat(value).startsWith(folder);
          if (Files.isRegularFile(shared.resolve(value))) {
            present++;
          } else {
            missing++;
          }
        }
      }
    }
    assertThat(missing).isEqualTo(summary.missingFiles()).isPositive();
    assertThat(placeholders).isEqualTo(summary.placeholders()).isPositive();
    assertThat(present + missing).isEqualTo(summary.mediaReferences());
    assertThat(summary.mediaReferences()).isGreaterThan(20_000 * 6 / 100);
  }

  @Test
  void manyDifferentlyNamedFilesShareTheirContent() throws IOException {
    Map<String, Integer> byHash = new HashMap<>();
    long files = 0;
    for (Map.Entry<String, byte[]> f : files(shared.resolve("chats")).entrySet()) {
      byHash.merge(sha256(f.getValue()), 1, Integer::sum);
      files++;
    }
    assertThat(files).isEqualTo(summary.mediaFiles());
    assertThat(byHash.size()).isLessThanOrEqualTo(MediaPool.SIZE);
    assertThat(files - byHash.size()).isGreaterThan(files / 2);
  }

  @Test
  void optionsRejectImpossibleValues(@TempDir Path dir) {
    assertThatThrownBy(() -> new GenerateOptions(0, dir, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new GenerateOptions(GenerateOptions.MAX_MESSAGES + 1, dir, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GenerateOptions(1, null, 1))
        .isInstanceOf(NullPointerException.class);
  }
}
