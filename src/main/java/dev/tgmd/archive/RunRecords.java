package dev.tgmd.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/** The archive's {@code runs} table: each write one transaction (see {@link Archive#beginRun}). */
final class RunRecords {

  private RunRecords() {}

  static long begin(
      Archive a, long startedAtMillis, String tgmdVersion, String input, String optionsJson)
      throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "INSERT INTO runs (started_at, tgmd_version, input, options, status)"
                  + " VALUES (?, ?, ?, ?, 'running')");
      s.setLong(1, startedAtMillis);
      s.setString(2, Objects.requireNonNull(tgmdVersion, "tgmdVersion"));
      s.setString(3, Objects.requireNonNull(input, "input"));
      s.setString(4, Objects.requireNonNull(optionsJson, "optionsJson"));
      s.executeUpdate();
      long id;
      try (ResultSet r = a.statement("SELECT last_insert_rowid()").executeQuery()) {
        r.next();
        id = r.getLong(1);
      }
      a.commit();
      return id;
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static void finish(Archive a, long runId, long finishedAtMillis, String status, String countsJson)
      throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement("UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?");
      s.setLong(1, finishedAtMillis);
      s.setString(2, Objects.requireNonNull(status, "status"));
      s.setString(3, countsJson);
      s.setLong(4, runId);
      int n = s.executeUpdate();
      a.commit();
      if (n != 1) {
        throw new ArchiveException(a.file() + ": no run " + runId);
      }
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }

  static Optional<RunRecord> find(Archive a, long runId) throws ArchiveException {
    try {
      PreparedStatement s =
          a.statement(
              "SELECT id, started_at, finished_at, tgmd_version, input, options, status, counts"
                  + " FROM runs WHERE id = ?");
      s.setLong(1, runId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long finished = r.getLong(3);
        Long finishedAt = r.wasNull() ? null : finished;
        return Optional.of(
            new RunRecord(
                r.getLong(1),
                r.getLong(2),
                finishedAt,
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8)));
      }
    } catch (SQLException e) {
      throw a.failed(e);
    }
  }
}
