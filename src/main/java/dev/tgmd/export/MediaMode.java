package dev.tgmd.export;

import java.util.Locale;

/** What an export does with the files its messages name ({@code --media}). */
public enum MediaMode {
  /** Copy each file into {@code OUT/<chat>/media/}, each distinct content once (the default). */
  COPY,
  /** Only name the files: they are still checked (missing, or leading out of the export). */
  NONE;

  /** The word of the option and of the report's {@code options.media}, e.g. {@code copy}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
