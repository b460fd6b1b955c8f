package dev.tgmd.render;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.Button;
import dev.tgmd.source.ExtraField;
import dev.tgmd.source.Reaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The blocks of a message's content other than its files and its text: polls, places, contacts,
 * games, invoices, checklists and other attachments, then reactions, buttons and fields tgmd has no
 * model for. Pure and thread-safe.
 */
final class ContentBlocks {

  private ContentBlocks() {}

  /**
   * The block of an attachment without a file of its own (a contact's vCard line is written apart).
   *
   * @throws IllegalStateException for a photo or a document (their lines are {@link MediaLines}'),
   *     and for a kind of attachment not handled here
   */
  static String attachment(Attachment a) {
    if (a instanceof Attachment.Poll p) {
      return poll(p);
    }
    if (a instanceof Attachment.Location l) {
      String live =
          l.livePeriodSeconds() == null
              ? ""
              : " (live for " + Durations.of(l.livePeriodSeconds()) + ")";
      if (l.latitude() == null || l.longitude() == null) {
        return "📍 Location" + live;
      }
      return "📍 Location: " + mapLink(l.latitude(), l.longitude()) + live;
    }
    if (a instanceof Attachment.Venue v) {
      StringBuilder sb = new StringBuilder("📍 ");
      String name = v.name() == null || v.name().isBlank() ? "Place" : v.name().strip();
      sb.append(MarkdownText.strongSpaced(name));
      if (v.address() != null && !v.address().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(v.address().strip()));
      }
      if (v.latitude() != null && v.longitude() != null) {
        sb.append(" · ").append(mapLink(v.latitude(), v.longitude()));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Contact c) {
      String name = String.join(" ", Labels.nonBlank(c.firstName(), c.lastName()));
      StringBuilder sb = new StringBuilder("👤 Contact: ");
      sb.append(MarkdownText.escapeInline(name.isBlank() ? "(no name)" : name));
      if (c.phone() != null && !c.phone().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(c.phone().strip()));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Game g) {
      StringBuilder sb = new StringBuilder("🎮 Game: ");
      sb.append(
          MarkdownText.strongSpaced(g.title() == null || g.title().isBlank() ? "Game" : g.title()));
      if (g.description() != null && !g.description().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(g.description().strip()));
      }
      if (g.link() != null && !g.link().isBlank()) {
        sb.append(" · [play](").append(MarkdownText.destination(g.link().strip())).append(')');
      }
      return sb.toString();
    }
    if (a instanceof Attachment.Invoice inv) {
      StringBuilder sb = new StringBuilder("🧾 Invoice: ");
      sb.append(
          MarkdownText.strongSpaced(
              inv.title() == null || inv.title().isBlank() ? "Invoice" : inv.title()));
      if (inv.description() != null && !inv.description().isBlank()) {
        sb.append(" · ").append(MarkdownText.escapeInline(inv.description().strip()));
      }
      if (inv.amount() != null) {
        sb.append(" · ").append(MarkdownText.escapeInline(money(inv.amount(), inv.currency())));
      }
      return sb.toString();
    }
    if (a instanceof Attachment.TodoList t) {
      return checklist(t);
    }
    if (a instanceof Attachment.Other o) {
      if (o.kind().equals("paid_stars_amount") && o.fields().size() == 1) {
        return "⭐ "
            + MarkdownText.escapeInline(
                "Paid message: " + o.fields().get(0).value() + " Telegram Stars");
      }
      return "🎁 "
          + MarkdownText.escapeInline(
              Labels.capitalize(o.kind().replace('_', ' ')) + ": " + Labels.fieldsText(o.fields()));
    }
    throw new IllegalStateException("unhandled attachment " + a.getClass());
  }

  private static String poll(Attachment.Poll p) {
    StringBuilder sb = new StringBuilder("📊 Poll: ");
    String question = MarkdownText.renderInline(p.question());
    sb.append(question.isEmpty() ? "(no question)" : question);
    sb.append(" · ").append(p.totalVoters()).append(p.totalVoters() == 1 ? " vote" : " votes");
    if (p.closed()) {
      sb.append(" · closed");
    }
    if (!p.answers().isEmpty()) {
      sb.append('\n');
      for (Attachment.PollAnswer answer : p.answers()) {
        String text = MarkdownText.renderInline(answer.text());
        sb.append("\n- ")
            .append(text.isEmpty() ? "(empty)" : text)
            .append(" — ")
            .append(answer.voters())
            .append(answer.voters() == 1 ? " vote" : " votes");
        if (answer.chosen()) {
          sb.append(" ✔️");
        }
      }
    }
    return sb.toString();
  }

  private static String checklist(Attachment.TodoList t) {
    StringBuilder sb = new StringBuilder("☑️ Checklist");
    String title = MarkdownText.renderInline(t.title());
    if (!title.isEmpty()) {
      sb.append(": ").append(title);
    }
    if (!t.items().isEmpty()) {
      sb.append("\n");
      for (Attachment.TodoItem item : t.items()) {
        sb.append("\n- ")
            .append(item.done() ? "✅ " : "⬜ ")
            .append(MarkdownText.renderInline(item.text()));
      }
    }
    return sb.toString();
  }

  private static String mapLink(double lat, double lon) {
    String la = coordinate(lat);
    String lo = coordinate(lon);
    return "["
        + la
        + ", "
        + lo
        + "](https://www.openstreetmap.org/?mlat="
        + la
        + "&mlon="
        + lo
        + "#map=16/"
        + la
        + "/"
        + lo
        + ")";
  }

  /**
   * {@code v} to 6 decimals, half up, without trailing zeros ({@code 55.75}, {@code -0} for a
   * negative that rounds to zero): what {@code "%.6f"} prints with its zeros taken off, without a
   * formatter and a regular expression per coordinate.
   */
  private static String coordinate(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return v < 0 || 1 / v < 0 ? "-0" : "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  private static String money(long amount, String currency) {
    int digits = 2;
    if (currency != null) {
      if (currency.equals("XTR")) {
        digits = 0;
      } else {
        try {
          digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
          digits = 2;
        }
      }
    }
    String value = BigDecimal.valueOf(amount, digits).toPlainString();
    return currency == null ? value : value + " " + currency;
  }

  /** {@code Reactions: 👍 3 · ⭐ paid 5}; "" when there are none. */
  static String reactions(List<Reaction> reactions) {
    if (reactions.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("Reactions: ");
    boolean first = true;
    for (Reaction r : reactions) {
      if (!first) {
        sb.append(" · ");
      }
      first = false;
      String what;
      if ("emoji".equals(r.type()) && r.emoji() != null) {
        what = r.emoji();
      } else if ("paid".equals(r.type())) {
        what = "⭐ paid";
      } else if ("custom_emoji".equals(r.type())) {
        what = "custom emoji";
      } else {
        what = r.type().replace('_', ' ');
      }
      sb.append(MarkdownText.escapeInline(what)).append(' ').append(r.count());
    }
    return sb.toString();
  }

  /** {@code Buttons: [Open](<https://e.com>) · Vote}; "" when there are none. */
  static String buttons(List<List<Button>> rows) {
    List<String> labels = new ArrayList<>();
    for (List<Button> row : rows) {
      for (Button b : row) {
        String label = b.text().isBlank() ? b.type() : b.text().strip();
        if ("url".equals(b.type()) && b.data() != null && !b.data().isBlank()) {
          labels.add(
              "["
                  + MarkdownText.escapeInline(label)
                  + "]("
                  + MarkdownText.destination(b.data().strip())
                  + ")");
        } else {
          labels.add(MarkdownText.escapeInline(label));
        }
      }
    }
    return labels.isEmpty() ? "" : "Buttons: " + String.join(" · ", labels);
  }

  /** {@code Other fields: …}; "" when there are none. */
  static String extras(List<ExtraField> extras) {
    if (extras.isEmpty()) {
      return "";
    }
    return MarkdownText.escapeInline("Other fields: " + Labels.fieldsText(extras));
  }
}
