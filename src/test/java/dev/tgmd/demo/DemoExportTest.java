package dev.tgmd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tgmd.testing.TdesktopJson;
import java.io.ByteArrayOutputStream;
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
  void theVideosAreH264Mp4sThatAgreeWithResultJson() throws IOException {
    int videos = 0;
    for (JsonNode m : messages()) {
      Path file = DEMO.resolve(m.path("file").asText("-"));
      if (m.path("mime_type").asText().equals("video/mp4") && Files.isRegularFile(file)) {
        checkMp4(Files.readAllBytes(file), m);
        videos++;
      }
    }
    assertThat(videos).as("the round video and the animation").isEqualTo(2);
  }

  @Test
  void nalUnitsEscapeEveryEmulatedStartCode() {
    byte[] rbsp = {0, 0, 0, 0, 1, 0, 0, 3, 0, 0, 4};
    assertThat(DemoVideo.nal(0x65, rbsp))
        .containsExactly(0x65, 0, 0, 3, 0, 0, 3, 1, 0, 0, 3, 3, 0, 0, 4);
  }

  /** An ISO BMFF box: where its header starts and where it ends, in the file. */
  private record Box(String type, int start, int end) {
    int body() {
      return start + 8;
    }
  }

  /** The boxes that exactly fill {@code from..to}, in order. */
  private static List<Box> boxes(byte[] b, int from, int to) {
    List<Box> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      assertThat(to - at).as("room for a box header at %d", at).isGreaterThanOrEqualTo(8);
      int size = (int) be(b, at, 4);
      String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
      assertThat(size).as("size of %s at %d", type, at).isBetween(8, to - at);
      out.add(new Box(type, at, at + size));
      at += size;
    }
    assertThat(at).isEqualTo(to);
    return out;
  }

  private static Box child(byte[] b, Box parent, int skip, String type) {
    List<Box> children = boxes(b, parent.body() + skip, parent.end());
    return children.stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " missing in " + parent.type()));
  }

  private static long be(byte[] b, int at, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  private static void checkMp4(byte[] b, JsonNode message) {
    assertThat(boxes(b, 0, b.length)).extracting(Box::type).containsExactly("ftyp", "moov", "mdat");
    List<Box> top = boxes(b, 0, b.length);
    Box ftyp = top.get(0);
    Box moov = top.get(1);
    Box mdat = top.get(2);
    assertThat(new String(b, ftyp.body(), 4, StandardCharsets.US_ASCII)).isEqualTo("isom");
    assertThat(
            new String(b, ftyp.body() + 8, ftyp.end() - ftyp.body() - 8, StandardCharsets.US_ASCII))
        .contains("avc1");

    Box mvhd = child(b, moov, 0, "mvhd");
    Box trak = child(b, moov, 0, "trak");
    Box tkhd = child(b, trak, 0, "tkhd");
    Box mdia = child(b, trak, 0, "mdia");
    Box mdhd = child(b, mdia, 0, "mdhd");
    Box hdlr = child(b, mdia, 0, "hdlr");
    Box minf = child(b, mdia, 0, "minf");
    child(b, minf, 0, "vmhd");
    child(b, child(b, minf, 0, "dinf"), 0, "dref");
    Box stbl = child(b, minf, 0, "stbl");
    assertThat(new String(b, hdlr.body() + 8, 4, StandardCharsets.US_ASCII)).isEqualTo("vide");

    int width = message.path("width").asInt();
    int height = message.path("height").asInt();
    int seconds = message.path("duration_seconds").asInt();
    assertThat(be(b, mvhd.body() + 16, 4)).isEqualTo(seconds * be(b, mvhd.body() + 12, 4));
    assertThat(be(b, tkhd.body() + 76, 4)).isEqualTo((long) width << 16);
    assertThat(be(b, tkhd.body() + 80, 4)).isEqualTo((long) height << 16);
    long timescale = be(b, mdhd.body() + 12, 4);
    assertThat(be(b, mdhd.body() + 16, 4)).isEqualTo(seconds * timescale);

    Box stsd = child(b, stbl, 0, "stsd");
    assertThat(be(b, stsd.body() + 4, 4)).as("sample descriptions").isEqualTo(1);
    Box avc1 = child(b, stsd, 8, "avc1");
    assertThat(be(b, avc1.body() + 24, 2)).isEqualTo(width);
    assertThat(be(b, avc1.body() + 26, 2)).isEqualTo(height);
    Box avcC = child(b, avc1, 78, "avcC");
    int at = avcC.body();
    assertThat(b[at]).as("configurationVersion").isEqualTo((byte) 1);
    assertThat(b[at + 4] & 3).as("lengthSizeMinusOne").isEqualTo(3);
    assertThat(b[at + 5] & 0x1f).as("one SPS").isEqualTo(1);
    int spsLength = (int) be(b, at + 6, 2);
    byte[] sps = Arrays.copyOfRange(b, at + 8, at + 8 + spsLength);
    at += 8 + spsLength;
    assertThat(b[at]).as("one PPS").isEqualTo((byte) 1);
    int ppsLength = (int) be(b, at + 1, 2);
    byte[] pps = Arrays.copyOfRange(b, at + 3, at + 3 + ppsLength);
    assertThat(at + 3 + ppsLength).isEqualTo(avcC.end());
    assertThat(sps[0] & 0x1f).as("SPS NAL type").isEqualTo(7);
    assertThat(pps[0] & 0x1f).as("PPS NAL type").isEqualTo(8);
    assertThat(Arrays.copyOfRange(b, avcC.body() + 1, avcC.body() + 4))
        .as("avcC profile, compatibility, level are the SPS's")
        .isEqualTo(Arrays.copyOfRange(sps, 1, 4));
    assertThat(spsPictureSize(sps)).isEqualTo(List.of(width, height));

    Box stsz = child(b, stbl, 0, "stsz");
    assertThat(be(b, stsz.body() + 4, 4)).as("sizes given one by one").isZero();
    int samples = (int) be(b, stsz.body() + 8, 4);
    assertThat(samples).isGreaterThanOrEqualTo(10);
    assertThat(stsz.end()).isEqualTo(stsz.body() + 12 + 4 * samples);
    Box stts = child(b, stbl, 0, "stts");
    long counted = 0;
    long ticks = 0;
    for (int i = 0; i < be(b, stts.body() + 4, 4); i++) {
      long count = be(b, stts.body() + 8 + 8 * i, 4);
      counted += count;
      ticks += count * be(b, stts.body() + 12 + 8 * i, 4);
    }
    assertThat(counted).isEqualTo(samples);
    assertThat(ticks).isEqualTo(seconds * timescale);
    Box stsc = child(b, stbl, 0, "stsc");
    assertThat(be(b, stsc.body() + 4, 4)).as("one run of chunks").isEqualTo(1);
    assertThat(be(b, stsc.body() + 12, 4)).as("samples per chunk").isEqualTo(samples);
    Box stco = child(b, stbl, 0, "stco");
    assertThat(be(b, stco.body() + 4, 4)).as("one chunk").isEqualTo(1);
    assertThat(be(b, stco.body() + 8, 4)).as("the chunk is the mdat").isEqualTo(mdat.body());
    Box stss = child(b, stbl, 0, "stss");
    Set<Integer> sync = new TreeSet<>();
    for (int i = 0; i < be(b, stss.body() + 4, 4); i++) {
      sync.add((int) be(b, stss.body() + 8 + 4 * i, 4));
    }
    assertThat(sync).contains(1);

    int sample = mdat.body();
    for (int i = 1; i <= samples; i++) {
      int end = sample + (int) be(b, stsz.body() + 8 + 4 * i, 4);
      boolean idr = false;
      for (int nal = sample; nal < end; ) {
        int length = (int) be(b, nal, 4);
        assertThat(length).as("NAL unit in sample %d", i).isBetween(2, end - nal - 4);
        int type = b[nal + 4] & 0x1f;
        assertThat(type).as("slice NAL type in sample %d", i).isIn(1, 5);
        idr |= type == 5;
        for (int k = nal + 6; k < nal + 4 + length; k++) {
          boolean startCode = b[k - 2] == 0 && b[k - 1] == 0 && (b[k] & 0xff) <= 2;
          assertThat(startCode).as("start code emulated at %d", k).isFalse();
        }
        nal += 4 + length;
      }
      assertThat(idr)
          .as("sample %d is an IDR picture exactly when stss says so", i)
          .isEqualTo(sync.contains(i));
      sample = end;
    }
    assertThat(sample).as("the samples fill the mdat").isEqualTo(mdat.end());
  }

  /** Width and height in pixels from a Baseline SPS NAL unit (ITU-T H.264 7.3.2.1.1). */
  private static List<Integer> spsPictureSize(byte[] nal) {
    ByteArrayOutputStream rbsp = new ByteArrayOutputStream();
    int zeros = 0;
    for (int i = 1; i < nal.length; i++) {
      int v = nal[i] & 0xff;
      if (zeros >= 2 && v == 3) {
        zeros = 0;
        continue;
      }
      rbsp.write(v);
      zeros = v == 0 ? zeros + 1 : 0;
    }
    ExpGolomb r = new ExpGolomb(rbsp.toByteArray());
    assertThat(r.u(8)).as("profile_idc: Baseline").isEqualTo(66);
    r.u(16); // constraint flags, level_idc
    r.ue(); // seq_parameter_set_id
    r.ue(); // log2_max_frame_num_minus4
    int pocType = r.ue();
    if (pocType == 0) {
      r.ue();
    }
    assertThat(pocType).isIn(0, 2);
    r.ue(); // max_num_ref_frames
    r.u(1); // gaps_in_frame_num_value_allowed_flag
    int width = 16 * (r.ue() + 1);
    int height = 16 * (r.ue() + 1);
    assertThat(r.u(1)).as("frame_mbs_only_flag").isEqualTo(1);
    r.u(1); // direct_8x8_inference_flag
    assertThat(r.u(1)).as("frame_cropping_flag").isZero();
    return List.of(width, height);
  }

  /** Reads bits most significant first, and Exp-Golomb codes. */
  private static final class ExpGolomb {
    private final byte[] bytes;
    private int bit;

    ExpGolomb(byte[] bytes) {
      this.bytes = bytes;
    }

    int u(int n) {
      int v = 0;
      for (int i = 0; i < n; i++, bit++) {
        v = (v << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
      }
      return v;
    }

    int ue() {
      int zeros = 0;
      while (u(1) == 0) {
        zeros++;
      }
      return (1 << zeros) - 1 + u(zeros);
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
