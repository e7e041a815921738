package readingroom.index.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One consistent view of a search backend for one question: the statistics that weigh its words,
 * the two searches (BM25 over the passage fields, nearest vectors) within a scope, and the passages
 * they found. What {@link Retriever} needs and no more, so the ranking, judging and quoting are the
 * same code over the embedded Lucene index and over OpenSearch.
 */
public interface PassageSearch extends AutoCloseable {

  /** A passage a search found: the backend's key for it (stable for this view) and its score. */
  record Hit(int doc, float score) {}

  /** Where a found passage is: its article and character offsets in the article's text. */
  record Located(String articleId, int start, int end) {}

  /** How many passages hold text: the N of the inverse document frequency. */
  int passageCount() throws IOException;

  /** How many passages (and article documents) hold each analysed term in {@link Schema#TEXT}. */
  Map<String, Integer> docFreqs(Collection<String> terms) throws IOException;

  /**
   * The corpus word closest to a lower-cased {@code word} within {@code maxEdits} (Lucene's {@code
   * DirectSpellChecker} rules: prefix of one letter, accuracy 0.7), or null when the corpus has the
   * word itself or nothing close.
   */
  String correction(String word, int maxEdits) throws IOException;

  /**
   * The best {@code depth} passages by BM25 of the question's terms (each searched in {@link
   * Schema#TEXT}, {@link Schema#CONTEXT} and {@link Schema#TITLE} at the field's boost) and its
   * phrases (in {@link Schema#TEXT}, one position of slop).
   *
   * @param articleFilter the articles in scope, or null for all
   */
  List<Hit> lexical(
      QueryTerms terms, Map<String, Float> fieldBoosts, Collection<String> articleFilter, int depth)
      throws IOException;

  /** The {@code depth} passages nearest to the vector, in exact (float) order, within scope. */
  List<Hit> nearest(float[] vector, int depth, Collection<String> articleFilter) throws IOException;

  /** Where a passage found by this view is, or null if it has none. */
  Located locate(int doc) throws IOException;

  /** The stored full-precision vector of a passage found by this view, or null. */
  float[] vector(int doc) throws IOException;

  /**
   * The dot product of each passage's stored vector with a unit {@code query} (their cosine, the
   * vectors being unit length), 0 for a passage without one.
   */
  default Map<Integer, Double> similarities(Collection<Integer> docs, float[] query)
      throws IOException {
    Map<Integer, Double> out = new java.util.HashMap<>();
    for (int doc : docs) {
      float[] vector = vector(doc);
      out.put(doc, vector == null ? 0.0 : dot(vector, query));
    }
    return out;
  }

  /** Summed in double, in order: the confidence model was trained on these exact values. */
  static double dot(float[] passage, float[] query) {
    double dot = 0;
    for (int i = 0; i < passage.length; i++) {
      dot += passage[i] * query[i];
    }
    return dot;
  }

  /** Gives the view back (a Lucene searcher is released); never throws. */
  @Override
  void close();
}
