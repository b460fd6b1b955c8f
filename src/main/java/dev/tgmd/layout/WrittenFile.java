package dev.tgmd.layout;

/**
 * What {@link OutputFolder#writeUnlessEdited} did.
 *
 * @param relative where the content is now, relative to OUT: the file's own path, or the one beside
 *     it
 * @param checksum the content's {@link OutputFolder#checksum}
 */
public record WrittenFile(String relative, long size, String checksum, Placement placement) {}
