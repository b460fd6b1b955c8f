package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what people did with a message and what it offers: {@code reactions} into {@link Reaction}s
 * and {@code inline_bot_buttons} into rows of {@link Button}s. Not thread-safe: one reaction or
 * button is read at a time into one reused scratch object.
 */
final class ReactionsAndButtonsReader {

  private final JsonValues values;
  private final ReactionFields reaction = new ReactionFields();
  private final ButtonFields button = new ButtonFields();
  private final FieldReader<ReactionFields> reactionField = this::reactionField;
  private final FieldReader<ButtonFields> buttonField = this::buttonField;

  ReactionsAndButtonsReader(JsonValues values) {
    this.values = values;
  }

  /** {@code reactions}: an array of reaction objects; null is none. */
  List<Reaction> reactions(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expectArray(p, name);
    List<Reaction> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      ReactionFields r = values.readObject(p, reaction.reset(), reactionField);
      out.add(new Reaction(r.type, r.count, r.emoji));
    }
    if (t != JsonToken.END_ARRAY) {
      throw values.error(p, "expected a reaction object, found " + JsonValues.describe(t));
    }
    return out;
  }

  private void reactionField(JsonParser p, String field, JsonToken t, ReactionFields r)
      throws IOException, ExportFormatException {
    switch (field) {
      case "type":
        r.type = values.string(p, field);
        break;
      case "count":
        Long c = values.longLenient(p, field);
        r.count = c == null ? 0 : c;
        break;
      case "emoji":
      case "document_id":
        r.emoji = values.compact(p);
        break;
      default:
        p.skipChildren();
    }
  }

  /**
   * {@code inline_bot_buttons}: an array of rows, each an array of button objects; null is none.
   */
  List<List<Button>> buttons(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expectArray(p, name);
    List<List<Button>> rows = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      List<Button> row = new ArrayList<>();
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        ButtonFields b = values.readObject(p, button.reset(), buttonField);
        row.add(new Button(b.type, b.text, b.data));
      }
      if (t != JsonToken.END_ARRAY) {
        throw values.error(p, "expected a button object, found " + JsonValues.describe(t));
      }
      rows.add(row);
    }
    if (t != JsonToken.END_ARRAY) {
      throw values.error(p, "expected a row of buttons, found " + JsonValues.describe(t));
    }
    return rows;
  }

  private void buttonField(JsonParser p, String field, JsonToken t, ButtonFields b)
      throws IOException, ExportFormatException {
    switch (field) {
      case "type":
        b.type = values.string(p, field);
        break;
      case "text":
        b.text = t == JsonToken.VALUE_NULL ? "" : values.string(p, field);
        break;
      case "data":
        b.data = values.compact(p);
        break;
      default:
        p.skipChildren();
    }
  }

  private void expectArray(JsonParser p, String name) throws ExportFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw values.error(
          p,
          "expected an array for \"" + name + "\", found " + JsonValues.describe(p.currentToken()));
    }
  }

  /** One reaction object as read; reset before each. */
  private static final class ReactionFields {
    String type;
    long count;
    String emoji;

    ReactionFields reset() {
      type = "emoji";
      count = 0;
      emoji = null;
      return this;
    }
  }

  /** One button object as read; reset before each. */
  private static final class ButtonFields {
    String type;
    String text;
    String data;

    ButtonFields reset() {
      type = "";
      text = "";
      data = null;
      return this;
    }
  }
}
