package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A parser over bytes cut out of a file, which gives its locations as places in that file: {@code
 * at} is where the bytes' first one was in the file, so that errors name the file's line and column
 * (and the byte offset the escape filter maps columns by).
 */
final class PlacedParser extends JsonParserDelegate {

  private final JsonLocation at;

  PlacedParser(JsonParser cut, JsonLocation at) {
    super(cut);
    this.at = at;
  }

  @Override
  public JsonLocation currentTokenLocation() {
    return place(delegate.currentTokenLocation());
  }

  @Override
  public JsonLocation currentLocation() {
    return place(delegate.currentLocation());
  }

  @Deprecated
  @Override
  public JsonLocation getTokenLocation() {
    return currentTokenLocation();
  }

  @Deprecated
  @Override
  public JsonLocation getCurrentLocation() {
    return currentLocation();
  }

  /** A location in the cut bytes (line 1 is the line of {@code at}) as a location in the file. */
  private JsonLocation place(JsonLocation in) {
    int line = in.getLineNr();
    return new JsonLocation(
        at.contentReference(),
        at.getByteOffset() + in.getByteOffset(),
        -1L,
        at.getLineNr() + line - 1,
        line == 1 ? at.getColumnNr() + in.getColumnNr() - 1 : in.getColumnNr());
  }
}
