package dev.tgmd.generate;

/**
 * What an ordinary message holds besides its text: each kind is drawn with a fixed probability,
 * text alone taking the rest (about 89%).
 */
enum MessageContent {
  TEXT(0),
  PHOTO(0.040),
  DOCUMENT(0.055),
  VOICE(0.068),
  ROUND(0.072),
  VIDEO(0.075),
  AUDIO(0.077),
  ANIMATION(0.080),
  STICKER(0.095),
  POLL(0.098),
  LOCATION(0.101),
  VENUE(0.102),
  CONTACT(0.104),
  GAME(0.1045),
  INVOICE(0.105),
  TODO(0.1055);

  private static final MessageContent[] VALUES = values();

  /** The cumulative probability of this kind and the kinds before it, TEXT aside. */
  private final double cumulative;

  MessageContent(double cumulative) {
    this.cumulative = cumulative;
  }

  /** Draws the content of the next ordinary message. */
  static MessageContent draw(Rng rng) {
    double r = rng.nextDouble();
    for (int k = 1; k < VALUES.length; k++) {
      if (r < VALUES[k].cumulative) {
        return VALUES[k];
      }
    }
    return TEXT;
  }
}
