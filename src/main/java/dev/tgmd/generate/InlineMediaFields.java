package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes the fields of a message's content that tdesktop exports inline, without a file: polls,
 * locations, venues, games, invoices and to-do lists. (Media with files, and shared contacts with
 * their vCards, are {@link MediaFields}'.) Not thread-safe: it shares the chat's generator and
 * {@link Rng}.
 */
final class InlineMediaFields {

  private static final int[] LIVE_PERIODS = {900, 3600, 28800};

  private final JsonGenerator g;
  private final Rng rng;
  private final TextFields texts;

  InlineMediaFields(JsonGenerator g, Rng rng, TextFields texts) {
    this.g = g;
    this.rng = rng;
    this.texts = texts;
  }

  /** A poll asked by {@code from}, in their language. */
  void poll(int from) throws IOException {
    int lang = People.lang(from);
    boolean formatted = rng.chance(0.25);
    g.writeFieldName("poll");
    g.writeStartObject();
    texts.shortText("question", lang, formatted);
    g.writeBooleanField("closed", rng.chance(0.3));
    int answers = 2 + rng.nextInt(4);
    int total = 0;
    int[] votes = new int[answers];
    for (int a = 0; a < answers; a++) {
      votes[a] = rng.nextInt(30);
      total += votes[a];
    }
    g.writeNumberField("total_voters", total);
    g.writeFieldName("answers");
    g.writeStartArray();
    int chosen = rng.nextInt(answers + 1);
    for (int a = 0; a < answers; a++) {
      g.writeStartObject();
      texts.shortText("text", lang, formatted && rng.chance(0.5));
      g.writeNumberField("voters", votes[a]);
      g.writeBooleanField("chosen", a == chosen);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A location, now and then a live one, rarely without coordinates. */
  void location() throws IOException {
    if (rng.chance(0.02)) {
      g.writeFieldName("location_information");
      g.writeNull();
    } else {
      coordinates();
    }
    if (rng.chance(0.3)) {
      int period = LIVE_PERIODS[rng.nextInt(LIVE_PERIODS.length)];
      g.writeNumberField("live_location_period_seconds", period);
    }
  }

  void venue() throws IOException {
    String[] venue = rng.pick(Vocabulary.VENUES);
    g.writeStringField("place_name", venue[0]);
    g.writeStringField("address", venue[1]);
    coordinates();
  }

  private void coordinates() throws IOException {
    g.writeFieldName("location_information");
    g.writeStartObject();
    // Written from integer micro-degrees: Double.toString differs between JDK 17 and 19+.
    g.writeFieldName("latitude");
    g.writeNumber(microDegrees(40_000_000 + rng.nextInt(20_000_000)));
    g.writeFieldName("longitude");
    g.writeNumber(microDegrees(rng.nextInt(30_000_000)));
    g.writeEndObject();
  }

  private static String microDegrees(int micro) {
    String fraction = Integer.toString(1_000_000 + micro % 1_000_000).substring(1);
    return micro / 1_000_000 + "." + fraction;
  }

  void game() throws IOException {
    g.writeStringField("game_title", "Trail Quiz");
    g.writeStringField("game_description", "How well do you know your knots?");
    g.writeStringField("game_link", "https://t.me/trailquiz_bot?game=knots");
  }

  void invoice() throws IOException {
    g.writeFieldName("invoice_information");
    g.writeStartObject();
    g.writeStringField("title", "Club T-shirt");
    g.writeStringField("description", "Organic cotton, glow-in-the-dark print");
    g.writeNumberField("amount", 500 + rng.nextInt(5000));
    g.writeStringField("currency", rng.chance(0.5) ? "EUR" : "USD");
    g.writeEndObject();
  }

  /** A to-do list made by {@code from}, in their language. */
  void todo(int from) throws IOException {
    int lang = People.lang(from);
    g.writeFieldName("todo_list");
    g.writeStartObject();
    texts.shortText("title", lang, false);
    g.writeBooleanField("others_can_append", rng.chance(0.5));
    g.writeBooleanField("others_can_complete", rng.chance(0.5));
    g.writeFieldName("answers");
    g.writeStartArray();
    int items = 2 + rng.nextInt(5);
    for (int t = 0; t < items; t++) {
      g.writeStartObject();
      texts.shortText("text", lang, rng.chance(0.2));
      g.writeNumberField("id", t + 1);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
