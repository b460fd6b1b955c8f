package dev.tgmd.export;

import dev.tgmd.layout.Utf8;
import dev.tgmd.media.CheckedFile;
import dev.tgmd.media.MediaResolver;
import dev.tgmd.render.MediaSlot;
import dev.tgmd.render.MessageRenderer;
import dev.tgmd.render.RenderedMessage;
import dev.tgmd.source.FileRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The process stage: renders a message and checks its files (and checksums them when they are
 * copied). Thread-safe: the pipeline's workers share one.
 */
final class MessageProcessor {

  /** How a file of the export is looked at: checked and checksummed, or only checked. */
  @FunctionalInterface
  interface MediaCheck {
    CheckedFile of(FileRef file) throws IOException;
  }

  private final MessageRenderer renderer;
  private final MediaCheck media;

  /**
   * @param media how the export's files are looked at: {@link MediaResolver#resolve} when they are
   *     copied, {@link MediaResolver#check} when they are only named (missing and refused files are
   *     found either way)
   */
  MessageProcessor(MessageRenderer renderer, MediaCheck media) {
    this.renderer = renderer;
    this.media = media;
  }

  ReadyToWrite process(PlacedMessage w) {
    if (w.snippet() != null) {
      w.snippet().text(); // made here, on a worker; the message is let go
    }
    RenderedMessage rendered = renderer.render(w.view());
    if (rendered.media().isEmpty()) {
      // nothing for the write stage to link: the block is whole here, on a worker
      return new ReadyToWrite(
          rendered,
          List.of(),
          Utf8.bytes(renderer.assemble(rendered, List.of(), w.note().toChatFolder())));
    }
    List<CheckedFile> sources = new ArrayList<>(rendered.media().size());
    for (MediaSlot slot : rendered.media()) {
      sources.add(resolve(slot));
    }
    return new ReadyToWrite(rendered, sources, null);
  }

  private CheckedFile resolve(MediaSlot slot) {
    if (slot.file().isPlaceholder()) {
      return new CheckedFile.Placeholder(slot.file().placeholder());
    }
    try {
      return media.of(slot.file());
    } catch (IOException e) {
      return new CheckedFile.Refused(
          slot.file().path(), "it could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
