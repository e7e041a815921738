package readingroom.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import readingroom.index.corpus.Passages;
import readingroom.index.model.Article;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.Source;
import readingroom.index.search.BgeSmallEmbedder;
import readingroom.index.search.Schema;
import readingroom.index.search.SpreadCopiesEmbedder;

/**
 * Entry points for the benchmark harness ({@code bench/}), not for chat code: the same work as
 * {@link Engine#ask} with one part left out, so the cost of each part can be measured on its own,
 * and what a plain Lucene search over the same index needs to be a fair baseline.
 */
public final class BenchmarkHooks {

  private BenchmarkHooks() {}

  /**
   * Opens an engine whose copies of articles (headline ending in {@code [copy N]}) get vectors near
   * their original's instead of being embedded, so a corpus can be replicated to benchmark scale.
   * The index it builds is marked with its own embedder name, so a normal start rebuilds it.
   */
  public static Engine openWithSpreadCopies(Engine.Options options) {
    return Engine.open(
        options, new SpreadCopiesEmbedder(new BgeSmallEmbedder()), IndexProgress.NONE);
  }

  /** {@link Engine#ask} without the answer cache: every call searches. */
  public static Answer askUncached(Engine engine, Question question) {
    return engine.ask(question, false, true);
  }

  /**
   * The BM25 path: {@link Engine#ask} without the question embedding and the vector search (and
   * without the cache). Candidates come from words alone; excerpts and checks are unchanged.
   */
  public static Answer askWordsOnly(Engine engine, Question question) {
    return engine.ask(question, false, false);
  }

  /** The field that holds each passage's text, analysed by {@link #analyzer()}. */
  public static String passageTextField() {
    return Schema.TEXT;
  }

  /** The analyzer the index was built with, for questions of a baseline search. */
  public static Analyzer analyzer() {
    return Schema.analyzer();
  }

  /**
   * The texts of an indexed article's passages, as the engine cut them: what a plain Lucene
   * indexing baseline indexes. Empty for an unknown id.
   */
  public static List<String> passageTexts(Engine engine, String articleId) {
    String text = engine.articleText(articleId).orElse(null);
    Source source = engine.source(articleId).orElse(null);
    if (text == null || source == null) {
      return List.of();
    }
    return Passages.of(new Article(source, text, List.of(), "")).stream()
        .map(p -> text.substring(p.start(), p.end()))
        .toList();
  }
}
