package dev.tgmd.media;

import java.util.Objects;

/** What became of a file a message refers to, for its line in the note. */
public sealed interface MediaLink {

  /**
   * Copied into the chat's media folder.
   *
   * @param pathInChat its path relative to the chat's folder, e.g. {@code media/photos/a.jpg}
   * @param size its size in bytes
   */
  record Stored(String pathInChat, long size) implements MediaLink {
    public Stored {
      Objects.requireNonNull(pathInChat, "pathInChat");
    }
  }

  /** Not copied because media copying is off ({@code --media none}). */
  record NotCopied(String path) implements MediaLink {
    public NotCopied {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Named by the export but not found in its folder. */
  record Missing(String path) implements MediaLink {
    public Missing {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Refused: the path leads outside the export folder (absolute, {@code ..}, or a link). */
  record Refused(String path, String reason) implements MediaLink {
    public Refused {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Telegram Desktop did not download it and wrote this placeholder text instead of a path. */
  record Placeholder(String text) implements MediaLink {
    public Placeholder {
      Objects.requireNonNull(text, "text");
    }
  }
}
