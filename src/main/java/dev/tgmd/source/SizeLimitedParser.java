package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Locale;

/**
 * The parser as one message sees it: every token counted, and the message refused as soon as it
 * passes {@link MessageParser#MAX_MESSAGE_BYTES} or {@link MessageParser#MAX_MESSAGE_TOKENS},
 * before it takes more memory (skipped values take none). Bytes are first counted cheaply as the
 * file is consumed (that runs ahead of the parser by its buffers); only past the bound less that
 * slack is the parser's exact position asked for. One per reader, {@link #reset} for each message;
 * not thread-safe.
 */
final class SizeLimitedParser extends JsonParserDelegate {

  private static final int SLACK = 256 << 10;
  private final JsonValues values;
  private JsonLocation start;
  private long startIn;
  private long tokens;

  SizeLimitedParser(JsonValues values) {
    super(null);
    this.values = values;
  }

  /**
   * Starts counting a message whose START_OBJECT, at {@code start}, is {@code p}'s current token.
   */
  SizeLimitedParser reset(JsonParser p, JsonLocation start) {
    this.delegate = p;
    this.start = start;
    this.startIn = values.bytesIn();
    this.tokens = 1;
    return this;
  }

  /**
   * Goes on counting the message whose START_OBJECT was at {@code start}, {@code tokens} tokens of
   * it counted, with {@code p} reading the rest of its values (a text read from its bytes after
   * all: see {@link MessageParser#build}).
   */
  SizeLimitedParser resume(JsonParser p, JsonLocation start, long tokens) {
    reset(p, start);
    this.tokens = tokens;
    return this;
  }

  /** The message's bytes so far. */
  long bytes() {
    long end = delegate.currentLocation().getByteOffset();
    return start.getByteOffset() < 0 || end < 0
        ? values.bytesIn() - startIn
        : end - start.getByteOffset();
  }

  /** The message's tokens so far, its START_OBJECT included. */
  long tokens() {
    return tokens;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    check();
    return delegate.nextToken();
  }

  @Override
  public String nextFieldName() throws IOException {
    check();
    return delegate.nextFieldName();
  }

  private void check() throws IOException {
    if (++tokens > MessageParser.MAX_MESSAGE_TOKENS) {
      throw tooLarge(
          String.format(Locale.ROOT, "%,d JSON values", MessageParser.MAX_MESSAGE_TOKENS));
    }
    if (values.bytesIn() - startIn > MessageParser.MAX_MESSAGE_BYTES - SLACK
        && bytes() > MessageParser.MAX_MESSAGE_BYTES) {
      throw tooLarge(String.format(Locale.ROOT, "%,d bytes", MessageParser.MAX_MESSAGE_BYTES));
    }
  }

  private IOException tooLarge(String what) {
    return new StreamConstraintsException(
        MessageParser.TOO_LARGE
            + what
            + " (Telegram's largest take under 100 KB): the export is damaged or was not written by Telegram",
        start);
  }
}
