package dev.tgmd.archive;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Media copies by the path the file had in its export: how a later run finds an earlier copy. */
public final class MediaPaths {

  private MediaPaths() {}

  /**
   * The copies of files that had the path {@code sourcePath} in their export, the latest run's
   * first.
   */
  public static List<MediaRecord> find(Archive archive, String sourcePath) throws ArchiveException {
    try {
      PreparedStatement s =
          archive.statement(
              "SELECT source_path, size, checksum, vault_path, run FROM media"
                  + " WHERE source_path = ? ORDER BY run DESC, vault_path");
      s.setString(1, sourcePath);
      return ArchiveRecords.mediaRows(s);
    } catch (SQLException e) {
      throw archive.failed(e);
    }
  }
}
