package dev.tgmd.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgmd.source.TextPart;
import dev.tgmd.source.TextPart.EntityType;
import dev.tgmd.source.TextPart.Style;
import dev.tgmd.testing.CommonMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The renderer's promise: read back by a CommonMark parser, a message's text comes out exactly as
 * Telegram had it (whitespace folded), however much Markdown syntax it contains.
 */
class MarkdownTextRoundTripTest {

  /** Pieces of text that break naive Markdown converters. */
  private static final String[] TRICKY = {
    "*",
    "**",
    "_",
    "__",
    "#",
    "# ",
    "## ",
    ">",
    "> ",
    "- ",
    "-",
    "+ ",
    "* ",
    "1. ",
    "1) ",
    "10.",
    "[a](b)",
    "[x]",
    "![i](j)",
    "[[wiki]]",
    "![[embed]]",
    "`",
    "``",
    "```",
    "````",
    "~~~",
    "<b>",
    "</b>",
    "<div>",
    "<!--",
    "-->",
    "&amp;",
    "&#32;",
    "&copy",
    "&",
    "\\",
    "\\*",
    "|",
    "|a|b|",
    "|---|---|",
    "~~",
    "~",
    "---",
    "***",
    "___",
    "===",
    "    ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n   \n",
    "\r\n",
    "!",
    "==",
    "%%",
    "^",
    "^block",
    "$",
    "$x$",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "שלום",
    "مرحبا بك",
    "e\u0301",
    "\u200f",
    "\u202e",
    "\u00a0",
    "a",
    "word",
    "snake_case",
    "x",
    " ",
    "<",
    ">",
    ":",
    "(",
    ")",
    "http://example.com/a_(b)",
    "www.example.com",
    "<http://x.y>",
    "@user",
    "#tag",
    "\u0007",
    "\u001b",
    "\u0000",
    "\u007f",
    "\u0085",
    "a\tb",
    "中文",
    "{",
    "}",
    "\"",
    "'",
    ".",
    "1",
    "2024",
    "=",
    "+",
  };

