package dev.tgmd.generate;

/**
 * Makes message texts: mostly short, some long with newlines; English with some Russian, Arabic
 * (RTL), emoji, a little Markdown syntax and, rarely, control characters. A formatted text is a
 * sequence of runs (plain or an entity with its extra field), like tdesktop's {@code text} array.
 * Reuses its buffers: one instance per generated chat, read a text before making the next.
 */
final class TextMaker {

  static final String[] ENTITY_TYPES = {
    "bold",
    "italic",
    "underline",
    "strikethrough",
    "spoiler",
    "code",
    "pre",
    "text_link",
    "link",
    "mention",
    "mention_name",
    "hashtag",
    "cashtag",
    "bot_command",
    "email",
    "phone",
    "blockquote",
    "bank_card",
    "custom_emoji",
    "unknown"
  };
  private static final int[] ENTITY_WEIGHTS = {
    16, 10, 4, 4, 4, 8, 5, 8, 10, 8, 4, 6, 2, 3, 2, 2, 3, 1, 4, 1
  };
  private static final int[] ENTITY_CUMULATIVE = new int[ENTITY_WEIGHTS.length];
  private static final int ENTITY_TOTAL;

  static {
    int sum = 0;
    for (int i = 0; i < ENTITY_WEIGHTS.length; i++) {
      sum += ENTITY_WEIGHTS[i];
      ENTITY_CUMULATIVE[i] = sum;
    }
    ENTITY_TOTAL = sum;
  }

  static final int MAX_RUNS = 12;

  private final Rng rng;
  private final StringBuilder sb = new StringBuilder(4096);

  /** Runs of the last formatted text; a null type is a plain run. */
  final String[] runType = new String[MAX_RUNS];

  final String[] runText = new String[MAX_RUNS];

  /** The entity's extra value: language, href, user_id, document_id or collapsed; or null. */
  final Object[] runExtra = new Object[MAX_RUNS];

  int runs;

  TextMaker(Rng rng) {
    this.rng = rng;
  }

  /** A plain text of a typical length in the writer's language. */
  String plain(int lang) {
    return plain(lang, wordCount());
  }

  /** A short plain text (captions, quotes). */
  String shortPlain(int lang) {
    return plain(lang, 1 + rng.nextInt(8));
  }

  private int wordCount() {
    double r = rng.nextDouble();
    if (r < 0.64) {
      return 2 + rng.nextInt(8);
    }
    if (r < 0.90) {
      return 10 + rng.nextInt(14);
    }
    if (r < 0.99) {
      return 24 + rng.nextInt(50);
    }
    return 60 + rng.nextInt(200);
  }

  private String plain(int lang, int words) {
    sb.setLength(0);
    int sentence = 0;
    int line = 0;
    for (int w = 0; w < words; w++) {
      String word = word(lang);
      if (sentence == 0 && !word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        sb.append(word);
      }
      sentence++;
      line++;
      boolean end = w == words - 1;
      if (sentence > 3 && rng.chance(0.18) || end) {
        sb.append(punctuation());
        if (rng.chance(0.12)) {
          sb.append(' ').append(rng.pick(Vocabulary.EMOJI));
        }
        sentence = 0;
        if (!end && line > 14 && rng.chance(0.5)) {
          sb.append(rng.chance(0.5) ? "\n" : "\n\n");
          line = 0;
          if (rng.chance(0.1)) {
            sb.append(rng.pick(Vocabulary.LINE_START_TRAPS)).append('\n');
          }
          continue;
        }
      } else if (rng.chance(0.04)) {
        sb.append(',');
      }
      if (!end) {
        sb.append(' ');
      }
    }
    if (rng.chance(0.03)) {
      sb.insert(insertionPoint(), ' ' + rng.pick(Vocabulary.MARKDOWN_TRAPS) + ' ');
    }
    if (rng.chance(0.01)) {
      sb.insert(0, rng.pick(Vocabulary.LINE_START_TRAPS) + "\n");
    }
    if (rng.chance(0.0008)) {
      // tdesktop writes these as the illegal \xHH escape.
      char control = rng.chance(0.7) ? '\u0007' : '\u001b';
      sb.insert(insertionPoint(), control);
    }
    return sb.toString();
  }

  /** A random position in {@link #sb} that does not split a surrogate pair. */
  private int insertionPoint() {
    int at = rng.nextInt(sb.length() + 1);
    if (at > 0 && at < sb.length() && Character.isLowSurrogate(sb.charAt(at))) {
      at--;
    }
    return at;
  }

