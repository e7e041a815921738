package readingroom.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/**
 * The JSON form of an answer, one object a question: {@code {"question", "answered", "results":
 * [{"article": {...}, "quote", "highlights", "link", "score"}], "took_ms"}}.
 */
public final class JsonAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswers() {}

  public static ObjectNode of(Answer answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("question", answer.question());
    root.put("answered", answer.answered());
    ArrayNode results = root.putArray("results");
    for (Result result : answer.results()) {
      ObjectNode node = results.addObject();
      Source source = result.source();
      ObjectNode article = node.putObject("article");
      article.put("id", source.id());
      article.put("title", source.title());
      article.put("outlet", source.outlet());
      article.put("author", source.author());
      article.put("published", source.published() == null ? null : source.published().iso());
      article.put("url", source.url());
      node.put("quote", result.quote());
      ArrayNode highlights = node.putArray("highlights");
      for (Span span : result.highlights()) {
        highlights.addArray().add(span.start()).add(span.end());
      }
      node.put("link", result.link());
      node.put("score", result.score());
    }
    root.put("took_ms", answer.tookMillis());
    return root;
  }

  /** An object for a question that could not be asked, so a batch keeps one line per question. */
  public static ObjectNode error(String question, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("question", question);
    root.put("answered", false);
    root.putArray("results");
    root.put("error", message);
    root.put("took_ms", 0);
    return root;
  }

  public static String line(ObjectNode node) {
    return node.toString();
  }
}
