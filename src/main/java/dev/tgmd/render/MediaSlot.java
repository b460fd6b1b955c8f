package dev.tgmd.render;

import dev.tgmd.source.Attachment;
import dev.tgmd.source.FileRef;
import java.util.Objects;

/**
 * A file of a message whose line is written once the file has been copied (or not): a photo, a
 * document, a contact's vCard.
 *
 * @param owner the attachment the file belongs to
 * @param file the file reference as exported
 */
public record MediaSlot(Attachment owner, FileRef file) {

  public MediaSlot {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(file, "file");
  }
}
