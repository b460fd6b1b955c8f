package dev.tgmd.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes the fields a message starts with, in tdesktop's order and form: id, type, dates (wall time
 * and unix time as a string), and who sent it or acted. Reuses one date buffer. Not thread-safe: it
 * shares the chat's {@link JsonGenerator} and {@link Rng}.
 */
final class MessageHead {

  private final JsonGenerator g;
  private final Rng rng;
  private final ChatPlan plan;
  private final char[] date = new char[19];

  MessageHead(JsonGenerator g, Rng rng, ChatPlan plan) {
    this.g = g;
    this.rng = rng;
    this.plan = plan;
  }

  /** Opens the message object and writes its id, type, date and, if {@code edited}, edit date. */
  void start(long id, String type, long time, boolean edited) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", type);
    date("date", time);
    g.writeStringField("date_unixtime", Long.toString(time));
    if (edited) {
      long at = time + 20 + rng.nextInt(7200);
      date("edited", at);
      g.writeStringField("edited_unixtime", Long.toString(at));
    }
  }

  /** A whole message of a type tdesktop could not export: its id and type only. */
  void unsupported(long id) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", "unsupported");
    g.writeEndObject();
  }

  /** A date field in the exporting machine's wall time, {@code 2021-03-04T12:34:56}. */
  void date(String field, long epochSeconds) throws IOException {
    Dates.iso(epochSeconds, date);
    g.writeFieldName(field);
    g.writeString(date, 0, 19);
  }

  /** A person as a name field and an id field, such as {@code from} and {@code from_id}. */
  void person(String nameField, String idField, int person) throws IOException {
    g.writeStringField(nameField, People.name(person));
    g.writeStringField(idField, People.fromId(person));
  }

  /** The chat itself as a name field and an id field: a channel posting or acting. */
  void chat(String nameField, String idField) throws IOException {
    g.writeStringField(nameField, plan.name());
    g.writeStringField(idField, "channel" + plan.id());
  }
}
