package dev.tgmd.source;

import java.util.Objects;

/**
 * An inline keyboard button under a bot's message.
 *
 * @param type the button type, e.g. {@code url}, {@code callback}
 * @param text the label
 * @param data the URL or callback data; null when absent
 */
public record Button(String type, String text, String data) {

  public Button {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }
}
