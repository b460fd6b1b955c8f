package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;
import java.util.List;

/**
 * What a stage read from its input, under {@code stages.<name>.read} in the report: the files (by
 * name, in reading order) and the bytes taken from them. Immutable.
 *
 * @param files the files' names, in the order read; at most {@link #MAX_FILES} (the count says how
 *     many in all)
 * @param fileCount how many files were read in all
 * @param bytes bytes read from them
 */
@JsonPropertyOrder({"files", "file_count", "bytes"})
public record StageRead(
    @JsonProperty("files") List<String> files,
    @JsonProperty("file_count") long fileCount,
    @JsonProperty("bytes") long bytes) {

  /** The most file names a report keeps (the count is exact). */
  public static final int MAX_FILES = 1000;

  public StageRead {
    files = files == null ? List.of() : List.copyOf(files);
    if (files.size() > MAX_FILES) {
      files = files.subList(0, MAX_FILES);
    }
    Figures.nonNegative(fileCount, "file_count");
    Figures.nonNegative(bytes, "bytes");
    if (fileCount < files.size()) {
      throw new IllegalArgumentException("file_count is less than the files named");
    }
  }
}
