package dev.tgmd.archive;

/**
 * A run recorded in the archive.
 *
 * @param id the run's id
 * @param startedAtMillis when it started, in ms since the epoch
 * @param finishedAtMillis when it finished, in ms since the epoch; null while running, or when it
 *     was killed before recording its end
 * @param tgmdVersion the version of tgmd that ran
 * @param input the export it read, as given
 * @param optionsJson its options, a JSON object
 * @param status {@code running} until it finished, then how it ended
 * @param countsJson what it counted, a JSON object; null until it finished
 */
public record RunRecord(
    long id,
    long startedAtMillis,
    Long finishedAtMillis,
    String tgmdVersion,
    String input,
    String optionsJson,
    String status,
    String countsJson) {}
