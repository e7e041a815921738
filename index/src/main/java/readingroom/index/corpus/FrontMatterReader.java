package readingroom.index.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
 *
 * Markdown is rendered to the text a reader sees ({@link MarkdownText}) before cleaning. A file
 * without front matter is still read, titled by its first line, with a warning saying what it
 * lacks; so is a key the reader does not know ({@code authr:}), which is most likely a typo.
 */
final class FrontMatterReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private FrontMatterReader() {}

  static RawArticle read(String fileId, String content) {
    return read(fileId, content, false);
  }

  static RawArticle read(String fileId, String content, boolean markdown) {
    return read(fileId, content, markdown, YAML.createObjectNode(), fileId + ".yml");
  }

  /**
   * @param sidecar keys given beside the file ({@link Sidecar}: a reading list's sources file
   *     writes one for a scraped text without front matter); they win over the front matter's
   */
  static RawArticle read(
      String fileId, String content, boolean markdown, ObjectNode sidecar, String sidecarName) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    ObjectNode meta = YAML.createObjectNode();
    String body = text;
    List<String> warnings = new ArrayList<>();
    boolean frontMatter = text.startsWith("---");
    if (frontMatter) {
      int close = text.indexOf("\n---", 3);
      if (close < 0) {
        throw new IllegalArgumentException("the front-matter block is not closed with '---'");
      }
      JsonNode parsed;
      try {
        parsed = YAML.readTree(text.substring(3, close));
      } catch (JacksonException e) {
        throw new IllegalArgumentException(
            "broken metadata: " + e.getOriginalMessage().lines().findFirst().orElse("bad YAML"));
      }
      if (parsed == null || !parsed.isObject()) {
        throw new IllegalArgumentException(
            "broken metadata: the front matter is not 'key: value' lines");
      }
      meta.setAll((ObjectNode) parsed);
      warnings.addAll(unknownKeys(meta, "front matter"));
      int bodyStart = text.indexOf('\n', close + 4);
      body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    }
    warnings.addAll(unknownKeys(sidecar, sidecarName));
    meta.setAll(sidecar);
    if (markdown) {
      body = MarkdownText.render(body);
    }
    if (text(meta, "title") == null) {
      return withoutTitle(fileId, body, meta, frontMatter || !sidecar.isEmpty(), warnings);
    }
    if (text(meta, "url") == null) {
      warnings.add("no 'url' in the front matter: its quotes will have no link");
    }
    return new RawArticle(toSource(fileId, meta), body, warnings, null);
  }

  /**
   * A file whose metadata gives no title (often none at all): a headline-like early line is the
   * title, with a warning saying what else it lacks.
   */
  private static RawArticle withoutTitle(
      String fileId, String body, ObjectNode meta, boolean hasMetadata, List<String> warnings) {
    List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the file holds no text");
    }
    String title = guessTitle(lines);
    if (!hasMetadata) {
      warnings.add(
          "no front matter: the title is taken from the text (\""
              + title
              + "\"), and it has no url (its quotes will have no link), outlet, author or date;"
              + " start the file with a '---' block to give them");
      return new RawArticle(
          new Source(fileId, title, null, null, null, null, null, null, List.of()),
          body,
          warnings,
          null);
    }
    warnings.add("no 'title' in its metadata: it is taken from the text (\"" + title + "\")");
    meta.put("title", title);
    return new RawArticle(toSource(fileId, meta), body, warnings, null);
  }

  /**
   * The first of the opening lines that reads like a headline: a few words, not a sentence of
   * prose, not a breadcrumb or a counter ("189 views 10 min"). Failing that, the first line's
   * opening words.
   */
  static String guessTitle(List<String> lines) {
    for (String line : lines.subList(0, Math.min(10, lines.size()))) {
      int words = CleaningRules.words(line);
      long numbers =
          java.util.Arrays.stream(line.split("\\s+")).filter(w -> w.matches("\\d.*")).count();
      boolean breadcrumb = line.matches(".*\\s[>»›|/]\\s.*");
      if (words >= 3
          && words <= 20
          && numbers <= 1
          && !breadcrumb
          && !CleaningRules.isProse(line)) {
        return line;
      }
    }
    String[] words = lines.get(0).split("\\s+");
    return words.length <= 12
        ? lines.get(0)
        : String.join(" ", java.util.Arrays.copyOf(words, 12)) + " …";
  }

  /** "unknown key 'authr' in the front matter (known: author, id, ...)", one per unknown key. */
  static List<String> unknownKeys(JsonNode meta, String where) {
    List<String> warnings = new ArrayList<>();
    meta.fieldNames()
        .forEachRemaining(key -> {
          if (!Source.METADATA_KEYS.contains(key)) {
            warnings.add(
                "unknown key '"
                    + key
                    + "' in the "
                    + where
                    + " is ignored (known: "
                    + String.join(", ", new TreeSet<>(Source.METADATA_KEYS))
                    + ")");
          }
        });
    return warnings;
  }

  static Source toSource(String fileId, JsonNode meta) {
    String id = text(meta, "id");
    String title = required(meta, "title");
    String url = text(meta, "url");
    if (url != null && !Source.isWebAddress(url)) {
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
    String outlet = text(meta, "outlet");
    return new Source(
        id == null ? fileId : id,
        title,
        text(meta, "subtitle"),
        outlet == null && url != null ? hostOf(url) : outlet,
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
