package dev.tgmd.archive;

import dev.tgmd.source.SourceFormat;
import dev.tgmd.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that merges BATCHES batches of 1,000 messages into the archive FILE, printing "merged
 * N" after each commit: ArchiveCrashProcessTest kills it with SIGKILL in the middle and runs it
 * again. Every message's bytes are a function of its id, so two runs merge the same messages. With
 * "read" for BATCHES it reads the chat back through a cursor instead (in a small heap).
 */
final class ArchiveWriterProcess {

  static final int BATCH = 1_000;

  private ArchiveWriterProcess() {}

  static SourceText source(long id) {
    String text =
        "{\"id\": " + id + ", \"type\": \"message\", \"text\": \"" + "m".repeat(500) + id + "\"}";
    return new SourceText(SourceFormat.JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    if (args[1].equals("read")) {
      read(file);
      return;
    }
    int batches = Integer.parseInt(args[1]);
    try (Archive a = Archive.open(file)) {
      long run = a.beginRun(0, "test", "generated", "{}");
      a.putChat(run, 1, "A", "personal_chat");
      for (int b = 0; b < batches; b++) {
        List<ArchivedMessage> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          long id = (long) b * BATCH + i + 1;
          batch.add(new ArchivedMessage(1, id, id, null, source(id)));
        }
        a.merge(run, batch);
        System.out.println("merged " + (b + 1));
        System.out.flush();
      }
      a.finishRun(run, 1, "ok", "{}");
    }
  }

  /** Reads chat 1 through a cursor and prints how many messages and bytes it read. */
  private static void read(Path file) throws Exception {
    long count = 0;
    long bytes = 0;
    try (Archive a = Archive.open(file);
        MessageCursor cursor = a.messages(1)) {
      StoredMessage m;
      while ((m = cursor.next()) != null) {
        count++;
        bytes += m.source().size();
      }
    }
    System.out.println("read " + count + " " + bytes);
  }
}
