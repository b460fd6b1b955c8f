package dev.tgmd.archive;

/**
 * What the archive holds of one chat's messages.
 *
 * @param messages how many
 * @param firstUnix the earliest date, in seconds since the epoch; null when none has a date
 * @param lastUnix the latest date, likewise
 */
public record ChatFacts(long chatId, long messages, Long firstUnix, Long lastUnix) {}
