package dev.tgmd.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object-valued content fields of a message: {@code contact_information} and {@code
 * location_information} (into the message's {@link MessageFields}), {@code poll}, {@code
 * invoice_information}, {@code todo_list}, and the generic objects shown as {@link
 * Attachment.Other}. Flat media fields ({@code photo}, {@code file}...) are read by {@link
 * MessageParser}. Not thread-safe.
 */
final class AttachmentReader {

  private final JsonValues values;
  private final TextPartReader text;
  private final FieldReader<MessageFields> contactField = this::contactField;
  private final FieldReader<MessageFields> locationField = this::locationField;
  private final FieldReader<PollFields> pollField = this::pollField;
  private final FieldReader<PollAnswerFields> pollAnswerField = this::pollAnswerField;
  private final FieldReader<InvoiceFields> invoiceField = this::invoiceField;
  private final FieldReader<TodoFields> todoField = this::todoField;
  private final FieldReader<TodoItemFields> todoItemField = this::todoItemField;
  private final FieldReader<List<ExtraField>> extraField = this::extraField;

  AttachmentReader(JsonValues values, TextPartReader text) {
    this.values = values;
    this.text = text;
  }

  /** {@code contact_information}: the contact's names and phone, into {@code f}; null is none. */
  void contact(JsonParser p, String name, MessageFields f)
      throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    values.expectObject(p, name);
    f.hasContact = true;
    values.readObject(p, f, contactField);
  }

  private void contactField(JsonParser p, String field, JsonToken t, MessageFields f)
      throws IOException, ExportFormatException {
    switch (field) {
      case "first_name":
        f.firstName = values.stringOrNull(p, field);
        break;
      case "last_name":
        f.lastName = values.stringOrNull(p, field);
        break;
      case "phone_number":
        f.phone = values.stringOrNull(p, field);
        break;
      default:
        p.skipChildren();
    }
  }

  /**
   * {@code location_information}: the coordinates, into {@code f}; null is a location without them.
   */
  void location(JsonParser p, String name, MessageFields f)
      throws IOException, ExportFormatException {
    f.hasLocation = true;
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    values.expectObject(p, name);
    values.readObject(p, f, locationField);
  }

  private void locationField(JsonParser p, String field, JsonToken t, MessageFields f)
      throws IOException, ExportFormatException {
    switch (field) {
      case "latitude":
        f.latitude = values.doubleOrNull(p, field);
        break;
      case "longitude":
        f.longitude = values.doubleOrNull(p, field);
        break;
      default:
        p.skipChildren();
    }
  }

  /** {@code poll}, or null when it is null. */
  Attachment.Poll poll(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    values.expectObject(p, name);
    PollFields poll = values.readObject(p, new PollFields(), pollField);
    return new Attachment.Poll(poll.question, poll.closed, poll.voters, poll.answers);
  }

  private void pollField(JsonParser p, String field, JsonToken t, PollFields poll)
      throws IOException, ExportFormatException {
    switch (field) {
      case "question":
        poll.question = text.text(p, field);
        break;
      case "closed":
        poll.closed = values.bool(p, field);
        break;
      case "total_voters":
        poll.voters = countOrZero(p, field);
        break;
      case "answers":
        if (t != JsonToken.START_ARRAY) {
          throw values.error(
              p, "expected an array for \"answers\", found " + JsonValues.describe(t));
        }
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
          PollAnswerFields a = values.readObject(p, new PollAnswerFields(), pollAnswerField);
          poll.answers.add(new Attachment.PollAnswer(a.text, a.voters, a.chosen));
        }
        if (t != JsonToken.END_ARRAY) {
          throw values.error(p, "expected an answer object, found " + JsonValues.describe(t));
        }
        break;
      default:
        p.skipChildren();
    }
  }

  private void pollAnswerField(JsonParser p, String field, JsonToken t, PollAnswerFields a)
      throws IOException, ExportFormatException {
    switch (field) {
      case "text":
        a.text = text.text(p, field);
        break;
      case "voters":
        a.voters = countOrZero(p, field);
        break;
      case "chosen":
        a.chosen = values.bool(p, field);
        break;
      default:
        p.skipChildren();
    }
  }

  /** {@code invoice_information}, or null when it is null. */
  Attachment.Invoice invoice(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    values.expectObject(p, name);
    InvoiceFields i = values.readObject(p, new InvoiceFields(), invoiceField);
    return new Attachment.Invoice(i.title, i.description, i.amount, i.currency);
  }

  private void invoiceField(JsonParser p, String field, JsonToken t, InvoiceFields i)
      throws IOException, ExportFormatException {
    switch (field) {
      case "title":
        i.title = values.stringOrNull(p, field);
        break;
      case "description":
        i.description = values.stringOrNull(p, field);
        break;
      case "amount":
        i.amount = values.longLenient(p, field);
        break;
      case "currency":
        i.currency = values.stringOrNull(p, field);
        break;
      default:
        p.skipChildren();
    }
  }

  /** {@code todo_list}, or null when it is null. */
  Attachment.TodoList todo(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    values.expectObject(p, name);
    TodoFields todo = values.readObject(p, new TodoFields(), todoField);
    return new Attachment.TodoList(todo.title, todo.items);
  }

  private void todoField(JsonParser p, String field, JsonToken t, TodoFields todo)
      throws IOException, ExportFormatException {
    if (field.equals("title")) {
      todo.title = text.text(p, field);
    } else if (t == JsonToken.START_ARRAY && (field.equals("items") || field.equals("answers"))) {
      // tdesktop's name for the list has varied; both are read
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        TodoItemFields item = values.readObject(p, new TodoItemFields(), todoItemField);
        todo.items.add(new Attachment.TodoItem(item.text, item.done));
      }
      if (t != JsonToken.END_ARRAY) {
        throw values.error(p, "expected a checklist item object, found " + JsonValues.describe(t));
      }
    } else {
      p.skipChildren();
    }
  }

  private void todoItemField(JsonParser p, String field, JsonToken t, TodoItemFields item)
      throws IOException, ExportFormatException {
    if (field.equals("text")) {
      item.text = text.text(p, field);
    } else if (field.equals("completed") || field.equals("done")) {
      item.done = t == JsonToken.VALUE_TRUE;
    } else if (field.startsWith("completed_") || field.equals("completion_date")) {
      item.done = item.done || (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_FALSE);
      p.skipChildren();
    } else {
      p.skipChildren();
    }
  }

  /**
   * Content shown generically ({@code giveaway_information} and the like): an object's fields as
   * readable text, or any other value as the one field {@code value}.
   */
  Attachment.Other other(JsonParser p, String name) throws IOException, ExportFormatException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return new Attachment.Other(name, List.of(new ExtraField("value", values.compact(p))));
    }
    return new Attachment.Other(name, values.readObject(p, new ArrayList<>(), extraField));
  }

  private void extraField(JsonParser p, String field, JsonToken t, List<ExtraField> fields)
      throws IOException {
    fields.add(new ExtraField(field, values.compact(p)));
  }

  /** A whole number, 0 when null. */
  private long countOrZero(JsonParser p, String field) throws IOException, ExportFormatException {
    Long v = values.longLenient(p, field);
    return v == null ? 0 : v;
  }

  private static final class PollFields {
    List<TextPart> question = List.of();
    boolean closed;
    long voters;
    final List<Attachment.PollAnswer> answers = new ArrayList<>();
  }

  private static final class PollAnswerFields {
    List<TextPart> text = List.of();
    long voters;
    boolean chosen;
  }

  private static final class InvoiceFields {
    String title;
    String description;
    Long amount;
    String currency;
  }

  private static final class TodoFields {
    List<TextPart> title = List.of();
    final List<Attachment.TodoItem> items = new ArrayList<>();
  }

  private static final class TodoItemFields {
    List<TextPart> text = List.of();
    boolean done;
  }
}
