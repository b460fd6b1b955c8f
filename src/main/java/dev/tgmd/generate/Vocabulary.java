package dev.tgmd.generate;

/** The invented words, names and snippets the generator draws from. */
final class Vocabulary {

  private Vocabulary() {}

  static final int ENGLISH = 0;
  static final int RUSSIAN = 1;
  static final int ARABIC = 2;
  static final int MIXED = 3;

  static final String[] EN = {
    "the",
    "a",
    "we",
    "you",
    "I",
    "they",
    "it",
    "is",
    "are",
    "was",
    "can",
    "will",
    "should",
    "maybe",
    "really",
    "just",
    "still",
    "also",
    "now",
    "later",
    "today",
    "tomorrow",
    "tonight",
    "at",
    "on",
    "in",
    "from",
    "with",
    "without",
    "for",
    "about",
    "after",
    "before",
    "and",
    "or",
    "but",
    "so",
    "if",
    "when",
    "where",
    "who",
    "what",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "ok",
    "sure",
    "thanks",
    "please",
    "sorry",
    "great",
    "nice",
    "cool",
    "fine",
    "good",
    "bad",
    "late",
    "early",
    "meet",
    "bring",
    "send",
    "share",
    "call",
    "check",
    "book",
    "buy",
    "pay",
    "pick",
    "drive",
    "walk",
    "ride",
    "cook",
    "read",
    "write",
    "fix",
    "try",
    "plan",
    "list",
    "trip",
    "trail",
    "map",
    "route",
    "hut",
    "lake",
    "river",
    "bridge",
    "forest",
    "valley",
    "summit",
    "camp",
    "tent",
    "stove",
    "boots",
    "jacket",
    "rain",
    "snow",
    "sun",
    "wind",
    "weather",
    "forecast",
    "train",
    "bus",
    "ticket",
    "station",
    "car",
    "bike",
    "coffee",
    "tea",
    "bread",
    "cheese",
    "apples",
    "chocolate",
    "soup",
    "dinner",
    "lunch",
    "breakfast",
    "photo",
    "video",
    "file",
    "link",
    "note",
    "draft",
    "version",
    "meeting",
    "agenda",
    "budget",
    "invoice",
    "receipt",
    "price",
    "update",
    "news",
    "question",
    "answer",
    "idea",
    "problem",
    "friend",
    "team",
    "club",
    "group",
    "everyone",
    "somebody",
    "nobody",
    "again",
    "soon",
    "home",
    "office",
    "weekend",
    "Monday",
    "Friday",
    "Saturday",
    "morning",
    "evening",
    "night",
    "hour",
    "minute",
    "week",
    "month",
    "year",
    "first",
    "last",
    "next",
    "other",
    "same",
    "new",
    "old",
    "big",
    "small",
    "long",
    "short",
    "fast",
    "slow",
    "quiet",
    "ready",
    "done",
    "open",
    "closed",
    "free"
  };

  static final String[] RU = {
    "привет",
    "да",
    "нет",
    "спасибо",
    "пожалуйста",
    "завтра",
    "сегодня",
    "вчера",
    "встреча",
    "в",
    "на",
    "с",
    "и",
    "или",
    "но",
    "утром",
    "вечером",
    "погода",
    "дождь",
    "снег",
    "солнце",
    "палатка",
    "маршрут",
    "озеро",
    "гора",
    "река",
    "мост",
    "лес",
    "чай",
    "кофе",
    "хлеб",
    "сыр",
    "отлично",
    "хорошо",
    "давай",
    "может",
    "быстро",
    "медленно",
    "друзья",
    "фото",
    "ссылка",
    "план",
    "поезд",
    "билет",
    "вокзал",
    "карта",
    "ужин",
    "обед",
    "завтрак",
    "все",
    "кто",
    "что",
    "где",
    "когда",
    "почему",
    "уже",
    "ещё",
    "потом",
    "сейчас",
    "неделя",
    "месяц",
    "суббота"
  };

  static final String[] AR = {
    "مرحبا", "شكرا", "نعم", "لا", "غدا", "اليوم", "أمس", "الطريق", "الجبل", "البحيرة", "النهر",
    "الجسر", "الغابة", "خيمة", "ماء", "شاي", "قهوة", "خبز", "صورة", "رابط", "خطة", "صباحا", "مساء",
    "جميل", "ممتاز", "ربما", "القطار", "تذكرة", "المحطة", "خريطة", "عشاء", "غداء", "الجميع", "من",
    "متى", "أين", "لماذا", "الآن", "بعد", "قبل", "الأسبوع", "الشهر", "السبت"
  };

  static final String[] EMOJI = {
    "😀",
    "😂",
    "🙂",
    "😅",
    "😍",
    "🤔",
    "😴",
    "👍",
    "👋",
    "🙏",
    "🔥",
    "🎉",
    "❤️",
    "⛺",
    "🏔️",
    "🌧️",
    "☀️",
    "❄️",
    "🥾",
    "🗺️",
    "☕",
    "🍫",
    "🚆",
    "🚲",
    "📸",
    "📎",
    "✅",
    "👨‍👩‍👧",
    "🏳️‍🌈",
    "🇳🇴"
  };

  /** Plain text that a naive Markdown converter would break. */
  static final String[] MARKDOWN_TRAPS = {
    "*stars*",
    "_under_",
    "**double**",
    "[a](b)",
    "`tick`",
    "``two``",
    "<b>html</b>",
    "&amp;",
    "a \\ b",
    "|pipes|",
    "~~tilde~~",
    "2 * 3 = 6",
    "snake_case_name",
    "<https://x.y>",
    "[[wiki]]",
    "==mark==",
    "%%comment%%",
    "^caret",
    "café",
    "e\u0301",
    "\u202Eevil\u202C",
    "\u200Bzero"
  };

