package dev.tgmd.export;

import dev.tgmd.media.CheckedFile;
import dev.tgmd.render.RenderedMessage;
import java.util.List;

/**
 * A message after the process stage: rendered, and its files checked and hashed.
 *
 * @param sources one per file of {@code rendered.media()}, in the same order
 */
record Processed(RenderedMessage rendered, List<CheckedFile> sources) {
  Processed {
    sources = List.copyOf(sources);
  }
}
