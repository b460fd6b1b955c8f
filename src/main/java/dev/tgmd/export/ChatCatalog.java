package dev.tgmd.export;

import dev.tgmd.source.Chat;
import dev.tgmd.source.ExportEvent;
import dev.tgmd.source.ExportFormatException;
import dev.tgmd.source.ExportReader;
import dev.tgmd.source.MessageDate;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chats of an export, as {@code tgmd chats} lists them: read in one streaming pass (only the
 * message being read is held; what is kept is one small entry per chat), in export order.
 * Thread-safe: it keeps no state.
 */
public final class ChatCatalog {

  private ChatCatalog() {}

  /**
   * One chat of an export.
   *
   * @param id the chat's id as exported ({@code --chat} takes it, or its Bot API form)
   * @param name the name to show (a stand-in such as "Saved Messages" when the export has none)
   * @param type the exported type, e.g. {@code personal_chat}
   * @param left whether it comes from the export's left chats
   * @param messages its messages, service messages included
   * @param first the day of its first dated message; null when none is dated
   * @param last the day of its last dated message; null when none is dated
   */
  public record Entry(
      long id,
      String name,
      String type,
      boolean left,
      long messages,
      LocalDate first,
      LocalDate last) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (messages < 0) {
        throw new IllegalArgumentException("messages < 0: " + messages);
      }
    }
  }

  /**
   * Reads every chat of the export at {@code input} (as {@code tgmd export} takes it), its days in
   * {@code zone}.
   *
   * @throws InputException when the input is not a readable export (the message says where)
   * @throws IOException when reading failed otherwise
   */
  public static List<Entry> read(Path input, ZoneId zone) throws InputException, IOException {
    List<Entry> entries = new ArrayList<>();
    try (ExportReader reader = ExportReader.open(input)) {
      Chat chat = null;
      long messages = 0;
      LocalDate first = null;
      LocalDate last = null;
      for (ExportEvent e = reader.next(); e != null; e = reader.next()) {
        if (e instanceof ExportEvent.ChatStarted s) {
          chat = s.chat();
          messages = 0;
          first = null;
          last = null;
        } else if (e instanceof ExportEvent.MessageRead m) {
          messages++;
          MessageDate date = m.message().date();
          if (date != null) {
            LocalDate day = date.in(zone).toLocalDate();
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
          }
        } else if (e instanceof ExportEvent.ChatEnded && chat != null) {
          entries.add(
              new Entry(
                  chat.id(), chat.displayName(), chat.type(), chat.left(), messages, first, last));
          chat = null;
        }
      }
    } catch (ExportFormatException e) {
      throw new InputException(e.getMessage());
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new InputException(ExportRun.describe(e));
    }
    return entries;
  }
}
