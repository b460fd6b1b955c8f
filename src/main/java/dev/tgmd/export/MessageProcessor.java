package dev.tgmd.export;

import dev.tgmd.media.MediaResolver;
import dev.tgmd.media.MediaSource;
import dev.tgmd.render.MediaSlot;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.RenderedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The process stage: renders a message and checks and hashes its files. Thread-safe: the
 * pipeline's workers share one.
 */
final class MessageProcessor {

  private final MessageRenderer renderer;
  private final MediaResolver media;

  /**
   * @param media the resolver of the export's files; null when media are not copied
   */
  MessageProcessor(MessageRenderer renderer, MediaResolver media) {
    this.renderer = renderer;
    this.media = media;
  }

  Processed process(Work w) {
    RenderedMessage rendered = renderer.render(w.view());
    if (rendered.media().isEmpty()) {
      return new Processed(rendered, List.of());
    }
    List<MediaSource> sources = new ArrayList<>(rendered.media().size());
    for (MediaSlot slot : rendered.media()) {
      sources.add(resolve(slot));
    }
    return new Processed(rendered, sources);
  }

  private MediaSource resolve(MediaSlot slot) {
    if (slot.file().isPlaceholder()) {
      return new MediaSource.Placeholder(slot.file().placeholder());
    }
    if (media == null) {
      return new MediaSource.Skipped(slot.file().path());
    }
    try {
      return media.resolve(slot.file());
    } catch (IOException e) {
      return new MediaSource.Refused(slot.file().path(), "it could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
