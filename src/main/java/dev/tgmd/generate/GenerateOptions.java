package dev.tgmd.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link ExportGenerator} writes: {@code messages} message entries in total (service messages
 * included), into the folder {@code out}, drawn from {@code seed}. The same three values always
 * give byte-identical output.
 *
 * @param messages the number of message entries, at least 1 and at most {@link #MAX_MESSAGES}
 * @param out the export folder to write result.json and chats/ into; created when missing
 * @param seed the seed of every random choice
 * @param hardLinks whether a file whose content was already written in the same chat is a hard link
 *     to it rather than a copy (much faster; falls back to copies where links fail)
 * @param chats how many chats at most; 0 for the default spread ({@code messages / 40000 + 3})
 * @param html whether to write, besides result.json, every chat's pages as Telegram Desktop's HTML
 *     export of that chat would hold them ({@code chats/chat_NNN/messages*.html})
 */
public record GenerateOptions(
    long messages, Path out, long seed, boolean hardLinks, int chats, boolean html) {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  /** The largest export the generator writes (about 650 GB of JSON). */
  public static final long MAX_MESSAGES = 1_000_000_000L;

  /** Options with hard links on. */
  public GenerateOptions(long messages, Path out, long seed) {
    this(messages, out, seed, true);
  }

  /** Options for the JSON form alone, with the default number of chats. */
  public GenerateOptions(long messages, Path out, long seed, boolean hardLinks) {
    this(messages, out, seed, hardLinks, 0, false);
  }

  public GenerateOptions {
    Objects.requireNonNull(out, "out");
    if (chats < 0) {
      throw new IllegalArgumentException("--chats must be at least 1, got " + chats);
    }
    if (messages < 1) {
      throw new IllegalArgumentException("--messages must be at least 1, got " + messages);
    }
    if (messages > MAX_MESSAGES) {
      throw new IllegalArgumentException(
          "--messages must be at most " + MAX_MESSAGES + ", got " + messages);
    }
  }
}
