package dev.tgmd.export;

import dev.tgmd.layout.Split;
import dev.tgmd.render.Flavor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything one export run needs to know. Validated when built.
 *
 * @param input the export folder holding result.json, or result.json itself
 * @param out the folder the notes go to (created when missing)
 * @param chats chat names or ids to export; empty for all
 * @param types chat types to export; empty for all
 * @param since the first day exported (inclusive, in {@code zone}); null for no limit
 * @param until the last day exported (inclusive, in {@code zone}); null for no limit
 * @param media copy media files into the notes' folders, or only name them ({@code --media})
 * @param workers how many threads render messages
 * @param batchSize how many messages travel together between the pipeline's stages
 * @param replyIndexSize how many recent messages per chat the reply index keeps
 * @param archive whether OUT is a vault: every message is kept in its archive and notes are made
 *     from it ({@code --no-archive}: a one-shot conversion that keeps nothing)
 */
public record ExportOptions(
    Path input,
    Path out,
    List<String> chats,
    List<String> types,
    LocalDate since,
    LocalDate until,
    Split split,
    Flavor flavor,
    ZoneId zone,
    MediaMode media,
    int workers,
    int batchSize,
    int replyIndexSize,
    boolean archive) {

  /** How many messages travel together between stages, unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 128;

  /** The chat types Telegram Desktop exports. */
  public static final List<String> CHAT_TYPES =
      List.of(
          "saved_messages",
          "replies",
          "verification_codes",
          "personal_chat",
          "bot_chat",
          "private_group",
          "private_supergroup",
          "public_supergroup",
          "private_channel",
          "public_channel");

  public ExportOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(out, "out");
    chats = List.copyOf(chats);
    types = List.copyOf(types);
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(media, "media");
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException("--until " + until + " is before --since " + since);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1: " + workers);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1: " + batchSize);
    }
    if (replyIndexSize < 1) {
      throw new IllegalArgumentException(
          "--reply-index-size must be at least 1: " + replyIndexSize);
    }
  }

  /** Whether the options select chats or days ({@code --chat, --type, --since, --until}). */
  public boolean filtered() {
    return !chats.isEmpty() || !types.isEmpty() || since != null || until != null;
  }

  /** Whether media files are copied into the notes' folders ({@code --media copy}). */
  public boolean copyMedia() {
    return media == MediaMode.COPY;
  }

  /** Options with the defaults for everything but the input and output. */
  public static ExportOptions defaults(Path input, Path out) {
    return new ExportOptions(
        input,
        out,
        List.of(),
        List.of(),
        null,
        null,
        Split.MONTH,
        Flavor.OBSIDIAN,
        ZoneId.systemDefault(),
        MediaMode.COPY,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_BATCH_SIZE,
        100_000,
        true);
  }
}
