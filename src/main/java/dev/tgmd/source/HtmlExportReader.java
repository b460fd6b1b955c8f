package dev.tgmd.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Streams a Telegram Desktop HTML export of one chat ({@code messages.html}, {@code
 * messages2.html}, …, read in numeric order) as the same events as the JSON reader: the chat
 * starts, its messages, the chat ends. Each page is parsed by jsoup's {@link StreamParser}: a
 * message element is handed over as soon as it is complete and removed from the page's tree once
 * read, so memory holds one message at a time, whatever the size of a page.
 *
 * <p>HTML has no chat id: the chat's id is derived from its name ({@link #chatId}); its type is
 * {@code unknown} (the pages do not say it). What each message carries, and what HTML lacks, is in
 * {@link HtmlMessageParser}.
 *
 * <p>Each {@link ExportEvent.MessageRead} carries the message's element as its {@link SourceText},
 * made self-contained: what the reader took from earlier elements (the sender of a "joined"
 * message, a service message's day from the date separator above it, the page) is written into it
 * as {@code data-tgmd-*} attributes, so that {@link #parseStored} gives the same message back.
 *
 * <p>Not thread-safe: one thread calls {@link #next()}.
 */
public final class HtmlExportReader implements ExportReader {

  /** The attribute a stored message names its page in. */
  static final String PAGE_ATTRIBUTE = "data-tgmd-page";

  /** The attribute a stored message names its sender in, when the page took it from before. */
  static final String FROM_ATTRIBUTE = "data-tgmd-from";

  /** The attribute a stored service message names its day in (from the date separator above). */
  static final String DAY_ATTRIBUTE = "data-tgmd-day";

  private static final Evaluator MESSAGE = QueryParser.parse("div.message");
  private static final Evaluator HEADER = QueryParser.parse("div.page_header");

  private final List<Path> pages;
  private final Path root;
  private final long size;
  private final Predicate<Chat> filter;

  private int pageIndex = -1;
  private Path page;
  private StreamParser parser;
  private CountingStream counting;
  private HtmlSource source;
  private long bytesBefore;
  private Chat chat;
  private boolean started;
  private boolean ended;
  private boolean skipped;
  private String lastSender;
  private java.time.LocalDate day;

  private HtmlExportReader(List<Path> pages, Predicate<Chat> filter) throws IOException {
    this.pages = List.copyOf(pages);
    this.root = pages.get(0).toAbsolutePath().getParent();
    long total = 0;
    for (Path p : pages) {
      total += Files.size(p);
    }
    this.size = total;
    this.filter = filter;
  }

  /**
   * Opens the pages of one chat's HTML export, in the order given (numeric page order).
   *
   * @param filter whether to yield the chat; when it says no, the reader yields nothing
   */
  static HtmlExportReader open(List<Path> pages, Predicate<Chat> filter)
      throws IOException, ExportFormatException {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("no pages");
    }
    HtmlExportReader reader = new HtmlExportReader(pages, filter);
    try {
      reader.openPage(0);
      reader.chat = reader.readHeader();
      reader.skipped = !filter.test(reader.chat);
    } catch (IOException | ExportFormatException | RuntimeException e) {
      reader.close();
      throw e;
    }
    return reader;
  }

  /**
   * A chat id for a chat known only by its name: 2^52 plus the low 52 bits of the 64-bit FNV-1a
   * hash of the name's UTF-8 bytes. The same name always gives the same id, and it is above the ids
   * Telegram gives (so it is never taken for a real one). Chats of the same name share it.
   */
  static long chatId(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (name == null ? "" : name).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return (1L << 52) | (h & ((1L << 52) - 1));
  }

  /** The page being read. */
  @Override
  public Path file() {
    return page;
  }

  /** The folder of the pages: media paths in them are relative to it. */
  @Override
  public Path root() {
    return root;
  }

  /** The size of every page, in bytes. */
  @Override
  public long size() {
    return size;
  }

  /** Bytes of the pages read so far: the pages done and what the parser took of this one. */
  @Override
  public long bytesRead() {
    return bytesBefore + (counting == null ? 0 : counting.count);
  }

  /** The pages opened so far, in reading order. */
  @Override
  public List<Path> files() {
    return pages.subList(0, Math.max(1, pageIndex + 1));
  }

  /** How many pages the export has. */
  public int pageCount() {
    return pages.size();
  }

  /** The pages, in reading order. */
  public List<Path> pages() {
    return pages;
  }

  @Override
  public ExportEvent next() throws IOException, ExportFormatException {
    if (ended || skipped) {
      return null;
    }
    if (!started) {
      started = true;
      return new ExportEvent.ChatStarted(chat);
    }
    while (true) {
      Element e = nextMessage();
      if (e == null) {
        if (pageIndex + 1 >= pages.size()) {
          ended = true;
          close();
          return new ExportEvent.ChatEnded(chat);
        }
        openPage(pageIndex + 1);
        readHeader();
        continue;
      }
      ExportEvent.MessageRead read = read(e);
      drop(e);
      if (read != null) {
        return read;
      }
    }
  }

  /**
   * Removes a message element read, and the text between the elements before it, from the page's
   * tree: the tree keeps no more than the message being parsed.
   */
  private static void drop(Element e) {
    Element parent = e.parent();
    e.remove();
    if (parent != null) {
      while (parent.childNodeSize() > 0
          && parent.childNode(0) instanceof org.jsoup.nodes.TextNode t
          && t.isBlank()) {
        t.remove();
      }
    }
  }

  private Element nextMessage() throws IOException, ExportFormatException {
    try {
      return parser.selectNext(MESSAGE);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One message element: a message, or null for a date separator. */
  private ExportEvent.MessageRead read(Element e) throws ExportFormatException {
    String name = page.getFileName().toString();
    java.time.LocalDate separator = HtmlMessageParser.dateSeparator(e);
    if (separator != null) {
      source.forgetUpTo(e);
      day = separator;
      lastSender = null;
      return null;
    }
    e.attr(PAGE_ATTRIBUTE, name);
    boolean service = e.hasClass("service");
    if (service && day != null) {
      e.attr(DAY_ATTRIBUTE, day.toString());
    }
    if (!service && e.hasClass("joined") && HtmlMessageParser.ownSender(e) == null) {
      if (lastSender == null) {
        throw HtmlMessageParser.error(
            page,
            e,
            HtmlMessageParser.where(e)
                + ": a \"joined\" message with no message before it to take the sender from");
      }
      e.attr(FROM_ATTRIBUTE, lastSender);
    }
    Message m = HtmlMessageParser.parse(e, page);
    // a call is an ordinary element that the model holds as a service message
    lastSender = service ? null : m.sender();
    byte[] stored = source.of(e);
    // markup is most of an element's bytes: 8 bytes of heap a byte of it bounds the message and
    // its block, as for JSON; a node about every 32 bytes
    long weight = MessageParser.weight(stored.length, stored.length / 32);
    return new ExportEvent.MessageRead(chat, m, weight, new SourceText(SourceFormat.HTML, stored));
  }

  /**
   * The message a stored source (a {@link SourceText} of format HTML this reader made) holds: the
   * same message the reader yielded.
   *
   * @throws ExportFormatException when the bytes hold no message element or a malformed one
   */
  public static Message parseStored(byte[] source) throws ExportFormatException {
    String html = new String(source, StandardCharsets.UTF_8);
    Document doc = Jsoup.parseBodyFragment(html);
    Element e = doc.body().selectFirst(MESSAGE);
    Path page = Path.of("stored message");
    if (e == null) {
      throw new ExportFormatException(page, "no div.message element in the stored source");
    }
    String name = e.attr(PAGE_ATTRIBUTE);
    if (!name.isEmpty()) {
      page = Path.of(name);
    }
    if (e.hasClass("joined")
        && !e.hasClass("service")
        && HtmlMessageParser.ownSender(e) == null
        && !e.hasAttr(FROM_ATTRIBUTE)) {
      throw HtmlMessageParser.error(
          page, e, HtmlMessageParser.where(e) + ": a stored \"joined\" message without its sender");
    }
    return HtmlMessageParser.parse(e, page);
  }

  private void openPage(int index) throws IOException {
    close();
    pageIndex = index;
    page = pages.get(index);
    InputStream in = Files.newInputStream(page);
    counting = new CountingStream(in);
    source = new HtmlSource(new InputStreamReader(counting, StandardCharsets.UTF_8));
    parser = new StreamParser(Parser.htmlParser().setTrackPosition(true)).parse(source, "");
    // a stored source jsoup writes out: UTF-8 (nothing but markup escaped), XHTML's few entities
    parser
        .document()
        .outputSettings()
        .prettyPrint(false)
        .charset(StandardCharsets.UTF_8)
        .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);
  }

  /** The page's header: the chat's name. Every page of Telegram Desktop's export has one. */
  private Chat readHeader() throws IOException, ExportFormatException {
    Element header;
    try {
      header = parser.selectFirst(HEADER);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    if (header == null) {
      throw new ExportFormatException(
          page,
          "not a page of Telegram Desktop's HTML export: no div.page_header (a chat's pages are"
              + " messages.html, messages2.html, ...)");
    }
    Element title = header.selectFirst("div.content > div.text");
    String name = title == null ? null : HtmlText.flat(title).strip();
    if (name != null && name.isEmpty()) {
      name = null;
    }
    source.forgetUpTo(header);
    header.remove();
    return new Chat(chatId(name), name, "unknown", false);
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      bytesBefore += counting.count;
      parser.close();
      parser = null;
      counting = null;
      source = null;
    }
  }

  /** Counts the bytes the parser has taken from a page. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += k;
      return k;
    }
  }
}
