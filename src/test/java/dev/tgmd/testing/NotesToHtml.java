package dev.tgmd.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders notes to HTML pages beside them, to look at in a browser (screenshots of the notes):
 * {@code NotesToHtml NOTE.md...}. A CommonMark note is rendered as it is; in an Obsidian note,
 * embeds and wikilinks become images and links and block ids are hidden, roughly as Obsidian's
 * reading view shows them. A tool of the tests, kept out of tgmd's jar.
 */
public final class NotesToHtml {

  private static final Pattern EMBED = Pattern.compile("!\\[\\[([^\\]|]+)(?:\\|(\\d+))?\\]\\]");
  private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]|]*)(?:\\|([^\\]]*))?\\]\\]");
  private static final Pattern BLOCK_ID = Pattern.compile("(?m)(^| )\\^m[0-9-]+$");
  private static final String STYLE =
      "body{font:16px/1.5 system-ui,sans-serif;max-width:860px;margin:24px auto;color:#222}"
          + "blockquote{border-left:3px solid #7c5cff;margin:10px 0;padding:2px 14px;"
          + "background:#f6f4ff}blockquote blockquote{border-color:#aaa;background:#eee}"
          + "details{display:inline-block;background:#ddd;border-radius:4px;padding:0 4px}"
          + "h2{border-bottom:1px solid #ddd;font-size:1.1em;margin-top:28px}"
          + "img{border-radius:6px}";

  private NotesToHtml() {}

  public static void main(String[] args) throws IOException {
    Parser parser = Parser.builder().extensions(List.of(StrikethroughExtension.create())).build();
    HtmlRenderer html =
        HtmlRenderer.builder().extensions(List.of(StrikethroughExtension.create())).build();
    for (String arg : args) {
      Path note = Path.of(arg);
      String md = Files.readString(note, StandardCharsets.UTF_8);
      md = md.replaceFirst("(?s)^---\n.*?\n---\n", "");
      md = BLOCK_ID.matcher(md).replaceAll("");
      Matcher e = EMBED.matcher(md);
      StringBuilder sb = new StringBuilder();
      while (e.find()) {
        String path = e.group(1);
        String width = e.group(2) == null ? "" : " width=\"" + e.group(2) + "\"";
        String tag =
            path.matches("(?i).*\\.(jpe?g|png|webp|gif)$")
                ? "<img src=\"" + path + "\"" + width + ">"
                : path.matches("(?i).*\\.(mp4|webm)$")
                    ? "<video controls src=\"" + path + "\"></video>"
                    : "<audio controls src=\"" + path + "\"></audio>";
        e.appendReplacement(sb, Matcher.quoteReplacement(tag));
      }
      e.appendTail(sb);
      Matcher l = LINK.matcher(sb.toString());
      StringBuilder linked = new StringBuilder();
      while (l.find()) {
        String target = l.group(1);
        String label = l.group(2) == null ? target : l.group(2);
        l.appendReplacement(
            linked,
            Matcher.quoteReplacement(
                "<a href=\"" + target.replace("#", ".html#") + "\">" + label + "</a>"));
      }
      l.appendTail(linked);
      String body = html.render(parser.parse(linked.toString()));
      Path out = note.resolveSibling(note.getFileName().toString().replaceFirst("\\.md$", ".html"));
      Files.writeString(
          out,
          "<!doctype html><meta charset=utf-8><style>" + STYLE + "</style>" + body,
          StandardCharsets.UTF_8);
    }
  }
}
