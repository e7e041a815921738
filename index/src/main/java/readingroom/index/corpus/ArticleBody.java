package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article's own text in a saved page by its content, as Mozilla Readability does
 * (readability4j's port): containers are scored by their prose (paragraphs, commas, text length),
 * less their link density, plus class and id hints, so a promo teaser that happens to be the first
 * {@code <article>} loses to the story. Before scoring, page furniture that names itself (share
 * bars, related and teaser blocks, newsletter and cookie boxes, comments, captions, bios) is
 * removed, because Readability keeps a "related-content" box whose class merely contains "content";
 * after it, link lists left inside the body go too. The trade-off: a site that names its story
 * container "related" would lose it, so no block holding most of the page's prose is ever removed
 * by its name.
 */
final class ArticleBody {

  /** Blocks whose text becomes one line (a paragraph) of the article. */
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr";

  private static final String NEVER_BODY =
      "script, style, noscript, template, nav, header, footer, aside, figure, figcaption,"
          + " iframe, svg, button, input, label, select, textarea, dialog, [hidden], [aria-hidden=true],"
          + " [role=navigation], [role=complementary], [role=contentinfo], [role=banner],"
          + " [role=dialog], [role=alert]";

  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");

  private ArticleBody() {}

  /** The article's paragraphs, one per line with blank lines between, ready for cleaning. */
  static String text(Document page, String url) {
    Document doc = page.clone();
    doc.select(NEVER_BODY).remove();
    // What the page's own style hides, a reader never sees.
    doc.select("[style~=(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden)]").remove();
    removeForms(doc);
    LooseText.wrap(doc.body());
    removeNamedFurniture(doc);
    Element content = null;
    try {
      content = new Readability4JExtended(url, doc.clone()).parse().getArticleContent();
    } catch (RuntimeException e) {
      content = null; // the fallback below still reads the page
    }
    String text = content == null ? "" : lines(content);
    if (!holdsProse(text)) {
      Element root = doc.selectFirst("article, main, [role=main]");
      text = lines(root == null ? doc.body() : root);
    }
    return text;
  }

  /**
   * Search boxes and sign-up forms go, but not a form that holds the story: ASP.NET pages wrap the
   * whole page in one {@code <form>}.
   */
  private static void removeForms(Document doc) {
    int pageProse = proseLength(doc.body());
    for (Element form : doc.body().select("form")) {
      if (form.parent() != null && !holdsMost(proseLength(form), pageProse)) {
        form.remove();
      }
    }
  }

  private static void removeNamedFurniture(Document doc) {
    int pageProse = proseLength(doc.body());
    List<Element> byRole = new ArrayList<>();
    Map<String, List<Element>> byLayout = new LinkedHashMap<>();
    for (Element element : doc.body().getAllElements()) {
      if (element == doc.body()) {
        continue;
      }
      switch (FurnitureName.of(element)) {
        case ROLE -> byRole.add(element);
        case LAYOUT ->
            byLayout
                .computeIfAbsent(
                    element.tagName() + "." + element.className(), k -> new ArrayList<>())
                .add(element);
        case NONE -> {}
      }
    }
    List<Element> junk = new ArrayList<>(byRole);
    for (List<Element> named : byLayout.values()) {
      if (!holdsMost(proseLength(named), pageProse)) {
        junk.addAll(named); // else together they hold most of the page's prose: the story's blocks
      }
    }
    for (Element element : junk) {
      if (element.parent() == null) {
        continue; // inside a block removed already
      }
      if (holdsMost(proseLength(element), pageProse)) {
        continue; // holds most of the page's prose: the story, whatever its name says
      }
      element.remove();
    }
  }

  private static String lines(Element root) {
    StringBuilder body = new StringBuilder();
    for (Element block : root.select(BLOCKS)) {
      // select() holds the block itself: more than one means blocks inside it, taken one by one.
      if (block.is("li, blockquote, tr") && block.select(BLOCKS).size() > 1) {
        continue;
      }
      if (block.parents().stream().anyMatch(p -> p != block && p.is("p, h1, h2, h3, h4, h5, h6"))) {
        continue; // already in its enclosing block's line
      }
      if (isLinkList(block)) {
        continue;
      }
      for (String line : brokenLines(block)) {
        body.append(line).append("\n\n");
      }
    }
    return body.toString();
  }

  /**
   * A block's text, one line for each line break in it: tour dates, an address or a verse set on
   * lines of their own in one paragraph stay on their own lines, as the reader sees them, rather
   * than run together into one; a break inside a sentence does not part it.
   */
  private static List<String> brokenLines(Element block) {
    if (block.selectFirst("br") == null) {
      String line = block.text().strip();
      return line.isEmpty() ? List.of() : List.of(line);
    }
    List<String> lines = new ArrayList<>();
    for (String piece : LINE_BREAK.split(block.html())) {
      String line = Jsoup.parseBodyFragment(piece).text().strip();
      if (line.isEmpty()) {
        continue;
      }
      int last = lines.size() - 1;
      if (last >= 0 && goesOn(lines.get(last), line)) {
        lines.set(last, lines.get(last) + " " + line); // a line wrapped inside a sentence
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Whether a line after a break carries on the sentence before it ("the old library<br>
   * building and ..."): it starts in lower case, or, in a script without case, the line before it
   * did not end a sentence.
   */
  private static boolean goesOn(String before, String after) {
    int first = after.codePointAt(0);
    if (Character.isLowerCase(first)) {
      return true;
    }
    boolean caseless =
        Character.isLetter(first) && !Character.isUpperCase(first) && !Character.isTitleCase(first);
    return caseless && !CleaningRules.endsSentence(before);
  }

  /**
   * A block that is mostly link text and not a sentence of its own: a headline of another story, a
   * list of topics. A sentence with a link in it stays.
   */
  private static boolean isLinkList(Element block) {
    String text = block.text().strip();
    if (text.isEmpty()) {
      return false;
    }
    int linked = 0;
    for (Element a : block.select("a")) {
      linked += a.text().strip().length();
    }
    boolean mostlyLinks = linked * 10 >= text.length() * 6;
    boolean ownSentence = CleaningRules.isProse(text) && linked * 10 < text.length() * 9;
    return mostlyLinks && !ownSentence || block.is("li") && linked * 2 > text.length();
  }

  private static int proseLength(List<Element> roots) {
    Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
    all.addAll(roots);
    int length = 0;
    for (Element root : roots) {
      if (root.parents().stream().noneMatch(all::contains)) {
        length += proseLength(root); // a block inside another of the list is counted with it
      }
    }
    return length;
  }

  /** The text of a block's paragraphs of prose and of its tables' rows: what a story is made of. */
  private static int proseLength(Element root) {
    int length = 0;
    for (Element p : root.select("p")) {
      String text = p.text();
      if (CleaningRules.isProse(text)) {
        length += text.length();
      }
    }
    for (Element row : root.select("tr")) {
      if (row.children().size() >= 2 && row.select("p, tr").size() == 1) {
        length += row.text().length(); // a row of data; rows of a layout table hold paragraphs
      }
    }
    return length;
  }

  /**
   * Whether a block holding {@code prose} of the page's {@code pageProse} characters of prose holds
   * most of it: then it is the story, whatever its name or its tag says.
   */
  private static boolean holdsMost(int prose, int pageProse) {
    return pageProse > 0 && prose * 2 > pageProse;
  }

  /** Whether text of lines holds a paragraph of prose. */
  static boolean holdsProse(String text) {
    return text.lines().anyMatch(CleaningRules::isProse);
  }
}