  /** Markdown syntax that only bites at the start of a line. */
  static final String[] LINE_START_TRAPS = {
    "# not a heading", "> not a quote", "1. not a list", "- not a bullet", "+ plus", "---",
    "```", "    four spaces", "| a | b |", "<div>", "=== ", "#hashtag-looking"
  };

  static final String[] CODE = {
    "npm run build",
    "x += 1",
    "git push --force",
    "SELECT * FROM trips;",
    "a `tick` b",
    "snake_case",
    "**not bold**",
    "<br>",
    "C:\\Users\\trail",
    "ls -la | grep .gpx",
    "[x](y)"
  };

  static final String[] PRE = {
    "for (int i = 0; i < n; i++) {\n  sum += i;\n}",
    "def hike(km):\n    return km * 1.2\n",
    "```\nnested fence\n```",
    "SELECT name, COUNT(*)\n  FROM members\n GROUP BY name;",
    "{\n  \"trail\": \"north\",\n  \"km\": 12\n}",
    "#!/bin/sh\necho \"*not* markdown\"",
    "    indented\n\ttabbed\n~~~\nfence too"
  };

  static final String[] PRE_LANGUAGES = {"", "", "", "java", "python", "bash", "json", "sql"};

  static final String[] CASHTAGS = {"$USD", "$EUR", "$BTC", "$TON", "$HIKE"};
  static final String[] BOT_COMMANDS = {"/start", "/help", "/weather@trailbot", "/stats", "/poll"};
  static final String[] BANK_CARDS = {"4242 4242 4242 4242", "5555 5555 5555 4444"};

  static final String[] FIRST_EN = {
    "Avery", "Robin", "Jordan", "Casey", "Morgan", "Riley", "Quinn", "Sage", "Rowan", "Emery",
    "Harper", "Jonas", "Priya", "Mateo", "Lena", "Tomas", "Ines", "Noor", "Kai", "Dana"
  };
  static final String[] LAST_EN = {
    "Stone",
    "Fernwood",
    "Hollis",
    "Marsh",
    "Quill",
    "Berg",
    "Okafor",
    "Lindqvist",
    "Whitlock",
    "Ashby",
    "Calder",
    "Nandakumar",
    "Ruiz",
    "Brook",
    "Thorne",
    "Vale"
  };
  static final String[] FIRST_RU = {"Мила", "Иван", "Ольга", "Пётр", "Анна", "Сергей", "Вера"};
  static final String[] LAST_RU = {"Соколова", "Орлов", "Лебедева", "Волков", "Зайцева"};
  static final String[] FIRST_AR = {"ليلى", "سمير", "نور", "كريم", "هدى", "يوسف"};
  static final String[] LAST_AR = {"حداد", "خوري", "نصار", "عيسى"};

  static final String[] GROUP_NAMES = {
    "Book Club", "Weekend Climbers", "Flat 4B", "Choir Altos", "Board Games Thursday",
    "Кофейня на углу", "نادي الشطرنج", "Garden Plot 12", "Family 👨‍👩‍👧", "Project Lantern"
  };
  static final String[] CHANNEL_NAMES = {
    "Lantern Trail News", "Daily Forecast", "Recipes & Rants", "Новости района"
  };
  static final String[] TOPIC_TITLES = {
    "Gear swap",
    "Route ideas",
    "Meetups",
    "Photos",
    "Off-topic",
    "Маршруты",
    "رحلات",
    "Help & questions",
    "Carpooling",
    "Trail reports",
    "Announcements",
    "Food"
  };

  static final String[] DOCUMENT_NAMES = {
    "trip-plan.pdf",
    "budget 2021.xlsx",
    "IMG_4512.HEIC",
    "notes.txt",
    "map.gpx",
    "minutes.docx",
    "archive.zip",
    "scan 03.pdf",
    "Квитанция.pdf",
    "خطة الرحلة.pdf",
    "report.final.v2.docx",
    "slides.pptx",
    "checklist.md",
    "photo-list.csv",
    "readme"
  };
  static final String[] ANIMATION_NAMES = {"giphy.mp4", "dance.mp4", "cat-typing.mp4", "yes.mp4"};
  static final String[][] SONGS = {
    {"The Lantern Hikers", "Campfire Song"},
    {"Moss & Fern", "Up the Ridge"},
    {"Квартет Север", "Дорога"},
    {"Nightjar", "Slow River"}
  };

  static final String[][] CONTACTS = {
    {"Hollowvale", "Ranger Station", "+1 555 0199"},
    {"Mountain", "Rescue", "+1 555 0112"},
    {"Tomas", "Brook", "+1 555 0147"},
    {"Вера", "Зайцева", "+7 555 010 20 30"}
  };

  static final String[][] VENUES = {
    {"Misty Ridge Hut", "Trailhead Road 7, Hollowvale"},
    {"Café Lantern", "Market Square 3"},
    {"North Station", "Platform 3"}
  };

  static final String[] STICKER_EMOJI = {"🥾", "😂", "👍", "⛺", "🔥", "😴", "🎉", "🙈"};

  /** Actions no tdesktop writes (yet): they must still render as a readable line. */
  static final String[] FUTURE_ACTIONS = {"hologram_call_started", "topic_poster_set"};
}
