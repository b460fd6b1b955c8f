package dev.tgmd.render;

import java.util.List;
import java.util.Objects;

/**
 * A message rendered but for the lines of its files, which depend on where the files end up. {@link
 * MessageRenderer#assemble} puts the parts together.
 *
 * @param header the header paragraph: sender, time, anchor, forward and reply lines
 * @param media the files, in order, whose lines go between the header and the body
 * @param body the rest: other attachments, the text, reactions, buttons; may be empty
 * @param anchor the message's anchor in its note
 * @param line a service message: one line, standing alone when it has no files and no body
 */
public record RenderedMessage(
    String header, List<MediaSlot> media, String body, String anchor, boolean line) {

  public RenderedMessage {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(anchor, "anchor");
    media = List.copyOf(media);
    Objects.requireNonNull(body, "body");
  }
}
