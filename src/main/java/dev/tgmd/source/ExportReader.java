package dev.tgmd.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads a Telegram Desktop export as a stream of {@link ExportEvent}s, in file order: each chat's
 * start, its messages, its end. Memory stays bounded whatever the export's size. One reader per
 * format behind this one interface; {@link #open} picks it.
 */
public interface ExportReader extends Closeable {

  /**
   * The longest string read, in chars. Telegram's own limits are 4,096 chars for a message's text
   * and 1,024 (4,096 with Premium) for a caption; names, titles and file names are shorter. A
   * longer string is no real export (a damaged file, or not Telegram's) and is refused as soon as
   * it passes this length, before more memory is spent. The memory this allows, and what is in
   * flight at once, is worked out in {@link MessageParser#MAX_MESSAGE_BYTES}.
   */
  int MAX_STRING_CHARS = 1 << 20;

  /**
   * Opens an export: a folder holding {@code result.json} or the JSON file itself (the JSON
   * reader), or a chat's HTML export: its folder (holding {@code messages.html} and no {@code
   * result.json}) or one of its pages (the HTML reader, {@link HtmlExportReader}).
   *
   * @param filter which chats to yield; the others are skipped
   * @throws ExportFormatException when the input is not a readable export (no file, neither JSON
   *     nor Telegram Desktop's HTML)
   */
  static ExportReader open(Path input, Predicate<Chat> filter)
      throws IOException, ExportFormatException {
    Objects.requireNonNull(filter, "filter");
    java.util.List<Path> pages = ExportInput.htmlPages(input);
    if (pages != null) {
      return HtmlExportReader.open(pages, filter);
    }
    return JsonExportReader.open(ExportInput.resultJson(input), filter);
  }

  /** Opens an export and yields every chat. */
  static ExportReader open(Path input) throws IOException, ExportFormatException {
    return open(input, chat -> true);
  }

  /**
   * Reads a message's source, as a reader yielded it ({@link ExportEvent.MessageRead#source}), back
   * into the equal {@link Message}, without the rest of the export.
   *
   * @param origin what errors name as the file (for instance the archive the source came from)
   * @throws ExportFormatException when the source is not one message in its format
   */
  static Message parseStored(SourceText source, Path origin) throws ExportFormatException {
    switch (source.format()) {
      case JSON:
        return StoredJson.parse(source.bytes(), origin);
      case HTML:
        return HtmlExportReader.parseStored(source.bytes());
      default:
        throw new IllegalStateException(source.format().name());
    }
  }

  /** The export file being read (the page being read, for a paged export). */
  Path file();

  /**
   * The files read so far, in reading order: the export file, or the pages of a paged export opened
   * so far.
   */
  default java.util.List<Path> files() {
    return java.util.List.of(file());
  }

  /** The export folder: media paths in the export are relative to it. */
  Path root();

  /** The export's size in bytes (every page, for a paged export). */
  long size();

  /** Bytes of the export read so far (for progress). */
  long bytesRead();

  /**
   * The next event, or null when the export has been read to its end.
   *
   * @throws ExportFormatException when the input is malformed here (the message says where)
   */
  ExportEvent next() throws IOException, ExportFormatException;
}
