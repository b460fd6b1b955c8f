package dev.tgmd.export;

import dev.tgmd.media.CheckedFile;
import dev.tgmd.render.RenderedMessage;
import java.util.List;

/**
 * What the process stage made of a {@link PlacedMessage}: its block rendered and its files checked
 * and hashed, ready for the write stage to store the files and append the block to its note.
 *
 * @param sources one per file of {@code rendered.media()}, in the same order
 * @param block the whole block in UTF-8, assembled and encoded by the process stage when the
 *     message names no file (so the write stage, which is one thread, only appends it); null when
 *     the write stage assembles it with the files' links
 */
record ReadyToWrite(RenderedMessage rendered, List<CheckedFile> sources, byte[] block) {
  ReadyToWrite {
    sources = List.copyOf(sources);
  }
}
