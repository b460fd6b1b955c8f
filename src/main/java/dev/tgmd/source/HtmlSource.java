package dev.tgmd.source;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * The stored source of each message of a page: its element's text exactly as the page has it, cut
 * from what the parser read (jsoup tracks each element's position), with the reader's {@code
 * data-tgmd-*} attributes written into its start tag. The page's text is kept from the last message
 * on only, so memory holds about one message and the parser's read-ahead. An element whose end the
 * page leaves implicit is written out by jsoup instead. Not thread-safe: one per page.
 */
final class HtmlSource extends Reader {

  private static final String PREFIX = "data-tgmd-";

  private final Reader in;
  private final StringBuilder kept = new StringBuilder(1 << 16);

  /** The position in the page of {@code kept}'s first char. */
  private int base;

  HtmlSource(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = in.read(cbuf, off, len);
    if (n > 0) {
      kept.append(cbuf, off, n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The stored source of message element {@code e}, in UTF-8. */
  byte[] of(Element e) {
    Range start = e.sourceRange();
    Range end = e.endSourceRange();
    String text = null;
    if (start.isTracked()
        && end.isTracked()
        && !end.isImplicit()
        && start.startPos() >= base
        && end.endPos() <= base + kept.length()
        && start.startPos() < end.endPos()) {
      String raw = kept.substring(start.startPos() - base, end.endPos() - base);
      if (raw.regionMatches(true, 0, "<div", 0, 4)) {
        StringBuilder sb = new StringBuilder(raw.length() + 96).append(raw, 0, 4);
        for (Attribute a : e.attributes()) {
          if (a.getKey().startsWith(PREFIX)) {
            sb.append(' ').append(a.getKey()).append("=\"");
            escape(a.getValue(), sb);
            sb.append('"');
          }
        }
        text = sb.append(raw, 4, raw.length()).toString();
      }
      forget(end.endPos());
    }
    if (text == null) {
      text = e.outerHtml();
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Drops what was read before {@code pos}: no later message starts there. The chars are dropped
   * once they add up to {@value #COMPACT_AT}, not one message at a time.
   */
  void forget(int pos) {
    int drop = Math.min(pos - base, kept.length());
    if (drop >= COMPACT_AT) {
      kept.delete(0, drop);
      base += drop;
    }
  }

  /** How many chars no message needs any more are kept at most before they are dropped. */
  private static final int COMPACT_AT = 1 << 16;

  /** Drops what was read before element {@code e}'s end, when its end is known. */
  void forgetUpTo(Element e) {
    Range end = e.endSourceRange();
    if (end.isTracked()) {
      forget(end.endPos());
    }
  }

  private static void escape(String value, StringBuilder sb) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
  }
}
