package dev.tgmd.source;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The small parts of a message element of Telegram Desktop's HTML export: the message a link goes
 * to ({@code GoToMessage(123)}), bot buttons ({@code table.bot_buttons_table}) and reactions
 * ({@code span.reactions}). Pure functions, thread-safe.
 */
final class HtmlExtras {

  private static final String GO_TO = "GoToMessage(";
  private static final String GO_TO_HREF = "#go_to_message";

  private HtmlExtras() {}

  /** The id of the message the first link in {@code e} goes to, or null when none does. */
  static Long goToMessage(Element e) {
    for (Element a : e.getElementsByTag("a")) {
      String onclick = a.attr("onclick");
      int at = onclick.indexOf(GO_TO);
      if (at >= 0) {
        int end = onclick.indexOf(')', at);
        Long id = number(end < 0 ? "" : onclick.substring(at + GO_TO.length(), end));
        if (id != null) {
          return id;
        }
      }
      String href = a.attr("href");
      at = href.indexOf(GO_TO_HREF);
      if (at >= 0) {
        Long id = number(href.substring(at + GO_TO_HREF.length()));
        if (id != null) {
          return id;
        }
      }
    }
    return null;
  }

  private static Long number(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The rows of inline buttons: each {@code tr} a row, each {@code div.bot_button} a button. A
   * button's type and data come from what it shows when clicked ({@code ShowTextCopied('Data: … |
   * Type: callback')}) or from its link ({@code url}).
   */
  static List<List<Button>> buttons(Element body) {
    Element table = HtmlMessageParser.child(body, "bot_buttons_table");
    if (table == null) {
      return List.of();
    }
    List<List<Button>> rows = new ArrayList<>();
    for (Element tr : table.getElementsByTag("tr")) {
      List<Button> row = new ArrayList<>();
      for (Element b : tr.getElementsByClass("bot_button")) {
        row.add(button(b));
      }
      if (!row.isEmpty()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static Button button(Element b) {
    String label = HtmlText.flat(b).strip();
    Element a = b.getElementsByTag("a").first();
    if (a == null) {
      return new Button("unknown", label, null);
    }
    String onclick = a.attr("onclick");
    int open = onclick.indexOf("ShowTextCopied(");
    if (open >= 0) {
      String shown = onclick.substring(open + "ShowTextCopied(".length());
      int close = shown.lastIndexOf(')');
      shown = close >= 0 ? shown.substring(0, close) : shown;
      if (shown.length() >= 2 && (shown.startsWith("'") || shown.startsWith("\""))) {
        shown = shown.substring(1, shown.length() - 1);
      }
      int type = shown.lastIndexOf(" | Type: ");
      String data = type >= 0 ? shown.substring(0, type) : shown;
      if (data.startsWith("Data: ")) {
        data = data.substring("Data: ".length());
      }
      String kind = type >= 0 ? shown.substring(type + " | Type: ".length()).strip() : "unknown";
      return new Button(kind.isEmpty() ? "unknown" : kind, label, data);
    }
    String href = a.attr("href");
    if (!href.isEmpty()) {
      return new Button("url", label, href);
    }
    return new Button("unknown", label, null);
  }

  /**
   * The reactions: each {@code span.reaction} an emoji ({@code span.emoji}) and a count ({@code
   * span.count}, or as many people as its {@code span.userpics} shows). A paid reaction is {@code
   * paid}; a custom emoji shows as an ordinary one, so it reads as that emoji.
   */
  static List<Reaction> reactions(Element body) {
    Element all = HtmlMessageParser.child(body, "reactions");
    if (all == null) {
      return List.of();
    }
    List<Reaction> out = new ArrayList<>();
    for (Element r : all.getElementsByClass("reaction")) {
      Element emoji = r.getElementsByClass("emoji").first();
      Element count = r.getElementsByClass("count").first();
      long n;
      Long parsed = count == null ? null : number(HtmlText.flat(count));
      if (parsed != null) {
        n = parsed;
      } else {
        Element pics = r.getElementsByClass("userpics").first();
        n = pics == null ? 1 : Math.max(1, pics.children().size());
      }
      if (r.hasClass("paid")) {
        out.add(new Reaction("paid", n, null));
      } else {
        String e = emoji == null ? "" : HtmlText.flat(emoji).strip();
        out.add(new Reaction("emoji", n, e.isEmpty() ? null : e));
      }
    }
    return out;
  }
}
