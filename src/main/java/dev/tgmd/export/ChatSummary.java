package dev.tgmd.export;

import dev.tgmd.report.RunStatus;
import dev.tgmd.source.Chat;

/**
 * What the export did with one chat.
 *
 * @param folder the chat's folder inside OUT
 * @param messages message entries written, service messages included
 * @param failed messages whose rendering failed (written as an error block)
 * @param notes note files written: period notes and the chat's index note
 * @param durationNanos wall time from the chat's first to its last write
 * @param status how the chat's export ended: completed, interrupted (its open notes say partial) or
 *     failed (its open notes were discarded)
 */
public record ChatSummary(
    Chat chat,
    String name,
    String folder,
    long messages,
    long failed,
    int notes,
    int mediaFiles,
    long mediaBytes,
    int duplicates,
    int missing,
    int refused,
    long bytesWritten,
    long durationNanos,
    RunStatus status) {}
