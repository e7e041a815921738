package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Gives paragraphs to text that has none: many blogs and older pages write a story as text straight
 * inside a {@code <div>}, paragraphs parted by {@code <br><br>}, with no {@code <p>} at all. Such
 * text is wrapped in {@code <p>} elements, one per paragraph, so that it is read (and weighed as
 * prose) like any other; a single {@code <br>} stays inside its paragraph, as a line break in a
 * sentence does. This is what Mozilla Readability does before it scores a page ("replace brs").
 */
final class LooseText {

  /** Elements that flow inside a line of text; any other element ends a run of loose text. */
  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
          "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
          "sup", "time", "tt", "u", "var", "wbr");

  /** Elements whose text is already one line of the article. */
  private static final Set<String> OWN_LINE =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "th", "dt", "dd");

  private LooseText() {}

  /** Wraps every run of loose text under {@code root} in paragraphs, in place. */
  static void wrap(Element root) {
    List<Element> containers = new ArrayList<>();
    for (Element element : root.getAllElements()) {
      if (!INLINE.contains(element.normalName()) && !insideOwnLine(element, root)) {
        containers.add(element);
      }
    }
    for (Element container : containers) {
      wrapRuns(container);
    }
  }

  private static boolean insideOwnLine(Element element, Element root) {
    for (Element e = element; e != null && e != root.parent(); e = e.parent()) {
      if (OWN_LINE.contains(e.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** The container's direct runs of text and inline elements, each split at {@code <br><br>}. */
  private static void wrapRuns(Element container) {
    List<Node> run = new ArrayList<>();
    int breaks = 0;
    for (Node child : new ArrayList<>(container.childNodes())) {
      if (child instanceof Element e && e.normalName().equals("br")) {
        breaks++;
        if (breaks >= 2) {
          wrapRun(run);
          run = new ArrayList<>();
        } else {
          run.add(child);
        }
      } else if (child instanceof TextNode text && text.isBlank()) {
        run.add(child);
      } else if (child instanceof TextNode || isInline(child)) {
        breaks = 0;
        run.add(child);
      } else if (child instanceof Element) {
        breaks = 0;
        wrapRun(run);
        run = new ArrayList<>();
      }
    }
    wrapRun(run);
  }

  private static boolean isInline(Node node) {
    return node instanceof Element e && INLINE.contains(e.normalName()) && !holdsBlocks(e);
  }

  private static boolean holdsBlocks(Element inline) {
    for (Element inner : inline.getAllElements()) {
      if (inner != inline && !INLINE.contains(inner.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** Puts a run with some text into a new {@code <p>} where the run stood. */
  private static void wrapRun(List<Node> run) {
    boolean hasText = false;
    for (Node node : run) {
      String text = node instanceof TextNode t ? t.text() : ((Element) node).text();
      if (node.parent() != null && !text.isBlank()) {
        hasText = true;
        break;
      }
    }
    if (!hasText) {
      return;
    }
    Element paragraph = new Element("p");
    run.get(0).before(paragraph);
    for (Node node : run) {
      if (!(node instanceof Element e && e.normalName().equals("br") && node == run.getLast())) {
        paragraph.appendChild(node);
      } else {
        node.remove();
      }
    }
  }
}
