package dev.tgmd.archive;

import java.util.Objects;

/**
 * A media file of an export that tgmd copied into the vault.
 *
 * @param sourcePath its path in the export, relative to the export's folder, with {@code /}
 * @param size its size in bytes
 * @param checksum the CRC-32C of its content (as the media package computes it); equal checksums
 *     are to be confirmed byte by byte
 * @param vaultPath where its content is in the vault, relative to OUT, with {@code /}
 * @param runId the run that copied it (or last found it copied)
 */
public record MediaRecord(
    String sourcePath, long size, long checksum, String vaultPath, long runId) {
  public MediaRecord {
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(vaultPath, "vaultPath");
    if (size < 0) {
      throw new IllegalArgumentException("size < 0: " + size);
    }
  }
}
