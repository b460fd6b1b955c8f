package dev.tgmd.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the INPUT a user gives names: the export's JSON file, or, when it names none, why not and
 * what to give instead (an HTML export, a zip archive, a folder above the export...).
 */
final class ExportInput {

  private ExportInput() {}

  /**
   * The JSON file {@code input} names: {@code input} itself, or the {@code result.json} in it when
   * it is a folder.
   *
   * @throws ExportFormatException when it names no export, saying why and what to give instead
   */
  static Path resultJson(Path input) throws IOException, ExportFormatException {
    Path file = input;
    if (Files.isDirectory(input)) {
      file = input.resolve("result.json");
      if (!Files.isRegularFile(file)) {
        throw new ExportFormatException(input, noExportHere(input));
      }
    } else if (!Files.exists(input)) {
      throw new ExportFormatException(input, "no such file or folder");
    } else if (!Files.isRegularFile(input)) {
      throw new ExportFormatException(input, "not a regular file");
    } else {
      String other = otherKindOfFile(input);
      if (other != null) {
        throw new ExportFormatException(input, other);
      }
    }
    return file;
  }

  /** The advice of an HTML export: what it is and what to do. */
  static final String HTML_EXPORT =
      "this is Telegram Desktop's HTML export; export again choosing "
          + "'Machine-readable JSON' as the format (Settings > Advanced > Export Telegram data)";

  /** How many folders are looked into, at most, to find exports below a folder that is none. */
  private static final int MAX_FOLDERS_SEARCHED = 2_000;

  /** Why a folder without result.json is no export, and what to do instead. */
  private static String noExportHere(Path dir) {
    if (Files.isRegularFile(dir.resolve("export_results.html"))
        || Files.isRegularFile(dir.resolve("messages.html"))) {
      return HTML_EXPORT;
    }
    java.util.List<Path> found = new java.util.ArrayList<>();
    int[] budget = {MAX_FOLDERS_SEARCHED};
    for (Path child : subfolders(dir, budget)) {
      if (Files.isRegularFile(child.resolve("result.json"))) {
        found.add(child);
        continue;
      }
      for (Path grandchild : subfolders(child, budget)) {
        if (Files.isRegularFile(grandchild.resolve("result.json"))) {
          found.add(grandchild);
        }
      }
    }
    if (found.isEmpty()) {
      return "no result.json in this folder: give the folder Telegram Desktop exported to "
          + "(it holds result.json), exported with the format 'Machine-readable JSON'";
    }
    java.util.Collections.sort(found);
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < Math.min(found.size(), 5); i++) {
      names.append(i == 0 ? "" : ", ").append(dir.relativize(found.get(i)));
    }
    if (found.size() > 5) {
      names.append(" and ").append(found.size() - 5).append(" more");
    }
    return "no result.json in this folder, but "
        + (found.size() == 1
            ? "this folder in it holds an export: "
            : "these folders in it hold exports: ")
        + names
        + "; name "
        + (found.size() == 1 ? "it" : "one of them")
        + " as INPUT";
  }

  private static java.util.List<Path> subfolders(Path dir, int[] budget) {
    java.util.List<Path> out = new java.util.ArrayList<>();
    if (budget[0] <= 0) {
      return out;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      java.util.Iterator<Path> it = entries.iterator();
      while (it.hasNext() && budget[0] > 0) {
        Path p = it.next();
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          budget[0]--;
          out.add(p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // an unreadable folder holds no export we could read
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** Why a file given as INPUT is some other kind of file than result.json, or null. */
  private static String otherKindOfFile(Path file) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 4
        && head[0] == 'P'
        && head[1] == 'K'
        && (head[2] == 3 || head[2] == 5)
        && (head[3] == 4 || head[3] == 6)) {
      return "a zip archive, not an export: unpack it first, then give tgmd the folder holding result.json";
    }
    String name =
        file.getFileName() == null
            ? ""
            : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return HTML_EXPORT;
    }
    return null;
  }
}
