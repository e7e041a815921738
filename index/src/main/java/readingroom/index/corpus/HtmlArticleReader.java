package readingroom.index.corpus;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * Reads a saved HTML page: metadata from the usual Open Graph and article meta tags, and the body
 * from {@code <article>} (or {@code <main>}, or the whole body), one line per block element. The
 * lines then go through the same cleaning as a plain-text scrape.
 */
final class HtmlArticleReader {

  private static final String BLOCKS = "p, h1, h2, h3, h4, li, blockquote, pre";
  private static final String NOT_ARTICLE =
      "script, style, noscript, nav, header, footer, aside, form, figure, figcaption, iframe, svg";

  private HtmlArticleReader() {}

  static RawArticle read(String fileId, String html) {
    Document doc = Jsoup.parse(html);
    String title = firstNonBlank(meta(doc, "og:title"), doc.title(), text(doc.selectFirst("h1")));
    String url =
        firstNonBlank(doc.select("link[rel=canonical]").attr("href"), meta(doc, "og:url"), null);
    if (title == null) {
      throw new IllegalArgumentException("the page has no title (og:title, <title> or <h1>)");
    }
    if (url == null || !url.matches("(?i)https?://\\S+")) {
      throw new IllegalArgumentException(
          "the page has no http(s) address (<link rel=canonical> or og:url)");
    }
    String published = meta(doc, "article:published_time");
    PublishedDate date = null;
    if (published != null) {
      String day = published.length() >= 10 ? published.substring(0, 10) : published;
      date = PublishedDate.parse(day);
    }
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.selectFirst("main");
    }
    if (root == null) {
      root = doc.body();
    }
    root.select(NOT_ARTICLE).remove();
    StringBuilder body = new StringBuilder();
    for (Element block : root.select(BLOCKS)) {
      if (!block.select(BLOCKS).not(block.cssSelector()).isEmpty() && block.is("li, blockquote")) {
        continue; // its inner blocks are taken one by one
      }
      String line = block.text().strip();
      if (!line.isEmpty()) {
        body.append(line).append("\n\n");
      }
    }
    Source source =
        new Source(
            fileId,
            title,
            meta(doc, "og:description"),
            firstNonBlank(meta(doc, "og:site_name"), FrontMatterReader.hostOf(url), null),
            meta(doc, "article:section"),
            firstNonBlank(meta(doc, "author"), meta(doc, "article:author"), null),
            date,
            url,
            List.of());
    return new RawArticle(source, body.toString());
  }

  private static String meta(Document doc, String name) {
    Element element = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return element == null ? null : blankToNull(element.attr("content"));
  }

  private static String text(Element element) {
    return element == null ? null : blankToNull(element.text());
  }

  private static String firstNonBlank(String a, String b, String c) {
    for (String s : new String[] {a, b, c}) {
      if (blankToNull(s) != null) {
        return s.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
