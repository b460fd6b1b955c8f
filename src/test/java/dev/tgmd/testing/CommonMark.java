package dev.tgmd.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads tgmd's Markdown back with commonmark-java (GFM strikethrough and tables), as a user's tool
 * would.
 */
public final class CommonMark {

  private static final List<Extension> EXTENSIONS =
      List.of(StrikethroughExtension.create(), TablesExtension.create());
  private static final Parser PARSER =
      Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f\\u000B]+");

  private CommonMark() {}

  public static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /**
   * The text a reader sees: literal text of text, code and code blocks; tags dropped; blocks on
   * lines.
   */
  public static String text(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }

          @Override
          public void visit(FencedCodeBlock block) {
            sb.append('\n').append(block.getLiteral()).append('\n');
          }

          @Override
          public void visit(IndentedCodeBlock block) {
            sb.append('\n').append(block.getLiteral()).append('\n');
          }

          @Override
          public void visit(HtmlBlock block) {
            sb.append('\n').append(block.getLiteral()).append('\n');
          }

          @Override
          public void visit(SoftLineBreak b) {
            sb.append('\n');
          }

          @Override
          public void visit(HardLineBreak b) {
            sb.append('\n');
          }

          @Override
          protected void visitChildren(Node parent) {
            if (parent instanceof Block && !(parent instanceof Document)) {
              sb.append('\n');
            }
            super.visitChildren(parent);
            if (parent instanceof Block && !(parent instanceof Document)) {
              sb.append('\n');
            }
          }
        });
    return sb.toString();
  }

  /** Whitespace runs folded to one space, ends trimmed. */
  public static String fold(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").trim();
  }

  /** The folded text of a Markdown document. */
  public static String foldedText(String markdown) {
    return fold(text(parse(markdown)));
  }

  /** The simple class names of every node in the document, for structural assertions. */
  public static Set<String> nodeTypes(Node root) {
    Set<String> types = new java.util.TreeSet<>();
    walk(root, n -> types.add(n.getClass().getSimpleName()));
    return types;
  }

  /** Link destinations in document order. */
  public static List<String> linkDestinations(Node root) {
    List<String> out = new ArrayList<>();
    walk(
        root,
        n -> {
          if (n instanceof Link) {
            out.add(((Link) n).getDestination());
          }
        });
    return out;
  }

  public static void walk(Node node, java.util.function.Consumer<Node> visitor) {
    visitor.accept(node);
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      walk(child, visitor);
    }
  }
}
