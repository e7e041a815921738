package readingroom.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A question's view of one physical OpenSearch index (one version): each search is one request, and
 * the passages it finds come back with their offsets and vectors, kept here by their write order
 * number (their {@link PassageSearch.Hit#doc()}).
 */
final class OpenSearchPassageSearch implements PassageSearch {

  private record Found(Located located, String vector) {}

  private final OpenSearchHttp http;
  private final String index;
  private final Map<Integer, Found> found = new HashMap<>();

  OpenSearchPassageSearch(OpenSearchHttp http, String index) {
    this.http = http;
    this.index = index;
  }

  @Override
  public int passageCount() throws IOException {
    return docFreqs(List.of()).get("");
  }

  /** One request for every term; "" is the count of passages with text. */
  @Override
  public Map<String, Integer> docFreqs(Collection<String> terms) throws IOException {
    ObjectNode body = json().put("size", 0).put("track_total_hits", false);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("n").putObject("filter").putObject("exists").put("field", Schema.TEXT);
    List<String> ordered = new ArrayList<>(terms);
    for (int i = 0; i < ordered.size(); i++) {
      aggs.putObject("t" + i)
          .putObject("filter")
          .putObject("term")
          .put(Schema.TEXT, ordered.get(i));
    }
    JsonNode answer = http.post(index + "/_search", body).path("aggregations");
    Map<String, Integer> freqs = new HashMap<>();
    freqs.put("", answer.path("n").path("doc_count").asInt());
    for (int i = 0; i < ordered.size(); i++) {
      freqs.put(ordered.get(i), answer.path("t" + i).path("doc_count").asInt());
    }
    return freqs;
  }

  @Override
  public String correction(String word, int maxEdits) throws IOException {
    ObjectNode body = json().put("size", 0);
    ObjectNode term = body.putObject("suggest").putObject("w").put("text", word).putObject("term");
    // Lucene's DirectSpellChecker as the embedded index uses it: the term suggester is built on it.
    // The word is looked up as written (the keyword analyzer), as the embedded index looks up its
    // term: the field's analyzer would strip a possessive and find "washington" for "washington's".
    term.put("field", Schema.WORDS)
        .put("analyzer", "keyword")
        .put("suggest_mode", "missing")
        .put("max_edits", maxEdits)
        .put("prefix_length", 1)
        .put("accuracy", 0.7)
        .put("size", 1)
        .put("min_word_length", 4)
        .put("max_term_freq", 0.01)
        .put("max_inspections", 5)
        .put("sort", "score")
        .put("string_distance", "internal");
    JsonNode entries = http.post(index + "/_search", body).path("suggest").path("w");
    for (JsonNode entry : entries) {
      JsonNode options = entry.path("options");
      if (options.size() > 0) {
        return options.get(0).path("text").asText();
      }
    }
    return null;
  }

  @Override
  public List<Hit> lexical(
      QueryTerms terms, Map<String, Float> fieldBoosts, Collection<String> articleFilter, int depth)
      throws IOException {
    ArrayNode should = IndexStore.JSON.createArrayNode();
    for (Map.Entry<String, Double> entry : terms.terms().entrySet()) {
      float weight = entry.getValue().floatValue();
      for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
        should
            .addObject()
            .putObject("term")
            .putObject(field.getKey())
            .put("value", entry.getKey())
            .put("boost", weight * field.getValue());
      }
    }
    for (Map.Entry<List<String>, Double> entry : terms.phrases().entrySet()) {
      // The terms are analysed already: split on spaces only, as Lucene's PhraseQuery takes them.
      should
          .addObject()
          .putObject("match_phrase")
          .putObject(Schema.TEXT)
          .put("query", String.join(" ", entry.getKey()))
          .put("analyzer", "whitespace")
          .put("slop", 1)
          .put("boost", entry.getValue().floatValue());
    }
    if (should.isEmpty()) {
      return List.of();
    }
    ObjectNode body = searchBody(depth);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").addObject().putObject("bool").set("should", should);
    bool.set("filter", filter(articleFilter));
    body.put("track_scores", true);
    body.putArray("sort").add("_score").addObject().put(OpenSearchSchema.SEQ, "asc");
    return hits(body);
  }

  @Override
  public List<Hit> nearest(float[] vector, int depth, Collection<String> articleFilter)
      throws IOException {
    ObjectNode body = searchBody(depth);
    ObjectNode knn = body.putObject("query").putObject("knn").putObject(Schema.VECTOR);
    ArrayNode values = knn.putArray("vector");
    for (float value : vector) {
      values.add(value);
    }
    knn.put("k", depth);
    if (articleFilter != null) {
      knn.putObject("filter").putObject("bool").set("filter", filter(articleFilter));
    }
    return hits(body);
  }

  @Override
  public Located locate(int doc) {
    Found passage = found.get(doc);
    return passage == null ? null : passage.located();
  }

  @Override
  public float[] vector(int doc) {
    Found passage = found.get(doc);
    return passage == null ? null : OpenSearchSchema.decode(passage.vector());
  }

  @Override
  public void close() {}

  private static ObjectNode json() {
    return IndexStore.JSON.createObjectNode();
  }

  private static ObjectNode searchBody(int depth) {
    ObjectNode body = json().put("size", depth).put("track_total_hits", false);
    body.putArray("_source")
        .add(Schema.ARTICLE)
        .add(Schema.START)
        .add(Schema.END)
        .add(OpenSearchSchema.SEQ)
        .add(OpenSearchSchema.VECTOR_BYTES);
    return body;
  }

  private static ArrayNode filter(Collection<String> articleFilter) {
    ArrayNode filter = IndexStore.JSON.createArrayNode();
    filter.addObject().putObject("term").put(Schema.TYPE, Schema.TYPE_PASSAGE);
    if (articleFilter != null) {
      ArrayNode ids = filter.addObject().putObject("terms").putArray(Schema.ARTICLE);
      articleFilter.forEach(ids::add);
    }
    return filter;
  }

  private List<Hit> hits(ObjectNode body) throws IOException {
    List<Hit> hits = new ArrayList<>();
    for (JsonNode hit : http.post(index + "/_search", body).path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      int doc = source.path(OpenSearchSchema.SEQ).asInt();
      found.put(
          doc,
          new Found(
              new Located(
                  source.path(Schema.ARTICLE).asText(),
                  source.path(Schema.START).asInt(),
                  source.path(Schema.END).asInt()),
              source.path(OpenSearchSchema.VECTOR_BYTES).asText()));
      hits.add(new Hit(doc, (float) hit.path("_score").asDouble()));
    }
    return hits;
  }
}
