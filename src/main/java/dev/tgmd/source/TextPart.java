package dev.tgmd.source;

import java.util.Objects;

/**
 * One run of a message's text with its formatting. Telegram exports runs that never overlap, so a
 * message's text is a flat list of parts; concatenating {@link #text()} gives the plain text.
 */
public sealed interface TextPart {

  /** The run's text exactly as exported; never null. */
  String text();

  /** Unformatted text. */
  record Plain(String text) implements TextPart {
    public Plain {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The inline styles a run can carry. */
  enum Style {
    BOLD,
    ITALIC,
    UNDERLINE,
    STRIKETHROUGH,
    SPOILER
  }

  /** Text with one inline style. */
  record Styled(Style style, String text) implements TextPart {
    public Styled {
      Objects.requireNonNull(style, "style");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Inline code. */
  record Code(String text) implements TextPart {
    public Code {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A preformatted block.
   *
   * @param language the language hint; empty when none
   */
  record Pre(String text, String language) implements TextPart {
    public Pre {
      Objects.requireNonNull(text, "text");
      language = language == null ? "" : language;
    }
  }

  /** Text that links to {@code href}. */
  record TextLink(String text, String href) implements TextPart {
    public TextLink {
      Objects.requireNonNull(text, "text");
      href = href == null ? "" : href;
    }
  }

  /** The kinds of text Telegram recognises by itself (the text is the thing). */
  enum EntityType {
    LINK,
    MENTION,
    HASHTAG,
    CASHTAG,
    BOT_COMMAND,
    EMAIL,
    PHONE,
    BANK_CARD
  }

  /** A recognised entity: a URL, @mention, #hashtag, $cashtag, /command, e-mail, phone, card. */
  record Entity(EntityType kind, String text) implements TextPart {
    public Entity {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A mention of a user without a username; {@code userId} is the user's id. */
  record MentionName(String text, long userId) implements TextPart {
    public MentionName {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A quotation; {@code collapsed} when shown folded in Telegram. */
  record Blockquote(String text, boolean collapsed) implements TextPart {
    public Blockquote {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A custom emoji; its text is the ordinary emoji it stands for. */
  record CustomEmoji(String text, String documentId) implements TextPart {
    public CustomEmoji {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An entity type tgmd does not know (a newer export's); rendered as its plain text. */
  record Unknown(String type, String text) implements TextPart {
    public Unknown {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The plain text of a list of parts. */
  static String plainText(java.util.List<TextPart> parts) {
    if (parts.size() == 1) {
      return parts.get(0).text();
    }
    StringBuilder sb = new StringBuilder();
    for (TextPart part : parts) {
      sb.append(part.text());
    }
    return sb.toString();
  }
}
