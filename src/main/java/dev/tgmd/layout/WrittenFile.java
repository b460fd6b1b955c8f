package dev.tgmd.layout;

/**
 * What {@link OutputFolder#writeUnlessEdited} did.
 *
 * @param relative where the content is now, relative to OUT: the file's own path, or the one beside
 *     it
 * @param sha256 the content's SHA-256, in lowercase hex
 */
public record WrittenFile(String relative, long size, String sha256, Placement placement) {}
