package dev.tgmd.demo;

import dev.tgmd.generate.TdesktopStrings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntBinaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes {@code examples/demo-export/}: a small, invented whole-account Telegram Desktop export
 * that exercises everything tgmd reads. The committed folder is this program's output; {@link
 * DemoExportTest} checks that the two agree byte for byte, so edit the demo here and rerun:
 *
 * <pre>
 *   mvn -q test-compile
 *   java -cp target/classes:target/test-classes dev.tgmd.demo.DemoExportBuilder examples/demo-export
 * </pre>
 *
 * <p>Dates are the wall time of an exporting machine in UTC+03:00 (as tdesktop writes them), and
 * {@code date_unixtime} agrees with them. Images are computed pixel by pixel (no Java2D rendering)
 * so that every JDK encodes the same bytes; the two videos come from {@link DemoVideo}.
 */
public final class DemoExportBuilder {

  /** The exporting machine's zone: {@code date} strings are wall time here. */
  static final ZoneOffset ZONE = ZoneOffset.ofHours(3);

  static final String NOT_INCLUDED =
      "(File not included. Change data exporting settings to download.)";
  static final String TOO_BIG =
      "(File exceeds maximum size. Change data exporting settings to download.)";
  static final String PHOTO_NOT_INCLUDED =
      "(Photo not included. Change data exporting settings to download.)";
  static final String UNAVAILABLE = "(File unavailable, please try again later)";

  /** The one media reference whose file is deliberately absent. */
  static final String MISSING_FILE = "chats/chat_005/photos/photo_1@08-03-2024_17-30-00.jpg";

  /** Two files with identical content (the same photo sent twice). */
  static final List<String> IDENTICAL_PAIR =
      List.of(
          "chats/chat_003/photos/photo_2@13-04-2024_13-41-07.jpg",
          "chats/chat_003/photos/photo_3@13-04-2024_14-02-55.jpg");

  /** 2^64-range ids written as bare numbers (above 2^53). */
  static final long GIFT_ID = 5170145012310081615L;

  static final long ICON_EMOJI_ID = 5368324170671202286L;

  private record Person(String name, long id) {}

  private static final Person ALEX = new Person("Alex Quill", 100000001L);
  private static final Person ROBIN = new Person("Robin Fernwood", 100000002L);
  private static final Person MILA = new Person("Мила Соколова", 100000003L);
  private static final Person LAYLA = new Person("ليلى حداد", 100000004L);
  private static final Person JONAS = new Person("Jonas Berg", 100000005L);
  private static final Person PRIYA = new Person("Priya Nandakumar", 100000006L);
  private static final long DELETED_USER_ID = 100000007L;
  private static final Person KAI = new Person("Kai Lindqvist", 100000009L);
  private static final Person DANA = new Person("Dana Whitlock", 100000010L);

  private static final long GROUP_ID = 1900000101L;
  private static final long FORUM_ID = 1900000202L;
  private static final long CHANNEL_ID = 1900000303L;

  /** An old-generation id: 2^33 + the bare channel id, as exports before 2021 wrote them. */
  private static final long OLD_CHAT_ID = (1L << 33) + 1900000404L;

