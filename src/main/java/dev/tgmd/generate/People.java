package dev.tgmd.generate;

import java.util.Locale;

/**
 * The invented users of a generated export: person 0 is the account owner. Names are computed from
 * the index, so nothing is stored per person beyond a small cache.
 */
final class People {

  static final int COUNT = 4096;
  static final long FIRST_USER_ID = 200000000L;

  private static final String[] NAMES = new String[COUNT];
  private static final String[] FIRST = new String[COUNT];
  private static final String[] FROM_IDS = new String[COUNT];
  private static final String[] USERNAMES = new String[COUNT];

  static {
    for (int p = 0; p < COUNT; p++) {
      int lang = lang(p);
      String first;
      String last;
      if (lang == Vocabulary.RUSSIAN) {
        first = Vocabulary.FIRST_RU[p % Vocabulary.FIRST_RU.length];
        last = Vocabulary.LAST_RU[(p / 7) % Vocabulary.LAST_RU.length];
      } else if (lang == Vocabulary.ARABIC) {
        first = Vocabulary.FIRST_AR[p % Vocabulary.FIRST_AR.length];
        last = Vocabulary.LAST_AR[(p / 7) % Vocabulary.LAST_AR.length];
      } else {
        first = Vocabulary.FIRST_EN[p % Vocabulary.FIRST_EN.length];
        last = Vocabulary.LAST_EN[(p / 20) % Vocabulary.LAST_EN.length];
      }
      FIRST[p] = first;
      NAMES[p] = p % 53 == 17 ? first : first + " " + last;
      FROM_IDS[p] = "user" + userId(p);
      String handle = Vocabulary.FIRST_EN[p % Vocabulary.FIRST_EN.length].toLowerCase(Locale.ROOT);
      USERNAMES[p] = "@" + handle + "_" + p;
    }
  }

  private People() {}

  /** The language a person mostly writes in: most English, some Russian, Arabic or mixed. */
  static int lang(int p) {
    int r = Math.floorMod(p * 7 + 3, 20);
    if (r < 14) {
      return Vocabulary.ENGLISH;
    }
    if (r < 17) {
      return Vocabulary.RUSSIAN;
    }
    if (r < 19) {
      return Vocabulary.ARABIC;
    }
    return Vocabulary.MIXED;
  }

  static String name(int p) {
    return NAMES[p];
  }

  static String firstName(int p) {
    return FIRST[p];
  }

  /** The last name, empty for the few people who have none. */
  static String lastName(int p) {
    return NAMES[p].substring(FIRST[p].length()).trim();
  }

  static long userId(int p) {
    return FIRST_USER_ID + p;
  }

  static String fromId(int p) {
    return FROM_IDS[p];
  }

  static String username(int p) {
    return USERNAMES[p];
  }
}
