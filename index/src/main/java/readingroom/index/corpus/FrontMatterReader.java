package readingroom.index.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * Reads a plain-text or Markdown article whose metadata sits in a YAML front-matter block:
 *
 * <pre>
 * ---
 * title: Why Has Russia Invited the Taliban to Moscow?
 * outlet: The Diplomat
 * published: 2018-07
 * url: https://thediplomat.com/...
 * ---
 * The scraped text, junk and all.
 * </pre>
 */
final class FrontMatterReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private FrontMatterReader() {}

  static RawArticle read(String fileId, String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    if (!text.startsWith("---")) {
      throw new IllegalArgumentException(
          "no metadata: the file must start with a '---' front-matter block (title, outlet, url...)");
    }
    int close = text.indexOf("\n---", 3);
    if (close < 0) {
      throw new IllegalArgumentException("the front-matter block is not closed with '---'");
    }
    String yaml = text.substring(3, close);
    int bodyStart = text.indexOf('\n', close + 4);
    String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    JsonNode meta;
    try {
      meta = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "broken metadata: " + e.getOriginalMessage().lines().findFirst().orElse("bad YAML"));
    }
    if (meta == null || !meta.isObject()) {
      throw new IllegalArgumentException(
          "broken metadata: the front matter is not 'key: value' lines");
    }
    return new RawArticle(toSource(fileId, meta), body);
  }

  static Source toSource(String fileId, JsonNode meta) {
    String id = text(meta, "id");
    String title = required(meta, "title");
    String url = required(meta, "url");
    if (!url.matches("(?i)https?://\\S+")) {
      throw new IllegalArgumentException("url '" + url + "' is not an http(s) address");
    }
    String published = text(meta, "published");
    List<String> tags = new ArrayList<>();
    JsonNode tagNode = meta.get("tags");
    if (tagNode != null && tagNode.isArray()) {
      tagNode.forEach(t -> tags.add(t.asText().strip()));
    } else if (tagNode != null && tagNode.isTextual()) {
      for (String tag : tagNode.asText().split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip());
        }
      }
    }
    return new Source(
        id == null ? fileId : id,
        title,
        text(meta, "subtitle"),
        text(meta, "outlet") == null ? hostOf(url) : text(meta, "outlet"),
        text(meta, "section"),
        text(meta, "author"),
        published == null ? null : PublishedDate.parse(published),
        url,
        tags);
  }

  static String hostOf(String url) {
    return url.replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("/.*$", "");
  }

  private static String required(JsonNode meta, String key) {
    String value = text(meta, key);
    if (value == null) {
      throw new IllegalArgumentException("metadata has no '" + key + "'");
    }
    return value;
  }

  private static String text(JsonNode meta, String key) {
    JsonNode node = meta.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asText().strip();
    return value.isEmpty() ? null : value;
  }
}