  private static String randomText(Random r, int maxTokens) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(maxTokens);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(4) == 0 ? "lorem" : TRICKY[r.nextInt(TRICKY.length)]);
    }
    return sb.toString();
  }

  private static TextPart randomPart(Random r) {
    String text = randomText(r, 6);
    switch (r.nextInt(17)) {
      case 0:
      case 1:
      case 2:
        return new TextPart.Plain(text);
      case 3:
        return new TextPart.Styled(Style.BOLD, text);
      case 4:
        return new TextPart.Styled(Style.ITALIC, text);
      case 5:
        return new TextPart.Styled(Style.UNDERLINE, text);
      case 6:
        return new TextPart.Styled(Style.STRIKETHROUGH, text);
      case 7:
        return new TextPart.Styled(Style.SPOILER, text);
      case 8:
        return new TextPart.Code(text);
      case 9:
        return new TextPart.Pre(text, r.nextBoolean() ? "" : "java`x y");
      case 10:
        return new TextPart.TextLink(text, randomUrl(r));
      case 11:
        return new TextPart.Entity(
            EntityType.values()[r.nextInt(EntityType.values().length)], text);
      case 12:
        return new TextPart.Blockquote(text, r.nextBoolean());
      case 13:
        return new TextPart.CustomEmoji(text, "5368324170671202286");
      case 14:
        return new TextPart.MentionName(text, 42);
      case 15:
        return new TextPart.Entity(EntityType.MENTION, "@user_" + r.nextInt(100));
      default:
        return new TextPart.Unknown("future_entity", text);
    }
  }

  private static String randomUrl(Random r) {
    String[] urls = {
      "https://example.com/a b",
      "https://example.com/(x)",
      "https://e.com/<tag>",
      "https://e.com/\\",
      "tg://user?id=1",
      "https://e.com/a)b(",
      "https://e.com/`q`",
      "https://e.com/?q=[1]",
      ""
    };
    return urls[r.nextInt(urls.length)];
  }

  static String expected(List<TextPart> parts) {
    String plain = TextPart.plainText(parts).replace('\0', '\uFFFD');
    return CommonMark.fold(MarkdownText.normalizeNewlines(plain));
  }

  private static void assertRoundTrip(List<TextPart> parts, String context) {
    String markdown = MarkdownText.render(parts);
    Node doc = CommonMark.parse(markdown);
    String actual = CommonMark.fold(CommonMark.text(doc));
    assertThat(actual)
        .as("%s%nparts: %s%nmarkdown:%n%s", context, parts, markdown)
        .isEqualTo(expected(parts));
    Set<String> types = CommonMark.nodeTypes(doc);
    assertThat(types)
        .as("%s%nno structure the text did not have; markdown:%n%s", context, markdown)
        .doesNotContain(
            "Heading",
            "BulletList",
            "OrderedList",
            "ThematicBreak",
            "TableBlock",
            "HtmlBlock",
            "IndentedCodeBlock",
            "Image",
            "LinkReferenceDefinition");
  }

  @Test
  void randomTextsFullOfMarkdownSyntaxRoundTrip() {
    long seed = Long.getLong("roundtrip.seed", 20261128L);
    Random r = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      int n = 1 + r.nextInt(6);
      List<TextPart> parts = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        parts.add(randomPart(r));
      }
      assertRoundTrip(parts, "seed " + seed + " case " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*not emphasis*",
        "_not emphasis_",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list",
        "[a](b)",
        "`not code`",
        "<b>not bold</b>",
        "&amp; stays &amp;",
        "back\\slash",
        "|a|b|\n|---|---|\n|1|2|",
        "~~not struck~~",
        "---",
        "    four spaces",
        "trailing  \nspaces",
        "Title\n===",
        "Title\n---",
        "a\n\n\n\nb",
        "```\nfence\n```",
        "==highlight== %%comment%% ^id $x$",
        "[[wiki]] ![[embed]]",
        "👍🏽 שלום مرحبا e\u0301",
        "+ plus",
        "\tTab",
        "snake_case_name",
      })
  void plainTextWithMarkdownSyntaxStaysText(String text) {
    assertRoundTrip(List.of(new TextPart.Plain(text)), text);
  }

  @Test
  void controlCharactersBecomeEntitiesBetweenUntouchedRuns() {
    String md =
        MarkdownText.render(
            List.of(new TextPart.Plain("tab\there, next\u0085line, del\u007f, bell\u0007 ok")));
    assertThat(md).isEqualTo("tab&#9;here, next&#133;line, del&#127;, bell&#7; ok");
  }

  @Test
  void boldAndItalicUseMarkdownWhenSafe() {
    String md =
        MarkdownText.render(
            List.of(
                new TextPart.Plain("a "),
                new TextPart.Styled(Style.BOLD, "bold"),
                new TextPart.Plain(" and "),
                new TextPart.Styled(Style.ITALIC, "italic"),
                new TextPart.Plain(" and "),
                new TextPart.Styled(Style.STRIKETHROUGH, "gone")));
    assertThat(md).isEqualTo("a **bold** and *italic* and ~~gone~~");
  }

  @Test
  void punctuationAtTheEdgesFallsBackToHtml() {
    String md =
        MarkdownText.render(
            List.of(
                new TextPart.Plain("x"),
                new TextPart.Styled(Style.BOLD, "(y)"),
                new TextPart.Plain("z")));
    assertThat(md).isEqualTo("x<b>(y)</b>z");
    assertThat(CommonMark.foldedText(md)).isEqualTo("x(y)z");
  }

  @Test
  void whitespaceMovesOutsideTheDelimiters() {
    String md =
        MarkdownText.render(
            List.of(
                new TextPart.Plain("a"),
                new TextPart.Styled(Style.BOLD, " b "),
                new TextPart.Plain("c")));
    assertThat(md).isEqualTo("a **b** c");
  }

  @Test
  void preBlocksUseAFenceLongerThanTheirBackticks() {
    String md =
        MarkdownText.render(
            List.of(
                new TextPart.Plain("see:\n"),
                new TextPart.Pre("a\n```\nb", "python"),
                new TextPart.Plain("\nafter")));
    assertThat(md).isEqualTo("see:\n\n````python\na\n```\nb\n````\n\nafter");
  }

  @Test
  void codeSpansPadAroundBackticks() {
    String md = MarkdownText.render(List.of(new TextPart.Plain("x "), new TextPart.Code("`a`")));
    assertThat(md).isEqualTo("x `` `a` ``");
    assertThat(CommonMark.foldedText(md)).isEqualTo("x `a`");
  }

  @Test
  void linkDestinationsKeepSpacesParenthesesAndAngleBrackets() {
    for (String href :
        List.of(
            "https://e.com/a b", "https://e.com/(x)", "https://e.com/<t>", "https://e.com/a)b(")) {
      String md = MarkdownText.render(List.of(new TextPart.TextLink("here", href)));
      assertThat(CommonMark.linkDestinations(CommonMark.parse(md))).as(md).containsExactly(href);
    }
  }

  @Test
  void lineBreaksAreHardBreaksAndBlankLinesParagraphs() {
    String md = MarkdownText.render(List.of(new TextPart.Plain("one\ntwo\n\nthree")));
    assertThat(md).isEqualTo("one  \ntwo\n\nthree");
  }

  @Test
  void wholeLineQuotesBecomeBlockquotes() {
    String md =
        MarkdownText.render(
            List.of(
                new TextPart.Plain("He said:\n"),
                new TextPart.Blockquote("# first\nsecond", false),
                new TextPart.Plain("\nok")));
    assertThat(md).isEqualTo("He said:\n\n> \\# first  \n> second\n\nok");
    assertThat(CommonMark.nodeTypes(CommonMark.parse(md))).contains("BlockQuote");
  }

  @Test
  void controlCharactersSurviveAsCharacterReferences() {
    String md = MarkdownText.render(List.of(new TextPart.Plain("bell\u0007here")));
    assertThat(md).isEqualTo("bell&#7;here");
    assertThat(CommonMark.foldedText(md)).isEqualTo("bell\u0007here");
  }
}
