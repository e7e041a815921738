package readingroom.index.corpus;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Renders Markdown to the text a reader of the rendered page sees, one block per line: no {@code
 * **}, no {@code [text](url)}, no escapes. Quotes are cut from this text, so every quote reads as
 * the page does and its text fragment matches it. Images are left out (their alt text is not prose
 * on the page); an HTML block contributes its visible text.
 */
final class MarkdownText {

  private static final Parser PARSER = Parser.builder().build();

  private MarkdownText() {}

  static String render(String markdown) {
    Node document = PARSER.parse(markdown);
    Blocks blocks = new Blocks();
    document.accept(blocks);
    return blocks.out.toString();
  }

  /** Writes each paragraph, heading and code block as one line followed by a blank line. */
  private static final class Blocks extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void visit(Paragraph paragraph) {
      line(inline(paragraph));
    }

    @Override
    public void visit(Heading heading) {
      line(inline(heading));
    }

    @Override
    public void visit(BlockQuote quote) {
      visitChildren(quote);
    }

    @Override
    public void visit(FencedCodeBlock code) {
      code.getLiteral().lines().forEach(this::line);
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      code.getLiteral().lines().forEach(this::line);
    }

    @Override
    public void visit(HtmlBlock html) {
      line(Jsoup.parse(html.getLiteral()).text());
    }

    private void line(String text) {
      String line = text.strip();
      if (!line.isEmpty()) {
        out.append(line).append("\n\n");
      }
    }
  }

  private static String inline(Node block) {
    Inline inline = new Inline();
    Node child = block.getFirstChild();
    while (child != null) {
      child.accept(inline);
      child = child.getNext();
    }
    return inline.out.toString().replaceAll("\\s+", " ");
  }

  /** Collects the visible text of a block's inline content. */
  private static final class Inline extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void visit(Text text) {
      out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(Image image) {
      // not prose: the picture is shown, not its description
    }

    @Override
    public void visit(HtmlInline html) {
      // a tag such as <br> or <span>; its text, if any, is in the neighbouring Text nodes
    }
  }
}
