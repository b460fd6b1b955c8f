package dev.tgmd.export;

import dev.tgmd.archive.MergeCounts;
import dev.tgmd.media.CopiedMedia;
import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * What an export run keeps across runs in its OUT: every message taken from the exports, how each
 * chat's notes were last made, and the checksums of the notes written ({@link NoteLedger}). The
 * vault is the archive in {@code OUT/.tgmd/archive.sqlite} ({@link ArchiveVault}); {@link #none()}
 * keeps nothing (a plain one-shot conversion, {@code --no-archive}).
 *
 * <p>The fetch thread calls {@link #begin}, {@link #take}, {@link #end} and {@link #replay}; the
 * write thread the ledger's methods and {@link #rendered}. Implementations are thread-safe.
 */
public interface Vault extends NoteLedger, CopiedMedia, Closeable {

  /** What a chat's rendering needs to know before its messages are read. */
  record ChatPlan(boolean fresh, Optional<String> folder) {}

  /**
   * A chat of the export begins: recorded.
   *
   * @return whether the vault held none of its messages before (then its notes are rendered from
   *     the export as it is read), and the chat's folder in the vault, when it has one
   */
  ChatPlan begin(Chat chat) throws IOException;

  /** Marks the chat dirty, its notes in {@code folder}: from now on they may change. */
  void dirty(Chat chat, String folder) throws IOException;

  /** The folders of the chats the vault has notes of, by chat id. */
  java.util.Map<Long, String> folders() throws IOException;

  /** What merging counted for the chat being read (the fetch thread's current chat). */
  MergeTotals mergedOf(Chat chat);

  /**
   * Takes one message of the chat into the vault (merged in batches).
   *
   * @param occurrence 0 for the first message of its id in the chat, 1 for a second one, …
   */
  void take(ExportEvent.MessageRead read, int occurrence) throws IOException;

  /**
   * The chat's messages are all read: the last batch is merged.
   *
   * @return whether the chat's notes must be made again: something of it changed, or its notes were
   *     not all written with these options
   */
  boolean end(Chat chat) throws IOException;

  /**
   * The chat's messages as the vault holds them, by id, read back from their sources a page at a
   * time; null after the last.
   */
  Replay replay(Chat chat);

  /** The messages of a chat read back from the vault. */
  interface Replay {
    ExportEvent.MessageRead next() throws IOException, ExportFormatException;
  }

  /** Every note of the chat is written, in {@code folder}: it is clean. */
  void rendered(Chat chat, String folder) throws IOException;

  /** How many messages the vault holds of the chat (for a chat whose notes stay as they are). */
  long messages(Chat chat) throws IOException;

  /**
   * Every chat the vault has notes of, for the note that lists them all: empty for a vault that
   * keeps nothing (the run's own chats are listed then).
   *
   * @param zone the zone the days are in
   */
  java.util.List<dev.tgmd.render.NoteFormat.VaultChat> chats(java.time.ZoneId zone)
      throws IOException;

  /** What merging counted so far in this run. */
  MergeTotals merged();

  /** Records how the run ended. */
  void finish(RunStatus status, String countsJson) throws IOException;

  /**
   * Messages taken into the vault in this run: new, changed (replacing what it held), the same as
   * held, and older edits than held (kept out).
   */
  public record MergeTotals(long added, long updated, long unchanged, long keptNewer) {
    static final MergeTotals ZERO = new MergeTotals(0, 0, 0, 0);

    /** These totals and what one merge counted. */
    MergeTotals plus(MergeCounts c) {
      return new MergeTotals(
          added + c.added(),
          updated + c.updated(),
          unchanged + c.unchanged(),
          keptNewer + c.keptNewer());
    }
  }

  /** A vault that keeps nothing: every chat is fresh, the ledger lives for the run. */
  static Vault none() {
    return new None();
  }

  /** The vault of {@link #none()}. */
  final class None extends NoteLedger.InMemory implements Vault {
    @Override
    public ChatPlan begin(Chat chat) {
      return new ChatPlan(true, Optional.empty());
    }

    @Override
    public void dirty(Chat chat, String folder) {}

    @Override
    public java.util.Map<Long, String> folders() {
      return java.util.Map.of();
    }

    @Override
    public java.util.List<dev.tgmd.render.NoteFormat.VaultChat> chats(java.time.ZoneId zone) {
      return java.util.List.of();
    }

    @Override
    public MergeTotals mergedOf(Chat chat) {
      return MergeTotals.ZERO;
    }

    @Override
    public void take(ExportEvent.MessageRead read, int occurrence) {}

    @Override
    public boolean end(Chat chat) {
      return false;
    }

    @Override
    public Replay replay(Chat chat) {
      return () -> null;
    }

    @Override
    public void rendered(Chat chat, String folder) {}

    @Override
    public long messages(Chat chat) {
      return 0;
    }

    @Override
    public MergeTotals merged() {
      return MergeTotals.ZERO;
    }

    @Override
    public void finish(RunStatus status, String countsJson) {}

    @Override
    public void copied(String relative, long size, long checksum, String vaultPath) {}

    @Override
    public String find(String relative, String chatFolder) {
      return null;
    }

    @Override
    public void close() {}
  }
}
