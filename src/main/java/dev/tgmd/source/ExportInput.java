package dev.tgmd.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the INPUT a user gives names: the export's JSON file, the pages of an HTML export, or, when
 * it names neither, why not and what to give instead (a zip archive, a folder above the export...).
 */
final class ExportInput {

  private ExportInput() {}

  /**
   * The pages of the HTML export {@code input} names, in reading order, or null when it names no
   * HTML export (a JSON export, or nothing: {@link #resultJson} then says what). A folder names its
   * pages when it holds {@code messages.html} and no {@code result.json}; a page {@code
   * messagesN.html} names every page of its folder; any other HTML file names itself alone.
   *
   * @throws ExportFormatException for Telegram Desktop's whole-account HTML overview page
   */
  static List<Path> htmlPages(Path input) throws IOException, ExportFormatException {
    Path folder;
    if (Files.isDirectory(input)) {
      if (Files.isRegularFile(input.resolve("result.json"))
          || !Files.isRegularFile(input.resolve("messages.html"))) {
        if (Files.isRegularFile(input.resolve("export_results.html"))
            && !Files.isRegularFile(input.resolve("result.json"))) {
          throw new ExportFormatException(input, WHOLE_ACCOUNT_HTML);
        }
        return null;
      }
      folder = input;
    } else if (Files.isRegularFile(input) && isHtmlName(input)) {
      String name = input.getFileName().toString();
      if (name.equals("export_results.html")) {
        throw new ExportFormatException(input, WHOLE_ACCOUNT_HTML);
      }
      if (pageNumber(name) < 0) {
        return List.of(input);
      }
      folder = input.toAbsolutePath().getParent();
    } else {
      return null;
    }
    java.util.TreeMap<Long, Path> pages = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      java.util.Iterator<Path> it = entries.iterator();
      while (it.hasNext()) {
        Path p = it.next();
        long n = pageNumber(p.getFileName().toString());
        if (n > 0 && Files.isRegularFile(p)) {
          pages.put(n, p);
        }
      }
    }
    if (pages.isEmpty()) {
      return null;
    }
    return List.copyOf(pages.values());
  }

  /** A page's number: 1 for {@code messages.html}, N for {@code messagesN.html}, else -1. */
  static long pageNumber(String name) {
    if (!name.startsWith("messages") || !name.endsWith(".html")) {
      return -1;
    }
    String digits = name.substring("messages".length(), name.length() - ".html".length());
    if (digits.isEmpty()) {
      return 1;
    }
    if (digits.length() > 9 || digits.charAt(0) == '0') {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    long n = Long.parseLong(digits);
    return n >= 2 ? n : -1;
  }

  private static boolean isHtmlName(Path file) {
    String name =
        file.getFileName() == null
            ? ""
            : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /** The advice of a whole-account HTML export. */
  static final String WHOLE_ACCOUNT_HTML =
      "this is the overview page of a whole-account HTML export: give one chat's folder"
          + " (chats/chat_NNN, holding messages.html), or export again as 'Machine-readable JSON'";

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

  /** How many folders are looked into, at most, to find exports below a folder that is none. */
  private static final int MAX_FOLDERS_SEARCHED = 2_000;

  /** Why a folder without result.json is no export, and what to do instead. */
  private static String noExportHere(Path dir) {
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
      return "no result.json or messages.html in this folder: give the folder Telegram Desktop"
          + " exported to (it holds result.json, or a chat's messages.html)";
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
    return null;
  }
}
