package readingroom.index.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The one place that names the index's fields and how each is analysed. Indexing and querying both
 * use {@link #analyzer()}, so a question's words and the article's words meet as the same terms.
 */
public final class Schema {

  /** Bumped whenever fields or analysis change: an index of another version is rebuilt. */
  static final int VERSION = 3;

  // Every document
  static final String TYPE = "type";
  static final String ARTICLE = "article";

  // Article documents: one per article, holding what the reply needs
  static final String TYPE_ARTICLE = "article";
  static final String HASH = "hash";
  static final String META = "meta";
  static final String BODY = "body";

  // Passage documents: what is searched
  static final String TYPE_PASSAGE = "passage";
  static final String ORDINAL = "ordinal";
  static final String START = "start";
  static final String END = "end";
  public static final String TEXT = "text";
  static final String CONTEXT = "context";

  /**
   * The weak "about the article" field of every passage: headline, subtitle, outlet and when it was
   * published, so "the 2024 talks" finds a 2024 article whose text says only "this month".
   */
  static final String TITLE = "title";

  static final String WORDS = "words";
  static final String VECTOR = "vector";
  static final String TEXT_HASH = "text_hash";

  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  // Commit user data
  static final String COMMIT_SCHEMA = "schema";
  static final String COMMIT_VERSION = "version";
  static final String COMMIT_EMBEDDER = "embedder";

  private Schema() {}

  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new StemmingAnalyzer(), Map.of(WORDS, new WordsAnalyzer()));
  }

  /**
   * Stemmed, stop words removed: for ranking. KStem is milder than Porter, so fewer false merges.
   */
  static final class StemmingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      stream = new KStemFilter(stream);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** The words as written, lower-cased: the dictionary that corrects typos in questions. */
  static final class WordsAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  }
}
