package dev.tgmd.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.report.RunStatus;
import dev.tgmd.report.TotalsReport;
import dev.tgmd.source.Chat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportResultTest {

  private static ChatSummary chat(
      long id,
      long messages,
      long failed,
      int notes,
      int media,
      long mediaBytes,
      int duplicates,
      int missing,
      int refused,
      long bytes,
      RunStatus status) {
    return new ChatSummary(
        new Chat(id, "c" + id, "personal_chat", false),
        "c" + id,
        "c" + id,
        messages,
        failed,
        notes,
        media,
        mediaBytes,
        duplicates,
        missing,
        refused,
        bytes,
        1_000,
        status);
  }

  @Test
  void totalsAreSummedFromTheChatsAndCountOnlyChatsWithMessages() {
    List<ChatSummary> chats =
        List.of(
            chat(1, 10, 1, 2, 3, 300, 1, 1, 0, 4_000, RunStatus.COMPLETED),
            chat(2, 0, 0, 1, 0, 0, 0, 0, 2, 50, RunStatus.COMPLETED),
            chat(3, 5, 0, 1, 1, 100, 2, 0, 1, 900, RunStatus.FAILED));

    ExportResult result = new ExportResult(RunStatus.COMPLETED, chats);

    assertThat(result.totals()).isEqualTo(new TotalsReport(2, 15, 1, 4, 4, 400, 1, 3, 4_950));
    assertThat(ExportResult.totalsOf(chats)).isEqualTo(result.totals());
    assertThat(result.duplicates()).isEqualTo(3);
    assertThat(ExportResult.totalsOf(List.of())).isEqualTo(TotalsReport.zero());
  }
}
