package readingroom.index.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in its JSON-LD blocks: publishers put the cleanest
 * headline, the byline and the publication date there, often nowhere else. Blocks may be one
 * object, an array, or an {@code @graph}; the first article-like object wins. A block that does not
 * parse (sites ship trailing commas and raw newlines) is skipped, never fatal.
 */
final class LinkedData {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  private final JsonNode article;

  private LinkedData(JsonNode article) {
    this.article = article;
  }

  static LinkedData of(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode found = findArticle(JSON.readTree(script.data()), 0);
        if (found != null) {
          return new LinkedData(found);
        }
      } catch (JacksonException e) {
        // A broken block says nothing; other blocks and the meta tags still may.
      }
    }
    return new LinkedData(null);
  }

  /**
   * The article's text as the publisher gives it ({@code articleBody}), paragraphs on lines of
   * their own; or {@code null}. Some sites put markup in it: that is read as text.
   */
  String articleBody() {
    String body = article == null ? null : text(article.get("articleBody"));
    if (body == null) {
      return null;
    }
    if (body.contains("<")) {
      body = ArticleBody.text(Jsoup.parse(body), "http://localhost/");
    }
    return body.replaceAll("\\R+", "\n\n").strip();
  }

  private static JsonNode findArticle(JsonNode node, int depth) {
    if (node == null || depth > 4) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        JsonNode found = findArticle(item, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    if (isArticleType(node.get("@type"))) {
      return node;
    }
    JsonNode found = findArticle(node.get("@graph"), depth + 1);
    return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
  }

  /** NewsArticle, ReportageNewsArticle, OpinionNewsArticle, BlogPosting, Report and the like. */
  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText().replaceFirst("^.*[/:]", "").toLowerCase(Locale.ROOT);
    return name.endsWith("article") || name.endsWith("posting") || name.equals("report");
  }

  String headline() {
    return text(article == null ? null : article.get("headline"));
  }

  /**
   * The article's own address: its {@code url}, or the page it is the main entity of ({@code
   * mainEntityOfPage}, a URL or an object with an {@code @id}).
   */
  String url() {
    if (article == null) {
      return null;
    }
    String url = text(article.get("url"));
    if (url != null) {
      return url;
    }
    JsonNode page = article.get("mainEntityOfPage");
    return page != null && page.isObject() ? text(page.get("@id")) : text(page);
  }

  String datePublished() {
    return article == null ? null : text(article.get("datePublished"));
  }

  /** The people of the byline, joined; an organisation only when no person is named. */
  String author() {
    if (article == null) {
      return null;
    }
    List<String> people = new ArrayList<>();
    List<String> organisations = new ArrayList<>();
    collectNames(article.get("author"), people, organisations);
    List<String> names = people.isEmpty() ? organisations : people;
    return names.isEmpty() ? null : String.join(", ", names);
  }

  String publisher() {
    if (article == null) {
      return null;
    }
    JsonNode publisher = article.get("publisher");
    if (publisher != null && publisher.isArray() && !publisher.isEmpty()) {
      publisher = publisher.get(0);
    }
    return publisher != null && publisher.isObject()
        ? text(publisher.get("name"))
        : text(publisher);
  }

  private static void collectNames(JsonNode node, List<String> people, List<String> organisations) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectNames(n, people, organisations));
      return;
    }
    String name = node.isObject() ? text(node.get("name")) : text(node);
    if (name == null || name.matches("(?i)https?://.*")) {
      return;
    }
    String type = node.isObject() ? String.valueOf(text(node.get("@type"))) : "Person";
    List<String> into =
        type.toLowerCase(Locale.ROOT).contains("organization") ? organisations : people;
    if (!into.contains(name)) {
      into.add(name);
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String value = node.asText().strip();
    return value.isEmpty() ? null : value;
  }
}
