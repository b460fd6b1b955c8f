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
 */
public record GenerateOptions(long messages, Path out, long seed, boolean hardLinks) {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  /** The largest export the generator writes (about 650 GB of JSON). */
  public static final long MAX_MESSAGES = 1_000_000_000L;

  /** Options with hard links on. */
  public GenerateOptions(long messages, Path out, long seed) {
    this(messages, out, seed, true);
  }

  public GenerateOptions {
    Objects.requireNonNull(out, "out");
    if (messages < 1) {
      throw new IllegalArgumentException("--messages must be at least 1, got " + messages);
    }
    if (messages > MAX_MESSAGES) {
      throw new IllegalArgumentException(
          "--messages must be at most " + MAX_MESSAGES + ", got " + messages);
    }
  }
}
