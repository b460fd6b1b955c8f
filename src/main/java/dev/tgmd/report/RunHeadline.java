package dev.tgmd.report;

import dev.tgmd.units.ByteSizes;
import java.util.Locale;

/**
 * The few lines that open an export's summary: what was exported where and how long it took, the
 * messages that could not be rendered, what happened to the media. Printed with metrics on or off;
 * the metrics tables ({@link SummaryFormatter}) follow them when on.
 */
public final class RunHeadline {

  private RunHeadline() {}

  /**
   * The headline, each line ended by a newline.
   *
   * @param duplicates media copies avoided because the same content was already copied
   * @param out the output folder, as the user named it
   */
  public static String format(
      RunStatus status, TotalsReport t, long duplicates, String out, double seconds) {
    StringBuilder b = new StringBuilder();
    String verb =
        switch (status) {
          case COMPLETED -> "Exported";
          case INTERRUPTED -> "Interrupted after exporting";
          case FAILED -> "Failed after exporting";
        };
    b.append(
        String.format(
            Locale.ROOT,
            "%s %,d %s, %,d %s into %,d %s in %s (%.2f s)%n",
            verb,
            t.chats(),
            t.chats() == 1 ? "chat" : "chats",
            t.messages(),
            t.messages() == 1 ? "message" : "messages",
            t.notes(),
            t.notes() == 1 ? "note" : "notes",
            out,
            seconds));
    if (t.messagesFailed() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "%,d %s could not be rendered; their notes say so%n",
              t.messagesFailed(),
              t.messagesFailed() == 1 ? "message" : "messages"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "Media: %,d copied (%s), %,d %s avoided, %,d missing, %,d refused%n",
            t.mediaFiles(),
            ByteSizes.iec(t.mediaBytes()),
            duplicates,
            duplicates == 1 ? "duplicate" : "duplicates",
            t.mediaMissing(),
            t.mediaRefused()));
    long vault =
        t.messagesNew()
            + t.messagesUpdated()
            + t.messagesUnchanged()
            + t.messagesKeptNewer()
            + t.notesWritten()
            + t.notesUnchanged()
            + t.notesKeptEdited()
            + t.notesRemoved();
    if (vault > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "Vault: messages %,d new, %,d changed, %,d unchanged%s; notes %,d written, %,d"
                  + " unchanged, %,d removed%n",
              t.messagesNew(),
              t.messagesUpdated(),
              t.messagesUnchanged(),
              t.messagesKeptNewer() == 0
                  ? ""
                  : String.format(Locale.ROOT, ", %,d older than kept", t.messagesKeptNewer()),
              t.notesWritten(),
              t.notesUnchanged(),
              t.notesRemoved()));
    }
    if (t.notesKeptEdited() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "%,d %s you changed kept as you left %s; tgmd's new version, if any, is beside as"
                  + " \"NAME (tgmd).md\" (see docs/notes.md)%n",
              t.notesKeptEdited(),
              t.notesKeptEdited() == 1 ? "note" : "notes",
              t.notesKeptEdited() == 1 ? "it" : "them"));
    }
    return b.toString();
  }
}
