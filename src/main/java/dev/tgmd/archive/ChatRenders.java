package dev.tgmd.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How each chat's notes were last rendered (table {@code renders}): the chat's folder in the vault,
 * the render key (the options and version the notes were made with) and whether the chat is dirty:
 * a run may have changed its messages since its notes were last all written. A chat whose notes are
 * clean, with the same key, and whose messages a run did not change, needs no rendering. Each write
 * is one transaction; not thread-safe, like the archive.
 */
public final class ChatRenders {

  /**
   * A chat's render state.
   *
   * @param folder the chat's folder in the vault, relative to OUT
   * @param renderKey what the notes were last made with; null when they never were all written
   * @param dirty whether a run may have changed the chat since its notes were last all written
   */
  public record State(String folder, String renderKey, boolean dirty) {
    public State {
      Objects.requireNonNull(folder, "folder");
    }
  }

  private final Archive archive;

  public ChatRenders(Archive archive) {
    this.archive = Objects.requireNonNull(archive, "archive");
  }

  /** The chat's state; empty when its notes were never rendered into this vault. */
  public Optional<State> state(long chatId) throws ArchiveException {
    try {
      PreparedStatement s =
          archive.statement("SELECT folder, render_key, dirty FROM renders WHERE chat_id = ?");
      s.setLong(1, chatId);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new State(r.getString(1), r.getString(2), r.getInt(3) != 0))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw archive.failed(e);
    }
  }

  /** Every rendered chat's folder, by chat id: one query. */
  public Map<Long, String> folders() throws ArchiveException {
    try {
      Map<Long, String> folders = new HashMap<>();
      try (ResultSet r = archive.statement("SELECT chat_id, folder FROM renders").executeQuery()) {
        while (r.next()) {
          folders.put(r.getLong(1), r.getString(2));
        }
      }
      return folders;
    } catch (SQLException e) {
      throw archive.failed(e);
    }
  }

  /**
   * Marks the chat dirty, in {@code folder}: before any of its messages is merged or any of its
   * notes written, so that a run killed in between leaves it dirty.
   */
  public void dirty(long chatId, String folder) throws ArchiveException {
    write(
        "INSERT INTO renders (chat_id, folder, render_key, dirty) VALUES (?, ?, NULL, 1)"
            + " ON CONFLICT (chat_id) DO UPDATE SET folder = excluded.folder, dirty = 1",
        chatId,
        folder,
        null);
  }

  /** Marks the chat clean: every note of it is written, made with {@code renderKey}. */
  public void clean(long chatId, String folder, String renderKey) throws ArchiveException {
    write(
        "INSERT INTO renders (chat_id, folder, render_key, dirty) VALUES (?, ?, ?, 0)"
            + " ON CONFLICT (chat_id) DO UPDATE SET folder = excluded.folder,"
            + " render_key = excluded.render_key, dirty = 0",
        chatId,
        folder,
        Objects.requireNonNull(renderKey, "renderKey"));
  }

  private void write(String sql, long chatId, String folder, String key) throws ArchiveException {
    try {
      PreparedStatement s = archive.statement(sql);
      s.setLong(1, chatId);
      s.setString(2, Objects.requireNonNull(folder, "folder"));
      if (key != null) {
        s.setString(3, key);
      }
      s.executeUpdate();
      archive.commit();
    } catch (SQLException e) {
      throw archive.failed(e);
    }
  }
}