  private String word(int lang) {
    int l = lang == Vocabulary.MIXED ? rng.nextInt(3) : lang;
    if (l != Vocabulary.ENGLISH && rng.chance(0.08)) {
      l = Vocabulary.ENGLISH;
    }
    switch (l) {
      case Vocabulary.RUSSIAN:
        return rng.pick(Vocabulary.RU);
      case Vocabulary.ARABIC:
        return rng.pick(Vocabulary.AR);
      default:
        return rng.pick(Vocabulary.EN);
    }
  }

  private String punctuation() {
    int r = rng.nextInt(20);
    if (r < 12) {
      return ".";
    }
    if (r < 15) {
      return "!";
    }
    if (r < 18) {
      return "?";
    }
    return r == 18 ? "..." : "";
  }

  /**
   * Makes a formatted text into the runs: plain runs alternating with at least one entity.
   *
   * @param member a person of the chat, for {@code mention_name}
   */
  void formatted(int lang, int member) {
    runs = 0;
    int entities = 1 + rng.nextInt(rng.chance(0.85) ? 2 : 4);
    if (rng.chance(0.7)) {
      plainRun(lang);
    }
    for (int e = 0; e < entities && runs < MAX_RUNS - 1; e++) {
      entityRun(lang, member);
      if (rng.chance(0.65)) {
        plainRun(lang);
      }
    }
  }

  private void plainRun(int lang) {
    String text = plain(lang, 1 + rng.nextInt(rng.chance(0.85) ? 6 : 20));
    add(null, runs == 0 ? text + " " : " " + text + " ", null);
  }

  private void entityRun(int lang, int member) {
    int pick = rng.nextInt(ENTITY_TOTAL);
    int i = 0;
    while (ENTITY_CUMULATIVE[i] <= pick) {
      i++;
    }
    String type = ENTITY_TYPES[i];
    switch (type) {
      case "code":
        add(type, rng.pick(Vocabulary.CODE), null);
        break;
      case "pre":
        add(type, rng.pick(Vocabulary.PRE), rng.pick(Vocabulary.PRE_LANGUAGES));
        break;
      case "text_link":
        add(type, shortPlain(lang), href());
        break;
      case "link":
        String page = rng.pick(Vocabulary.EN);
        add(type, "https://example.com/" + page + "?id=" + rng.nextInt(100000), null);
        break;
      case "mention":
        add(type, People.username(rng.nextInt(People.COUNT)), null);
        break;
      case "mention_name":
        add(type, People.firstName(member), People.userId(member));
        break;
      case "hashtag":
        add(type, "#" + word(lang), null);
        break;
      case "cashtag":
        add(type, rng.pick(Vocabulary.CASHTAGS), null);
        break;
      case "bot_command":
        add(type, rng.pick(Vocabulary.BOT_COMMANDS), null);
        break;
      case "email":
        String user = rng.pick(Vocabulary.EN).toLowerCase(java.util.Locale.ROOT);
        add(type, user + rng.nextInt(100) + "@example.com", null);
        break;
      case "phone":
        add(type, "+1 555 01" + (10 + rng.nextInt(90)), null);
        break;
      case "blockquote":
        add(type, plain(lang, 4 + rng.nextInt(16)), rng.chance(0.3) ? Boolean.TRUE : null);
        break;
      case "bank_card":
        add(type, rng.pick(Vocabulary.BANK_CARDS), null);
        break;
      case "custom_emoji":
        long documentId = 5300000000000000000L + rng.nextInt(1 << 30);
        add(type, rng.pick(Vocabulary.EMOJI), Long.toString(documentId));
        break;
      case "bold":
      case "italic":
      case "underline":
      case "strikethrough":
      case "spoiler":
      case "unknown":
        add(type, shortPlain(lang), null);
        break;
      default:
        throw new IllegalStateException("entity type without a text: " + type);
    }
  }

  private String href() {
    String path = rng.pick(Vocabulary.EN);
    switch (rng.nextInt(8)) {
      case 0:
        return "https://example.org/" + path + " with spaces/(" + rng.nextInt(10) + ")";
      case 1:
        return "https://example.org/" + path + "?a=<b>&c=" + rng.nextInt(100);
      default:
        return "https://example.org/" + path + "/" + rng.nextInt(10000);
    }
  }

  private void add(String type, String text, Object extra) {
    runType[runs] = type;
    runText[runs] = text;
    runExtra[runs] = extra;
    runs++;
  }
}