  private final Map<String, byte[]> files = new TreeMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DemoExportBuilder OUT_DIR");
      System.exit(2);
    }
    build(Path.of(args[0]));
  }

  /** Writes the demo export into {@code root} (created when missing), replacing what is there. */
  static void build(Path root) throws IOException {
    DemoExportBuilder b = new DemoExportBuilder();
    Map<String, Object> export = b.export();
    Files.createDirectories(root);
    Files.write(root.resolve("result.json"), Json.write(export).getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> f : b.files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
  }

  /** The relative paths and contents of every media file the demo ships. */
  static Map<String, byte[]> mediaFiles() {
    DemoExportBuilder b = new DemoExportBuilder();
    b.export();
    return b.files;
  }

  /** The result.json text exactly as {@link #build} writes it. */
  static String resultJson() {
    return Json.write(new DemoExportBuilder().export());
  }

  // ---------------------------------------------------------------------------------------------
  // The account

  private Map<String, Object> export() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "about",
        "Demo data for tgmd, shaped like a Telegram Desktop account export. Every person, place,"
            + " number and file in it is invented.");
    root.put(
        "personal_information",
        obj(
            "user_id", ALEX.id(),
            "first_name", "Alex",
            "last_name", "Quill",
            "phone_number", "+1 555 0100",
            "username", "@alex_quill",
            "bio", "Maps, trails and too much tea."));
    root.put(
        "contacts",
        obj(
            "about",
            "The contacts of this invented account (tgmd ignores this section).",
            "list",
            List.of(
                contact(ROBIN, "Robin", "Fernwood", "+1 555 0102", "2024-02-28T19:00:00"),
                contact(MILA, "Мила", "Соколова", "+1 555 0103", "2024-02-28T19:01:00"),
                contact(LAYLA, "ليلى", "حداد", "+1 555 0104", "2024-02-28T19:02:00"),
                contact(JONAS, "Jonas", "Berg", "+1 555 0105", "2024-02-28T19:03:00"))));
    root.put(
        "chats",
        obj(
            "about",
            "The chats of this account, one object per chat.",
            "list",
            List.of(
                savedMessages(), personalChat(), lanternHikers(), trailheadCommons(), channel())));
    root.put(
        "left_chats",
        obj("about", "Groups and channels this account has left.", "list", List.of(kayakSwap())));
    return root;
  }

  private static Map<String, Object> contact(
      Person p, String first, String last, String phone, String date) {
    return obj(
        "user_id", p.id(),
        "first_name", first,
        "last_name", last,
        "phone_number", phone,
        "date", date,
        "date_unixtime", unix(date));
  }

  // chat_001 ---------------------------------------------------------------------------------
  private Map<String, Object> savedMessages() {
    Chat c = new Chat(null, "saved_messages", ALEX.id(), false);
    c.msg(601, "2024-03-15T08:30:00")
        .from(ALEX)
        .fwd("Lantern Trail Notes")
        .saved("Lantern Trail Notes")
        .text("Trail 4 is closed until Friday because of a mudslide.");
    byte[] vcard =
        ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hollowvale Ranger Station\r\n"
                + "N:Ranger Station;Hollowvale;;;\r\nTEL;TYPE=WORK:+15550199\r\nEND:VCARD\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String vcardPath = file("chats/chat_001/contacts/contact_1.vcard", vcard);
    c.msg(602, "2024-03-16T10:00:00")
        .from(ALEX)
        .put(
            "contact_information",
            obj(
                "first_name", "Hollowvale",
                "last_name", "Ranger Station",
                "phone_number", "+1 555 0199"))
        .put("contact_vcard", vcardPath)
        .put("contact_vcard_file_size", vcard.length)
        .text();
    c.msg(603, "2024-03-30T21:00:00")
        .from(ALEX)
        .put("file", NOT_INCLUDED)
        .put("file_name", "permit-scan.pdf")
        .put("file_size", 482133)
        .put("mime_type", "application/pdf")
        .text("Permit scan (keep!)");
    byte[] booking = pdf("Hut booking: Misty Ridge, 13-14 April, 5 beds.");
    c.msg(604, "2024-04-02T09:00:00")
        .from(ALEX)
        .put("file", file("chats/chat_001/files/hut-booking.pdf", booking))
        .put("file_name", "hut-booking.pdf")
        .put("file_size", booking.length)
        .put("mime_type", "application/pdf")
        .text("Hut booking confirmation");
    c.msg(605, "2024-04-14T08:00:00")
        .from(ALEX)
        .fwd(MILA.name())
        .saved("Lantern Hikers")
        .photo(
            "chats/chat_001/photos/photo_1@14-04-2024_08-00-00.jpg",
            jpeg(160, 120, Scene.HUT),
            160,
            120)
        .put("media_spoiler", true)
        .text("Group photo from the hut 📸");
    c.msg(606, "2024-05-01T12:00:00")
        .from(ALEX)
        .text("To do before June:\n- new insoles\n- refill gas\n- 2 × maps");
    c.msg(607, "2024-06-01T07:00:00").from(ALEX).text("Reminder: sunscreen ☀️ and a hat.");
    return c.build();
  }

  // chat_002 ---------------------------------------------------------------------------------
  private Map<String, Object> personalChat() {
    Chat c = new Chat(ROBIN.name(), "personal_chat", ROBIN.id(), false);
    c.svc(8101, "2024-03-01T08:00:00", ROBIN, "joined_telegram");
    c.msg(8102, "2024-03-01T08:05:12").from(ALEX).text("Welcome to Telegram, Robin! 👋");
    c.msg(8103, "2024-03-01T08:07:40")
        .from(ROBIN)
        .text("Thanks! Still figuring out where the buttons are.");
    c.svc(8104, "2024-03-01T20:30:00", ALEX, "phone_call")
        .put("duration_seconds", 312)
        .put("discard_reason", "hangup");
    c.svc(8105, "2024-03-04T12:10:00", ROBIN, "phone_call").put("discard_reason", "missed");
    byte[] voice = ogg(7);
    c.msg(8106, "2024-03-14T19:20:05")
        .from(ROBIN)
        .put("file", file("chats/chat_002/voice_messages/audio_1@14-03-2024_19-20-05.ogg", voice))
        .put("file_size", voice.length)
        .put("media_type", "voice_message")
        .put("mime_type", "audio/ogg")
        .put("duration_seconds", 7)
        .text();
    byte[] sticker = webp(96, 96);
    String stickerPath = file("chats/chat_002/stickers/sticker.webp", sticker);
    c.msg(8107, "2024-03-14T19:21:00").from(ALEX).sticker(stickerPath, sticker.length, "🥾");
    c.msg(8108, "2024-03-20T07:40:00")
        .from(ROBIN)
        .edited("2024-03-20T07:52:18")
        .text("Train leaves at 07:40 from platform 3.");
    c.msg(8109, "2024-03-20T08:15:00")
        .from(ALEX)
        .put(
            "location_information", obj("latitude", num("46.558412"), "longitude", num("7.892215")))
        .put("live_location_period_seconds", 900)
        .text();
    byte[] round = DemoVideo.mp4(64, 64, 5, 9);
    byte[] roundThumb = jpeg(90, 90, Scene.ROUND);
    String roundPath = "chats/chat_002/round_video_messages/file_1@02-04-2024_12-00-40.mp4";
    c.msg(8110, "2024-04-02T12:00:40")
        .from(ROBIN)
        .put("file", file(roundPath, round))
        .put("file_size", round.length)
        .put("thumbnail", file(roundPath + "_thumb.jpg", roundThumb))
        .put("thumbnail_file_size", roundThumb.length)
        .put("media_type", "video_message")
        .put("mime_type", "video/mp4")
        .put("duration_seconds", 9)
        .put("width", 64)
        .put("height", 64)
        .text();
    c.svc(8111, "2024-04-02T12:05:00", ALEX, "set_messages_ttl").put("period", 604800);
    c.msg(8112, "2024-04-09T22:00:00")
        .from(ALEX)
        .text("Ring the bell\u0007 twice when you reach the gate 🔔");
    c.msg(8113, "2024-04-10T09:30:00")
        .from(ROBIN)
        .put("photo", PHOTO_NOT_INCLUDED)
        .put("width", 1280)
        .put("height", 960)
        .text("Here's the gate, so you know what to look for.");
    c.msg(8114, "2024-04-12T18:00:00").from(ALEX).sticker(stickerPath, sticker.length, "🥾");
    c.msg(8115, "2024-05-06T10:00:00")
        .from(ROBIN)
        .reply(8108)
        .text("Update: the 07:40 train doesn't run in May, take the 08:10.")
        .reactions(
            List.of(
                obj(
                    "type",
                    "emoji",
                    "count",
                    1,
                    "emoji",
                    "👍",
                    "recent",
                    List.of(
                        obj(
                            "from",
                            ALEX.name(),
                            "from_id",
                            "user" + ALEX.id(),
                            "date",
                            "2024-05-06T10:02:11")))));
    c.svc(8116, "2024-05-18T16:45:00", ROBIN, "send_star_gift")
        .put("gift_id", GIFT_ID)
        .put("stars", 50)
        .put("is_limited", false)
        .put("is_anonymous", false)
        .put("gift_text", "Happy trail birthday! 🎂");
    c.msg(8117, "2024-05-18T16:50:00").from(ALEX).text("Thank you!! 🎉");
    return c.build();
  }

  // chat_003 ---------------------------------------------------------------------------------
  private Map<String, Object> lanternHikers() {
    Chat c = new Chat("Lantern Hikers", "private_supergroup", GROUP_ID, false);
    // The basic group's history, shifted by -1000000000 when it became a supergroup.
    c.svc(-999994699, "2024-03-02T10:15:00", ALEX, "create_group")
        .put("title", "Lantern Hikers (planning)")
        .put("members", List.of(ROBIN.name(), MILA.name()));
    c.svc(-999994698, "2024-03-02T10:16:30", ALEX, "invite_members")
        .put("members", List.of(LAYLA.name(), JONAS.name()));
    c.msg(-999994696, "2024-03-02T10:20:05")
        .from(ALEX)
        .text(
            "Welcome, everyone! This is where we plan the ",
            e("bold", "spring trip"),
            " to the Misty Ridge hut 🏔️");
    c.msg(-999994695, "2024-03-02T10:24:41")
        .from(MILA)
        .text("Привет всем! Я возьму палатку и горелку.");
    c.msg(-999994694, "2024-03-02T11:02:13")
        .from(LAYLA)
        .text("مرحبا بالجميع! I can bring the first-aid kit 🩹");
    c.msg(-999994692, "2024-03-03T09:12:00")
        .from(JONAS)
        .reply(-999994696)
        .text("Count me in. Which weekend?");
    c.msg(-999994691, "2024-03-03T09:30:00")
        .from(ROBIN)
        .put(
            "poll",
            obj(
                "question",
                "Which weekend works for Misty Ridge?",
                "closed",
                false,
                "total_voters",
                4,
                "answers",
                List.of(
                    obj("text", "April 13–14", "voters", 3, "chosen", true),
                    obj("text", "April 20–21", "voters", 1, "chosen", false),
                    obj("text", "April 27–28", "voters", 0, "chosen", false))))
        .text();
    c.svc(-999994689, "2024-03-05T18:02:11", ROBIN, "edit_group_photo")
        .photo(
            "chats/chat_003/photos/photo_1@05-03-2024_18-02-11.jpg",
            jpeg(96, 96, Scene.LANTERN),
            96,
            96);
    c.svc(-999994688, "2024-03-05T18:03:40", ROBIN, "edit_group_title")
        .put("title", "Lantern Hikers");
    c.msg(-999994687, "2024-03-09T20:00:00")
        .from(ALEX)
        .text("Upgrading the group so we get pinned messages and a longer history.");
    c.svc(-999994686, "2024-03-09T20:00:10", ALEX, "migrate_to_supergroup");
    // The supergroup's own history.
    c.svcFromChat(1, "2024-03-09T20:00:10", "Lantern Hikers", GROUP_ID, "migrate_from_group")
        .put("title", "Lantern Hikers");
    c.msg(2, "2024-03-09T20:01:02")
        .from(ALEX)
        .text("Welcome to the new home 🏡 The older messages are kept above.");
    c.msg(3, "2024-03-10T08:45:19")
        .from(MILA)
        .reply(-999994692)
        .text("Даты: 13–14 апреля, как в опросе ✅");
    c.svc(4, "2024-03-11T19:07:55", PRIYA, "join_group_by_link").put("inviter", ALEX.name());
    c.msg(5, "2024-03-11T19:30:00")
        .from(ALEX)
        .text(
            "Packing list v2: ",
            e("bold", "boots"),
            ", ",
            e("italic", "rain jacket"),
            ", ",
            e("underline", "headlamp"),
            ", ",
            e("strikethrough", "hammock"),
            " and a ",
            e("spoiler", "surprise snack"),
            ". Details in the ",
            e("text_link", "gear sheet", "href", "https://example.org/lantern/gear?v=2&lang=en"),
            ".")
        .reactions(List.of(obj("type", "emoji", "count", 4, "emoji", "👍")));
    c.svc(6, "2024-03-11T19:31:12", ALEX, "pin_message").put("message_id", 5);
    c.msg(7, "2024-03-12T07:58:30")
        .from(JONAS)
        .text(
            "Markdown test, all of this is plain text: *stars* and _under_ and **double**\n"
                + "# not a heading\n"
                + "> not a quote\n"
                + "1. not a list\n"
                + "- not a bullet either\n"
                + "[a](b) `backticks` <b>html</b> &amp; \\ back\\slash |pipes| ~~tilde~~\n"
                + "---\n"
                + "  two leading spaces, two trailing spaces  \n"
                + "end");
    c.msg(8, "2024-03-12T08:10:00")
        .from(PRIYA)
        .text(
            "Route file: convert it with ",
            e("code", "gpsbabel -i gpx -o kml"),
            " or paste this:\n",
            e("pre", "<trk>\n  <name>Misty Ridge</name>\n</trk>", "language", "xml"),
            "\nWaypoints (no language):\n",
            e("pre", "N 46°34′ E 7°57′\n```\nnot the end of the block\n```", "language", ""));
    // Message 9 was deleted before the export: it is not in the file.
    c.msg(10, "2024-03-14T21:15:44")
        .from(ROBIN)
        .text(
            "Questions? Ask ",
            e("mention", "@jonas_berg"),
            " or ",
            e("mention_name", "Мила", "user_id", MILA.id()),
            ". Forecast: ",
            e("bot_command", "/weather@lanternbot"),
            ", booking page: ",
            e("link", "https://example.org/lantern/hut"),
            ". ",
            e("hashtag", "#mistyridge"),
            " ",
            e("cashtag", "$HIKE"),
            " fund is open; write to ",
            e("email", "trips@lantern.example"),
            " or call ",
            e("phone", "+1 555 0142"),
            ".");
    c.msg(11, "2024-03-15T12:00:00").from(LAYLA).reply(9).text("Yes, let's do exactly that!");
    c.msg(12, "2024-03-20T17:42:03")
        .from(JONAS)
        .via("@trailquiz_bot")
        .put("game_title", "Trail Quiz")
        .put("game_description", "How well do you know your knots?")
        .put("game_link", "https://t.me/trailquiz_bot?game=knots")
        .text();
    byte[] route = pdf("Misty Ridge route: trailhead, bridge, hut. 11 km, 900 m up.");
    c.msg(13, "2024-03-28T09:00:00")
        .from(PRIYA)
        .put("file", file("chats/chat_003/files/Misty Ridge route.pdf", route))
        .put("file_name", "Misty Ridge route.pdf")
        .put("file_size", route.length)
        .put("mime_type", "application/pdf")
        .text("Route with the hut marked 📎");
    c.msg(14, "2024-04-02T18:20:00")
        .from(ALEX)
        .text(
            "Hut rules, quoted from their site:\n",
            e("blockquote", "Quiet hours start at 22:00.\nBoots stay in the hallway."),
            "\nThe full terms:\n",
            e(
                "blockquote",
                "1. Pay on arrival.\n2. Cash or card.\n3. Leave no trace.",
                "collapsed",
                true),
            "\nDeposit card: ",
            e("bank_card", "4242 4242 4242 4242"));
    c.msg(15, "2024-04-05T07:30:00")
        .from(LAYLA)
        .put("place_name", "Misty Ridge Hut")
        .put("address", "Trailhead Road 7, Hollowvale")
        .put("location_information", obj("latitude", num("46.5583"), "longitude", num("7.9577")))
        .text();
    c.msg(16, "2024-04-05T20:10:00")
        .fromDeleted(DELETED_USER_ID)
        .text("Can't make it, sorry. Have fun!");
    c.svc(17, "2024-04-06T09:00:00", ALEX, "remove_members")
        .put("members", Arrays.asList((Object) null));
    c.svc(18, "2024-04-10T21:00:00", ROBIN, "group_call").put("duration", 1260);
    c.msg(19, "2024-04-11T08:00:00")
        .from(ALEX)
        .put(
            "todo_list",
            obj(
                "title",
                "Hut checklist",
                "others_can_append",
                true,
                "others_can_complete",
                true,
                "answers",
                List.of(
                    obj("text", "Book the hut", "id", 1),
                    obj("text", textValue(e("bold", "Buy gas"), " for the stove"), "id", 2),
                    obj("text", "Print maps", "id", 3))))
        .text();
    byte[] summit = jpeg(160, 120, Scene.SUMMIT);
    c.msg(20, "2024-04-13T13:41:07")
        .from(ROBIN)
        .photo(IDENTICAL_PAIR.get(0), summit, 160, 120)
        .text("Summit! 🏔️ We made it.")
        .reactions(
            List.of(
                obj("type", "emoji", "count", 5, "emoji", "❤️"),
                obj("type", "emoji", "count", 2, "emoji", "🔥")));
    c.msg(21, "2024-04-13T14:02:55")
        .from(MILA)
        .reply(20)
        .photo(IDENTICAL_PAIR.get(1), summit.clone(), 160, 120)
        .text("Отправляю ещё раз — в мой альбом 😄");
    byte[] dance = DemoVideo.mp4(96, 64, 10, 3);
    c.msg(22, "2024-04-14T18:00:00")
        .from(JONAS)
        .put("file", file("chats/chat_003/animations/happy-dance.mp4", dance))
        .put("file_name", "happy-dance.mp4")
        .put("file_size", dance.length)
        .put("media_type", "animation")
        .put("mime_type", "video/mp4")
        .put("duration_seconds", 3)
        .put("width", 96)
        .put("height", 64)
        .text();
    c.info(23, "2024-04-15T10:00:00", ALEX, "History older than a year is hidden from new members");
    c.msg(24, "2024-05-03T19:22:00")
        .from(PRIYA)
        .edited("2024-05-03T19:25:41")
        .text("Photos from the trip are in the shared album now.");
    c.msg(25, "2024-05-20T12:00:00")
        .from(LAYLA)
        .text(
            "Formatting from a newer app: ",
            e("unknown", "mystery run"),
            " and ",
            e("shimmer", "✨ shiny text ✨", "intensity", 3));
    c.msg(26, "2024-06-02T09:14:00")
        .from(ALEX)
        .reply(5)
        .text("Same packing list for the June trip, plus sunscreen ☀️");
    c.msg(27, "2024-06-02T09:20:00")
        .from(ROBIN)
        .text("سنلتقي عند الجسر في السابعة صباحًا (we meet at the bridge at 7)");
    c.msg(28, "2024-06-20T21:00:00")
        .from(JONAS)
        .text("See you all on the trail! 👋🥾")
        .reactions(
            List.of(
                obj("type", "emoji", "count", 3, "emoji", "🎉"),
                obj("type", "custom_emoji", "count", 1, "document_id", "5368324170671202287")));
    return c.build();
  }

  // chat_004 ---------------------------------------------------------------------------------
  private Map<String, Object> trailheadCommons() {
    Chat c = new Chat("Trailhead Commons", "public_supergroup", FORUM_ID, false);
    c.svc(1, "2024-04-01T10:00:00", ALEX, "create_channel").put("title", "Trailhead Commons");
    c.msg(2, "2024-04-01T10:01:00")
        .from(ALEX)
        .text("Welcome to Trailhead Commons! Pick a topic, or chat here in General.");
    c.svc(3, "2024-04-01T10:02:00", ALEX, "topic_created").put("title", "Gear swap");
    c.svc(4, "2024-04-01T10:02:30", ALEX, "topic_created").put("title", "Route ideas");
    c.msg(5, "2024-04-02T16:20:00")
        .from(JONAS)
        .reply(3)
        .text("Selling a 2-person tent, used twice. 40 € or swap for a stove.");
    c.msg(6, "2024-04-03T09:05:00")
        .from(PRIYA)
        .reply(4)
        .text("Has anyone done the Hollowvale loop clockwise?");
    c.msg(7, "2024-04-03T11:47:00")
        .from(MILA)
        .reply(6)
        .text("Да, по часовой стрелке проще — the climb is gentler that way.");
    c.msg(8, "2024-04-04T08:00:00").from(LAYLA).text("Is this forum open to non-members? 🤔");
    c.msg(9, "2024-04-04T08:30:00").from(ALEX).reply(8).text("Yes, it's public. Welcome!");
    c.msg(10, "2024-04-05T19:00:00")
        .from(JONAS)
        .reply(5)
        .photo(
            "chats/chat_004/photos/photo_1@05-04-2024_19-00-00.jpg",
            jpeg(160, 120, Scene.TENT),
            160,
            120)
        .text("Photo of the tent:");
    c.msg(11, "2024-04-06T09:00:00").from(PRIYA).reply(7).text("Thanks! Clockwise it is.");
    c.msg(12, "2024-04-20T15:00:00")
        .from(ROBIN)
        .reply(4)
        .text(
            "Loop done in 5 h ",
            e("custom_emoji", "🏔", "document_id", "5368324170671202286"),
            " notes are ",
            e("text_link", "here (with photos)", "href", "https://example.org/loop notes/(v1)"),
            ".");
    c.svc(13, "2024-04-21T10:00:00", ALEX, "topic_edit")
        .put("reply_to_message_id", 4)
        .put("new_title", "Routes & maps")
        .put("new_icon_emoji_id", ICON_EMOJI_ID);
    c.svc(14, "2024-05-01T12:00:00", ALEX, "topic_poster_set").put("poster_emoji", "🗺️");
    c.svc(15, "2024-05-02T09:00:00", LAYLA, "topic_created").put("title", "Meetups");
    c.msg(16, "2024-05-02T09:05:00")
        .from(LAYLA)
        .reply(15)
        .put(
            "poll",
            obj(
                "question",
                textValue("Picnic at the lake on ", e("bold", "Saturday"), "?"),
                "closed",
                true,
                "total_voters",
                5,
                "answers",
                List.of(
                    obj("text", "Yes ☀️", "voters", 3, "chosen", true),
                    obj(
                        "text",
                        textValue(e("italic", "Maybe"), " if it doesn't rain"),
                        "voters",
                        2,
                        "chosen",
                        false),
                    obj("text", "No", "voters", 0, "chosen", false))))
        .text();
    c.msg(17, "2024-05-02T09:40:00").from(JONAS).reply(16).text("Voted. I'll bring the frisbee 🥏");
    c.msg(18, "2024-05-10T14:00:00")
        .from(ROBIN)
        .replyInto(7, "channel" + CHANNEL_ID)
        .text("Saw the sign-up post in the channel, count me in!");
    c.msg(19, "2024-06-01T08:00:00")
        .from(MILA)
        .reply(12)
        .text("Добавила трек на карту, ссылка в закрепе.");
    c.msg(20, "2024-06-15T18:00:00")
        .from(ALEX)
        .reply(3)
        .text("The tent found a new home. Closing this one 🙂");
    return c.build();
  }

  // chat_005 ---------------------------------------------------------------------------------
  private Map<String, Object> channel() {
    String name = "Lantern Trail Notes";
    Chat c = new Chat(name, "public_channel", CHANNEL_ID, false);
    c.svcFromChat(1, "2024-03-01T09:00:00", name, CHANNEL_ID, "create_channel").put("title", name);
    c.post(2, "2024-03-01T09:05:00", "Teo Marsh")
        .text(
            "Welcome to ",
            e("bold", "Lantern Trail Notes"),
            "! Trip reports, trail news and gear tips. ",
            e("hashtag", "#welcome"))
        .reactions(
            List.of(
                obj("type", "emoji", "count", 12, "emoji", "❤️"),
                obj("type", "custom_emoji", "count", 3, "document_id", "5368324170671202287"),
                obj("type", "paid", "count", 5)));
    c.post(3, "2024-03-08T17:30:00", "Ana Ruiz")
        .put("photo", MISSING_FILE)
        .put("photo_file_size", 48213)
        .put("width", 1280)
        .put("height", 853)
        .text("Sunset over Hollowvale 🌄");
    c.post(4, "2024-03-15T08:00:00", null)
        .fwd("Hollowvale Ranger Station")
        .text("Trail 4 is closed until Friday because of a mudslide.");
    c.post(5, "2024-03-22T12:00:00", null)
        .fwd(null)
        .text("Tip from a reader: wet boots dry faster stuffed with newspaper.");
    c.post(6, "2024-04-01T10:00:00", "Teo Marsh")
        .put("file", TOO_BIG)
        .put("file_name", "ridge-timelapse.mp4")
        .put("file_size", 1843200000L)
        .put("media_type", "video_file")
        .put("mime_type", "video/mp4")
        .put("duration_seconds", 312)
        .put("width", 3840)
        .put("height", 2160)
        .text("4K timelapse of the ridge (a big file).");
    c.post(7, "2024-04-05T09:00:00", "Teo Marsh")
        .text("Spring hike sign-up is open! 🥾")
        .buttons(
            List.of(
                List.of(
                    obj(
                        "type", "url",
                        "text", "Sign up",
                        "data", "https://example.org/lantern/signup")),
                List.of(
                    obj(
                        "type", "callback",
                        "text", "👍 Going",
                        "dataBase64", "Z29pbmc",
                        "data", ""))));
    c.post(8, "2024-04-12T12:00:00", null)
        .put(
            "invoice_information",
            obj(
                "title", "Lantern Hikers T-shirt",
                "description", "Organic cotton with a glow-in-the-dark lantern",
                "amount", 1500,
                "currency", "EUR"))
        .text();
    byte[] song = mp3(4);
    c.post(9, "2024-04-20T20:00:00", "Ana Ruiz")
        .put("file", file("chats/chat_005/files/Campfire Song.mp3", song))
        .put("file_name", "Campfire Song.mp3")
        .put("file_size", song.length)
        .put("media_type", "audio_file")
        .put("performer", "The Lantern Hikers")
        .put("title", "Campfire Song")
        .put("mime_type", "audio/mpeg")
        .put("duration_seconds", 4)
        .text("Our ", e("italic", "campfire anthem"), " 🎶");
    c.unsupported(10);
    c.post(11, "2024-05-05T09:00:00", "Ana Ruiz")
        .edited("2024-05-05T11:12:00")
        .text("May schedule: two day hikes and one overnight.")
        .reactions(List.of(obj("type", "emoji", "count", 8, "emoji", "👍")));
    c.post(12, "2024-05-25T18:00:00", "Teo Marsh")
        .put("paid_stars_amount", 25)
        .text("Behind-the-scenes photos ⭐");
    c.post(13, "2024-06-10T19:00:00", "Teo Marsh")
        .text(
            "Season recap\n\n"
                + "Three trips, eleven hikers, one lost glove.\n"
                + "Misty Ridge in April was the favourite; the lake picnic in May was the wettest.\n\n"
                + "Next season we try the Hollowvale loop anticlockwise.\n"
                + "Thanks for reading, and see you in the autumn!");
    c.svcFromChat(14, "2024-06-11T08:00:00", name, CHANNEL_ID, "edit_group_title")
        .put("title", "Lantern Trail Notes 🏮");
    return c.build();
  }

  // chat_006 (left) ------------------------------------------------------------------------
  /** An old format generation: no date_unixtime, no text_entities, integer from_id. */
  private Map<String, Object> kayakSwap() {
    Chat c = new Chat("Riverside Kayak Swap", "public_supergroup", OLD_CHAT_ID, true);
    c.svc(1, "2019-08-01T12:00:00", KAI, "create_channel").put("title", "Riverside Kayak Swap");
    c.msg(2, "2019-08-01T12:05:00")
        .from(KAI)
        .text("Welcome! Post kayaks, paddles and dry bags here.");
    c.msg(3, "2019-08-03T09:20:00")
        .from(DANA)
        .text(
            "Selling a ",
            e("bold", "touring kayak"),
            ", 4.2 m, with a ",
            e("italic", "spray deck"),
            ". Photos: ",
            e("link", "https://example.org/kayak/42"));
    c.msg(4, "2019-08-03T10:00:00")
        .from(ALEX)
        .reply(3)
        .text("Is it still available? I could pick it up on Saturday.");
    c.msg(5, "2019-08-03T10:30:00")
        .from(DANA)
        .put("photo", UNAVAILABLE)
        .put("width", 1024)
        .put("height", 768)
        .text("Here it is from the side.");
    c.msg(6, "2019-08-04T18:00:00")
        .from(DANA)
        .edited("2019-08-04T18:05:10")
        .text("Sold, thanks everyone! 🛶");
    c.msg(7, "2019-08-05T08:00:00")
        .from(KAI)
        .text(
            e("mention", "@kai_paddles"), " is the best way to reach me. ", e("hashtag", "#swap"));
    c.msg(8, "2019-08-20T19:00:00")
        .from(ALEX)
        .text("Found a kayak elsewhere. Leaving the group now 👋");
    return c.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Chats and messages in tdesktop's field order

  private final class Chat {
    final String name;
    final String type;
    final long id;
    final boolean old;
    final List<Msg> messages = new ArrayList<>();

    Chat(String name, String type, long id, boolean old) {
      this.name = name;
      this.type = type;
      this.id = id;
      this.old = old;
    }

    Msg msg(long id, String date) {
      Msg m = new Msg(this, id, "message", date);
      messages.add(m);
      return m;
    }

    Msg post(long id, String date, String author) {
      Msg m = msg(id, date).fromChat(name, this.id);
      if (author != null) {
        m.who.put("author", author);
      }
      return m;
    }

    Msg svc(long id, String date, Person actor, String action) {
      Msg m = new Msg(this, id, "service", date);
      m.who.put("actor", actor.name());
      m.who.put("actor_id", old ? (Object) actor.id() : "user" + actor.id());
      m.body.put("action", action);
      m.service = true;
      messages.add(m);
      return m;
    }

    Msg svcFromChat(long id, String date, String actor, long chatId, String action) {
      Msg m = new Msg(this, id, "service", date);
      m.who.put("actor", actor);
      m.who.put("actor_id", "channel" + chatId);
      m.body.put("action", action);
      m.service = true;
      messages.add(m);
      return m;
    }

    void info(long id, String date, Person actor, String text) {
      Msg m = new Msg(this, id, "service", date);
      m.who.put("actor", actor.name());
      m.who.put("actor_id", "user" + actor.id());
      m.body.put("information_text", text);
      m.service = true;
      messages.add(m);
    }

    void unsupported(long id) {
      Msg m = new Msg(this, id, "unsupported", null);
      m.unsupported = true;
      messages.add(m);
    }

    Map<String, Object> build() {
      Map<String, Object> chat = new LinkedHashMap<>();
      if (!type.equals("saved_messages")) {
        chat.put("name", name);
      }
      chat.put("type", type);
      chat.put("id", id);
      List<Object> list = new ArrayList<>();
      for (Msg m : messages) {
        list.add(m.build());
      }
      chat.put("messages", list);
      return chat;
    }
  }

  private final class Msg {
    final Chat chat;
    final Map<String, Object> head = new LinkedHashMap<>();
    final Map<String, Object> who = new LinkedHashMap<>();
    final Map<String, Object> body = new LinkedHashMap<>();
    final Map<String, Object> tail = new LinkedHashMap<>();
    Object[] text = new Object[0];
    boolean service;
    boolean unsupported;

    Msg(Chat chat, long id, String type, String date) {
      this.chat = chat;
      head.put("id", id);
      head.put("type", type);
      if (date != null) {
        head.put("date", date);
        if (!chat.old) {
          head.put("date_unixtime", unix(date));
        }
      }
    }

    Msg edited(String date) {
      head.put("edited", date);
      if (!chat.old) {
        head.put("edited_unixtime", unix(date));
      }
      return this;
    }

    Msg from(Person p) {
      who.put("from", p.name());
      who.put("from_id", chat.old ? (Object) p.id() : "user" + p.id());
      return this;
    }

    Msg fromChat(String name, long chatId) {
      who.put("from", name);
      who.put("from_id", "channel" + chatId);
      return this;
    }

    Msg fromDeleted(long userId) {
      who.put("from", null);
      who.put("from_id", "user" + userId);
      return this;
    }

    Msg fwd(String name) {
      who.put("forwarded_from", name);
      return this;
    }

    Msg saved(String name) {
      who.put("saved_from", name);
      return this;
    }

    Msg reply(long id) {
      who.put("reply_to_message_id", id);
      return this;
    }

    Msg replyInto(long id, String peer) {
      who.put("reply_to_message_id", id);
      who.put("reply_to_peer_id", peer);
      return this;
    }

    Msg via(String bot) {
      who.put("via_bot", bot);
      return this;
    }

    Msg put(String key, Object value) {
      body.put(key, value);
      return this;
    }

    Msg photo(String path, byte[] content, int width, int height) {
      body.put("photo", file(path, content));
      body.put("photo_file_size", content.length);
      body.put("width", width);
      body.put("height", height);
      return this;
    }

    Msg sticker(String path, int size, String emoji) {
      body.put("file", path);
      body.put("file_name", "sticker.webp");
      body.put("file_size", size);
      body.put("media_type", "sticker");
      body.put("sticker_emoji", emoji);
      body.put("mime_type", "image/webp");
      body.put("width", 512);
      body.put("height", 512);
      return this;
    }

    Msg text(Object... parts) {
      this.text = parts;
      return this;
    }

    Msg buttons(List<List<Map<String, Object>>> rows) {
      tail.put("inline_bot_buttons", rows);
      return this;
    }

    Msg reactions(List<Map<String, Object>> list) {
      tail.put("reactions", list);
      return this;
    }

    Map<String, Object> build() {
      Map<String, Object> m = new LinkedHashMap<>(head);
      if (unsupported) {
        return m;
      }
      if (chat.old && !head.containsKey("edited")) {
        // The first exporter versions wrote "edited" on every message, the epoch when unedited.
        m.put("edited", "1970-01-01T03:00:00");
      }
      m.putAll(who);
      m.putAll(body);
      m.put("text", textValue(text));
      if (!chat.old) {
        m.put("text_entities", entities(text));
      }
      m.putAll(tail);
      return m;
    }
  }

  /** A formatted run of text: an entity type, its text and its extra fields. */
  private record Ent(String type, String text, Object[] extras) {}

  private static Ent e(String type, String text, Object... extras) {
    return new Ent(type, text, extras);
  }

  /** tdesktop's "text": a plain string when unformatted, else an array of strings and objects. */
  private static Object textValue(Object... parts) {
    if (parts.length == 0) {
      return "";
    }
    if (parts.length == 1 && parts[0] instanceof String) {
      return parts[0];
    }
    List<Object> list = new ArrayList<>();
    for (Object p : parts) {
      list.add(p instanceof Ent ? entity((Ent) p) : p);
    }
    return list;
  }

  /** tdesktop's "text_entities": every run as an object, plain runs included. */
  private static List<Object> entities(Object... parts) {
    List<Object> list = new ArrayList<>();
    for (Object p : parts) {
      list.add(p instanceof Ent ? entity((Ent) p) : obj("type", "plain", "text", p));
    }
    return list;
  }

  private static Map<String, Object> entity(Ent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type());
    m.put("text", e.text());
    for (int i = 0; i < e.extras().length; i += 2) {
      m.put((String) e.extras()[i], e.extras()[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String unix(String date) {
    return Long.toString(LocalDateTime.parse(date).toEpochSecond(ZONE));
  }

  /** A number written exactly as given (coordinates). */
  private record Num(String text) {}

  private static Num num(String text) {
    return new Num(text);
  }

  private String file(String path, byte[] content) {
    if (files.put(path, content) != null) {
      if (!Arrays.equals(files.get(path), content)) {
        throw new IllegalStateException("two contents for " + path);
      }
    }
    return path;
  }

  // ---------------------------------------------------------------------------------------------
  // tdesktop's JSON style: one space of indent per level, "key": value, control characters as the
  // (illegal) \xHH escape, U+2028/U+2029 escaped, everything else raw UTF-8.

  static final class Json {
    private Json() {}

    static String write(Object value) {
      StringBuilder sb = new StringBuilder(1 << 16);
      value(sb, value, 0);
      return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder sb, Object v, int depth) {
      if (v == null) {
        sb.append("null");
      } else if (v instanceof String) {
        string(sb, (String) v);
      } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
        sb.append(v);
      } else if (v instanceof Num) {
        sb.append(((Num) v).text());
      } else if (v instanceof Map) {
        Map<String, Object> m = (Map<String, Object>) v;
        if (m.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
          sb.append(first ? "\n" : ",\n");
          first = false;
          indent(sb, depth + 1);
          string(sb, e.getKey());
          sb.append(": ");
          value(sb, e.getValue(), depth + 1);
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append('}');
      } else if (v instanceof List) {
        List<Object> l = (List<Object>) v;
        if (l.isEmpty()) {
          sb.append("[]");
          return;
        }
        sb.append('[');
        boolean first = true;
        for (Object o : l) {
          sb.append(first ? "\n" : ",\n");
          first = false;
          indent(sb, depth + 1);
          value(sb, o, depth + 1);
        }
        sb.append('\n');
        indent(sb, depth);
        sb.append(']');
      } else {
        throw new IllegalArgumentException("cannot write " + v.getClass());
      }
    }

    private static void indent(StringBuilder sb, int depth) {
      for (int i = 0; i < depth; i++) {
        sb.append(' ');
      }
    }

    private static void string(StringBuilder sb, String s) {
      sb.append(TdesktopStrings.quote(s));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Media: small real JPEGs computed pixel by pixel, a minimal real PDF, and short placeholder
  // bytes with the right magic numbers for the audio and video formats.

  private enum Scene {
    SUMMIT,
    TENT,
    HUT,
    LANTERN,
    ROUND
  }

  private static byte[] jpeg(int w, int h, Scene scene) {
    IntBinaryOperator pixel;
    switch (scene) {
      case SUMMIT:
        pixel = (x, y) -> summit(x, y, w, h);
        break;
      case TENT:
        pixel = (x, y) -> tent(x, y, w, h);
        break;
      case HUT:
        pixel = (x, y) -> hut(x, y, w, h);
        break;
      case LANTERN:
        pixel = (x, y) -> lantern(x, y, w, h);
        break;
      default:
        pixel = (x, y) -> round(x, y, w, h);
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, pixel.applyAsInt(x, y));
      }
    }
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(img, null, null), param);
      }
      writer.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int rgb(int r, int g, int b) {
    return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static int sky(int y, int h) {
    return rgb(90 + 100 * y / h, 150 + 70 * y / h, 230);
  }

  private static int summit(int x, int y, int w, int h) {
    int peak = Math.abs(x - w / 2) * 3 / 2 + h / 5;
    int sunDx = x - w * 4 / 5;
    int sunDy = y - h / 5;
    if (sunDx * sunDx + sunDy * sunDy < 100) {
      return rgb(255, 220, 90);
    }
    if (y > peak) {
      return y < peak + 12 ? rgb(245, 245, 250) : rgb(70 + y / 3, 90 + x % 7, 80);
    }
    return sky(y, h);
  }

  private static int tent(int x, int y, int w, int h) {
    int ground = h * 3 / 4;
    if (y > ground) {
      return rgb(60, 140 + (x * 7 + y * 3) % 20, 60);
    }
    int half = (y - h / 4) * 3 / 4;
    if (y > h / 4 && Math.abs(x - w / 2) < half) {
      return Math.abs(x - w / 2) < half / 4 ? rgb(80, 40, 20) : rgb(230, 120, 40);
    }
    return sky(y, h);
  }

  private static int hut(int x, int y, int w, int h) {
    int ground = h * 4 / 5;
    if (y > ground) {
      return rgb(230, 235, 240);
    }
    boolean wall = x > w / 3 && x < w * 2 / 3 && y > h / 2;
    boolean roof = y > h / 4 && y <= h / 2 && Math.abs(x - w / 2) < (y - h / 4) * 4 / 3;
    if (wall) {
      boolean window = x > w / 2 - 6 && x < w / 2 + 6 && y > h * 3 / 5 && y < h * 7 / 10;
      return window ? rgb(255, 210, 100) : rgb(120, 80, 50);
    }
    if (roof) {
      return rgb(150, 40, 40);
    }
    return rgb(30, 40, 90 + y / 2);
  }

  private static int lantern(int x, int y, int w, int h) {
    int dx = x - w / 2;
    int dy = y - h / 2;
    int d2 = dx * dx + dy * dy;
    if (Math.abs(dx) < w / 6 && Math.abs(dy) < h / 4) {
      return rgb(255, 200 - d2 / 8, 60);
    }
    if (Math.abs(dx) < w / 5 && Math.abs(Math.abs(dy) - h / 4) < 4) {
      return rgb(40, 40, 40);
    }
    return rgb(20, 30, 60 + d2 / 40);
  }

  private static int round(int x, int y, int w, int h) {
    int dx = x - w / 2;
    int dy = y - h / 2;
    return dx * dx + dy * dy < (w / 2) * (w / 2) ? rgb(100 + x, 160, 200 - y) : rgb(255, 255, 255);
  }

  /** A minimal valid one-page PDF showing one line of text. */
  private static byte[] pdf(String line) {
    String content = "BT /F1 12 Tf 40 760 Td (" + line + ") Tj ET\n";
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder sb = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = sb.length();
      sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = sb.length();
    sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      sb.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    sb.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  // Audio: valid files of silence, written by hand (the JDK has no Opus or MP3 encoder).

  /**
   * A valid Ogg Opus file of {@code seconds} of silence: the OpusHead and OpusTags headers, then 20
   * ms packets of one byte (a CELT frame of no data, which decoders play as silence), in pages with
   * their CRC-32 and granule positions (RFC 7845).
   */
  private static byte[] ogg(int seconds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int serial = 0x74676d64;
    int preSkip = 312;
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes("OpusHead".getBytes(StandardCharsets.US_ASCII));
    head.write(1); // version
    head.write(1); // mono
    le(head, preSkip, 2);
    le(head, 48_000, 4);
    le(head, 0, 2); // output gain
    head.write(0); // mapping family
    oggPage(out, 0x02, 0, serial, 0, List.of(head.toByteArray()));
    ByteArrayOutputStream tags = new ByteArrayOutputStream();
    tags.writeBytes("OpusTags".getBytes(StandardCharsets.US_ASCII));
    byte[] vendor = "tgmd demo".getBytes(StandardCharsets.US_ASCII);
    le(tags, vendor.length, 4);
    tags.writeBytes(vendor);
    le(tags, 0, 4); // no comments
    oggPage(out, 0, 0, serial, 1, List.of(tags.toByteArray()));
    int packets = seconds * 50;
    int sequence = 2;
    for (int done = 0; done < packets; ) {
      int n = Math.min(255, packets - done);
      List<byte[]> page = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        page.add(new byte[] {(byte) 0xF8}); // config 31 (CELT, 20 ms), mono, one frame
      }
      done += n;
      long granule = preSkip + done * 960L;
      oggPage(out, done == packets ? 0x04 : 0, granule, serial, sequence++, page);
    }
    return out.toByteArray();
  }

  /** One Ogg page holding whole packets (each under 255 bytes). */
  private static void oggPage(
      ByteArrayOutputStream out,
      int type,
      long granule,
      int serial,
      int sequence,
      List<byte[]> packets) {
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    page.writeBytes("OggS".getBytes(StandardCharsets.US_ASCII));
    page.write(0);
    page.write(type);
    le(page, granule, 8);
    le(page, serial, 4);
    le(page, sequence, 4);
    le(page, 0, 4); // the checksum, filled in below
    page.write(packets.size());
    for (byte[] p : packets) {
      page.write(p.length);
    }
    for (byte[] p : packets) {
      page.writeBytes(p);
    }
    byte[] bytes = page.toByteArray();
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xff) << 24;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
      }
    }
    for (int i = 0; i < 4; i++) {
      bytes[22 + i] = (byte) (crc >>> (8 * i));
    }
    out.writeBytes(bytes);
  }

  private static void le(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  /**
   * A valid MP3 of {@code seconds} of silence: MPEG-1 Layer III frames, 32 kbit/s, 44.1 kHz, mono,
   * each its header and zeros (no main data: every sample is zero).
   */
  private static byte[] mp3(int seconds) {
    int frameBytes = 144 * 32_000 / 44_100;
    int frames = (int) Math.ceil(seconds * 44_100 / 1152.0);
    byte[] out = new byte[frames * frameBytes];
    for (int f = 0; f < frames; f++) {
      int at = f * frameBytes;
      out[at] = (byte) 0xFF;
      out[at + 1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC
      out[at + 2] = (byte) 0x10; // 32 kbit/s, 44.1 kHz, no padding
      out[at + 3] = (byte) 0xC0; // mono
    }
    return out;
  }

  /**
   * A valid lossless WebP sticker: a brown boot on a transparent ground, written as a VP8L
   * bitstream whose five prefix codes are "simple" ones of two symbols each (0 and the boot's
   * value), so that every pixel is four bits: all 0 (transparent) or all 1 (the boot).
   */
  private static byte[] webp(int w, int h) {
    Bits bits = new Bits();
    bits.put(0x2F, 8);
    bits.put(w - 1, 14);
    bits.put(h - 1, 14);
    bits.put(1, 1); // alpha is used
    bits.put(0, 3); // version
    bits.put(0, 1); // no transform
    bits.put(0, 1); // no color cache
    bits.put(0, 1); // one group of prefix codes
    int[] boot = {72, 120, 40, 255}; // green, red, blue, alpha: in the order they are coded
    for (int value : boot) {
      bits.put(1, 1); // simple code
      bits.put(1, 1); // two symbols
      bits.put(0, 1); // the first of 1 bit
      bits.put(0, 1); // 0
      bits.put(value, 8);
    }
    bits.put(1, 1); // distance: simple code
    bits.put(0, 1); // one symbol
    bits.put(0, 1);
    bits.put(0, 1);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        bits.put(isBoot(x * 96 / w, y * 96 / h) ? 0xF : 0, 4);
      }
    }
    byte[] data = bits.bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int padded = data.length + (data.length & 1);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    le(out, 4 + 8 + padded, 4);
    out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
    le(out, data.length, 4);
    out.writeBytes(data);
    if ((data.length & 1) == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** A boot on a 96 by 96 grid: a shaft, a foot, a sole. */
  private static boolean isBoot(int x, int y) {
    boolean shaft = x >= 30 && x < 58 && y >= 10 && y < 70;
    boolean foot = x >= 30 && x < 82 && y >= 56 && y < 78 && (x < 70 || y > 60 + (82 - x) / 3);
    boolean sole = x >= 26 && x < 86 && y >= 78 && y < 86;
    return shaft || foot || sole;
  }

  /** Bits written least significant first, as VP8L reads them. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void put(int value, int n) {
      for (int i = 0; i < n; i++) {
        current |= ((value >>> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] bytes() {
      if (used > 0) {
        out.write(current);
        current = 0;
        used = 0;
      }
      return out.toByteArray();
    }
  }
}
