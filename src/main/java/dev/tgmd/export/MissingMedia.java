package dev.tgmd.export;

import dev.tgmd.layout.OutputFolder;
import dev.tgmd.units.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's missing and refused media files, one line each: the first {@value #SHOWN} kept for the
 * summary, every one appended to a work file as it comes (memory stays bounded) and, at the end,
 * written whole to {@value #FILE} at the top of OUT, beside the metrics (left untouched when it
 * holds these bytes already). A run that stored media files and found none missing removes an
 * earlier run's list; a run that stored none (a rerun into a vault with nothing new renders
 * nothing) leaves it as it is. Not thread-safe: the write stage uses it.
 */
final class MissingMedia {

  private static final Logger log = LoggerFactory.getLogger(MissingMedia.class);

  /** The list's file name at the top of OUT; no chat folder may take it. */
  static final String FILE = "export_missing_media.txt";

  /** How many lines the summary shows; more go to the file only. */
  static final int SHOWN = 5;

  private final OutputFolder out;
  private final Supplier<String> workFolder;
  private final List<String> first = new ArrayList<>();
  private String workFile;
  private OutputStream lines;
  private long count;
  private long checked;

  /**
   * @param workFolder the run's work folder in OUT (relative), asked for at the first file
   */
  MissingMedia(OutputFolder out, Supplier<String> workFolder) {
    this.out = out;
    this.workFolder = workFolder;
  }

  /** A file the export names and lacks ("missing") or that tgmd refused to read ("refused"). */
  void add(String kind, String path, String where, String reason) throws IOException {
    String line =
        OneLine.of(
            kind + " " + path + " (" + where + (reason == null ? "" : "; " + reason) + ")", 1000);
    count++;
    if (first.size() < SHOWN) {
      first.add(line);
    }
    if (lines == null) {
      workFile = workFolder.get() + "/missing_media.txt";
      lines = out.append(workFile);
    }
    lines.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Counts files the run stored (copied, named, found missing or refused). */
  void checked(int files) {
    checked += files;
  }

  /** How many files were missing or refused. */
  long count() {
    return count;
  }

  /** The first {@value #SHOWN} lines. */
  List<String> first() {
    return List.copyOf(first);
  }

  /**
   * Writes the list to {@value #FILE} when there is any, else removes an earlier run's; before the
   * work folder goes. Best effort: a list that cannot be written is logged, the run goes on.
   *
   * @return whether the file now holds this run's list
   */
  boolean finish() {
    try {
      if (lines != null) {
        lines.close();
        lines = null;
      }
      if (count == 0) {
        if (checked > 0 && out.isFile(FILE)) {
          out.delete(FILE);
        }
        return false;
      }
      if (out.isFile(FILE) && out.checksum(FILE).equals(out.checksum(workFile))) {
        return true; // the same list: the file is not touched
      }
      out.write(
          FILE,
          o -> {
            try (InputStream in = out.read(workFile)) {
              in.transferTo(o);
            }
          });
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("could not write the list of missing media {}: {}", out.path(FILE), e.toString());
      return false;
    }
  }
}
