package dev.tgmd.archive;

/**
 * A chat the archive has messages of (or had: a chat is never removed).
 *
 * @param chatId the chat's id
 * @param name its name as last exported; null when it has none (saved messages)
 * @param type its type as last exported ({@code personal_chat}, {@code private_supergroup}, …)
 * @param firstRun the run that met it first
 * @param lastRun the run that met it last
 */
public record ChatRecord(long chatId, String name, String type, long firstRun, long lastRun) {}
