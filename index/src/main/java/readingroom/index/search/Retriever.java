package readingroom.index.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import readingroom.index.model.Embedder;
import readingroom.index.model.VectorFormat;

/**
 * Finds and ranks candidate passages: BM25 over the passage text (with the paragraph and headline
 * as weaker fields) and a vector search over passage embeddings, fused into one score. Ties are
 * broken by document order so results are deterministic.
 */
public final class Retriever {

  static final int LEXICAL_DEPTH = 100;
  static final int VECTOR_DEPTH = 50;
  static final int SHORTLIST_BY_MEANING = 30;
  static final int SHORTLIST_BY_WORDS = 15;

  private static final float CONTEXT_BOOST = 0.3f;
  private static final float TITLE_BOOST = 0.2f;

  /** How much of a follow-up's embedding comes from the earlier question it follows on from. */
  static final double CONTEXT_MEANING = 0.35;

  private final Analyzer analyzer;
  private final Embedder embedder;
  private final List<List<String>> synonyms;
  private final VectorFormat vectorFormat;

  /**
   * @param synonyms groups of names that mean the same thing, each searched for the others
   * @param vectorFormat how the index stores vectors, which decides how deep the graph is searched
   */
  public Retriever(
      Analyzer analyzer,
      Embedder embedder,
      List<List<String>> synonyms,
      VectorFormat vectorFormat) {
    this.analyzer = analyzer;
    this.embedder = embedder;
    this.synonyms = synonyms;
    this.vectorFormat = vectorFormat;
  }

  /** The terms of a question and its ranked candidates. */
  public record Ranking(
      QueryTerms terms,
      QuestionFocus focus,
      Map<String, Double> termWeights,
      List<Candidate> candidates) {}

  public Ranking rank(
      IndexSearcher searcher,
      String question,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles)
      throws IOException {
    return rank(searcher, question, "", articleFilter, articles, true);
  }

  /**
   * {@link #rank(IndexSearcher, String, String, Collection, java.util.function.Function, boolean)}
   * without context.
   */
  public Ranking rank(
      IndexSearcher searcher,
      String question,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles,
      boolean byMeaning)
      throws IOException {
    return rank(searcher, question, "", articleFilter, articles, byMeaning);
  }

  /**
   * @param byMeaning false skips the question embedding and the vector search (the BM25 path, for
   *     benchmarks): candidates then come from words alone
   * @param context earlier text the question follows on from, or "": its words are searched at
   *     {@link QueryTerms#CONTEXT_WEIGHT} of a question word's weight, and its meaning is mixed
   *     into the question's embedding at {@link #CONTEXT_MEANING}, so the new words lead
   */
  public Ranking rank(
      IndexSearcher searcher,
      String question,
      String context,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles,
      boolean byMeaning)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    QueryTerms terms =
        QueryTerms.of(question, reader, analyzer, synonyms).withContext(context, analyzer);
    QuestionFocus focus = QuestionFocus.of(question);
    Map<String, Double> idf = new HashMap<>();
    int passages = Math.max(1, reader.getDocCount(Schema.TEXT));
    for (String term : terms.terms().keySet()) {
      int df = reader.docFreq(new Term(Schema.TEXT, term));
      idf.put(term, Math.log(1 + (passages - df + 0.5) / (df + 0.5)));
    }
    Map<String, Double> termWeights = new HashMap<>();
    terms.terms().forEach((term, weight) -> termWeights.put(term, weight * idf.get(term)));

    Query filter = filter(articleFilter);
    Map<Integer, Double> bm25 = new HashMap<>();
    Query lexical = lexicalQuery(terms);
    if (lexical != null) {
      Query filtered =
          new BooleanQuery.Builder()
              .add(lexical, BooleanClause.Occur.MUST)
              .add(filter, BooleanClause.Occur.FILTER)
              .build();
      for (ScoreDoc hit : searcher.search(filtered, LEXICAL_DEPTH).scoreDocs) {
        bm25.put(hit.doc, (double) hit.score);
      }
    }
    float[] vector = byMeaning ? embedQuery(terms.corrected(), context) : null;
    Set<Integer> docs = new HashSet<>(bm25.keySet());
    if (vector != null) {
      // Only passages have vectors: over the whole corpus a filter would filter nothing, yet cost a
      // bitset of every document and a filtered graph search per question.
      Query vectorFilter = articleFilter == null ? null : filter;
      TopDocs semantic =
          searcher.search(
              VectorCodec.nearest(vectorFormat, vector, VECTOR_DEPTH, vectorFilter), VECTOR_DEPTH);
      for (ScoreDoc hit : semantic.scoreDocs) {
        docs.add(hit.doc);
      }
    }

    // Only the most promising candidates get the costlier checks: the best by meaning and the best
    // by words. The rest could not reach the top three.
    Map<Integer, Double> cosines = new HashMap<>();
    for (int doc : docs) {
      cosines.put(doc, vector == null ? 0.0 : cosine(reader, doc, vector));
    }
    Set<Integer> shortlist = new HashSet<>();
    cosines.entrySet().stream()
        .filter(e -> vector != null)
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
        .limit(SHORTLIST_BY_MEANING)
        .forEach(e -> shortlist.add(e.getKey()));
    bm25.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
        .limit(SHORTLIST_BY_WORDS)
        .forEach(e -> shortlist.add(e.getKey()));

    Map<String, Double> contentWeights = contentTerms(termWeights);
    double totalWeight = contentWeights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Candidate> candidates = new ArrayList<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (int doc : shortlist) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      int local = doc - leaf.docBase;
      int start = (int) numeric(leaf, Schema.START, local);
      int end = (int) numeric(leaf, Schema.END, local);
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ARTICLE);
      if (!ids.advanceExact(local)) {
        continue;
      }
      String articleId = ids.lookupOrd(ids.ordValue()).utf8ToString();
      StoredArticle article = articles.apply(articleId);
      if (article == null) {
        continue;
      }
      String passage = article.text().substring(start, end);
      Set<String> present = new HashSet<>(QueryTerms.analyse(analyzer, passage));
      candidates.add(
          new Candidate(
              doc,
              articleId,
              start,
              end,
              bm25.getOrDefault(doc, 0.0),
              cosines.get(doc),
              coverage(present, contentWeights, totalWeight),
              missingRarest(present, contentWeights),
              Evidence.matchesDates(focus, passage, article.source().published()),
              Evidence.holdsAnswer(focus, passage),
              0));
    }
    List<Candidate> scored = fuse(candidates);
    scored.sort(
        Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::doc));
    return new Ranking(terms, focus, termWeights, scored);
  }

  /**
   * Orders the candidates by reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009) of
   * their rank by embedding similarity and their rank by BM25, with the usual constant 60: a rule
   * with no weight fitted to any question set. The confidence model then reorders the best of them.
   */
  static List<Candidate> fuse(List<Candidate> candidates) {
    Map<Integer, Integer> byMeaning =
        ranks(candidates, Comparator.comparingDouble(Candidate::cosine));
    Map<Integer, Integer> byWords = ranks(candidates, Comparator.comparingDouble(Candidate::bm25));
    List<Candidate> scored = new ArrayList<>();
    for (Candidate c : candidates) {
      double score = 1.0 / (RRF_K + byMeaning.get(c.doc()));
      if (c.bm25() > 0) {
        score += 1.0 / (RRF_K + byWords.get(c.doc()));
      }
      scored.add(c.withScore(score));
    }
    return scored;
  }

  static final int RRF_K = 60;

  private static Map<Integer, Integer> ranks(List<Candidate> candidates, Comparator<Candidate> by) {
    List<Candidate> sorted =
        candidates.stream().sorted(by.reversed().thenComparingInt(Candidate::doc)).toList();
    Map<Integer, Integer> ranks = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      ranks.put(sorted.get(i).doc(), i + 1);
    }
    return ranks;
  }

  /**
   * The question's terms without its function words ("what", "did", "how many"): the Snowball
   * project's English stop list (BSD licence, copied from lucene-analysis-common, whose module does
   * not open it), beside the index's shorter one. What a passage must hold to answer is the
   * question's content; without this, "did" would count as a rare word every passage lacks.
   */
  private static Map<String, Double> contentTerms(Map<String, Double> termWeights) {
    Map<String, Double> content = new HashMap<>();
    termWeights.forEach((term, weight) -> {
      if (!FUNCTION_WORDS.contains(term)) {
        content.put(term, weight);
      }
    });
    return content.isEmpty() ? termWeights : content;
  }

  private static final org.apache.lucene.analysis.CharArraySet FUNCTION_WORDS = snowballStopWords();

  private static org.apache.lucene.analysis.CharArraySet snowballStopWords() {
    try {
      return org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(
          org.apache.lucene.util.IOUtils.getDecodingReader(
              Retriever.class.getResourceAsStream("english_stop.txt"),
              java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Lucene's English stop list cannot be read", e);
    }
  }

  /** The share of the question's term weight that the passage contains. */
  private static double coverage(
      Set<String> present, Map<String, Double> termWeights, double totalWeight) {
    if (totalWeight <= 0) {
      return 0;
    }
    double found = 0;
    for (Map.Entry<String, Double> entry : termWeights.entrySet()) {
      if (present.contains(entry.getKey())) {
        found += entry.getValue();
      }
    }
    return found / totalWeight;
  }

  /** The heaviest question term the passage lacks, as a share of the heaviest term. */
  private static double missingRarest(Set<String> present, Map<String, Double> termWeights) {
    double heaviest =
        termWeights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (heaviest <= 0) {
      return 0;
    }
    double missing = 0;
    for (Map.Entry<String, Double> entry : termWeights.entrySet()) {
      if (!present.contains(entry.getKey())) {
        missing = Math.max(missing, entry.getValue());
      }
    }
    return missing / heaviest;
  }

  private static long numeric(LeafReaderContext leaf, String field, int doc) throws IOException {
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
    if (!values.advanceExact(doc)) {
      throw new IllegalStateException("passage " + doc + " has no " + field);
    }
    return values.longValue();
  }

  private static Query filter(Collection<String> articleFilter) {
    Query type = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_PASSAGE));
    if (articleFilter == null) {
      return type;
    }
    List<BytesRef> ids = articleFilter.stream().map(BytesRef::new).toList();
    return new BooleanQuery.Builder()
        .add(type, BooleanClause.Occur.FILTER)
        .add(new TermInSetQuery(Schema.ARTICLE, ids), BooleanClause.Occur.FILTER)
        .build();
  }

  private static Query lexicalQuery(QueryTerms terms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Double> entry : terms.terms().entrySet()) {
      float weight = entry.getValue().floatValue();
      for (Map.Entry<String, Float> field : fields().entrySet()) {
        query.add(
            new BoostQuery(
                new TermQuery(new Term(field.getKey(), entry.getKey())), weight * field.getValue()),
            BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    for (Map.Entry<List<String>, Double> entry : terms.phrases().entrySet()) {
      PhraseQuery phrase = new PhraseQuery(1, Schema.TEXT, entry.getKey().toArray(String[]::new));
      query.add(new BoostQuery(phrase, entry.getValue().floatValue()), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : query.build();
  }

  private static Map<String, Float> fields() {
    return Map.of(Schema.TEXT, 1f, Schema.CONTEXT, CONTEXT_BOOST, Schema.TITLE, TITLE_BOOST);
  }

  /** The question's embedding, with the context's mixed in when there is one. */
  private float[] embedQuery(String question, String context) {
    float[] vector = embedder.embedQuery(question);
    return context.isBlank() ? vector : mix(vector, embedder.embedQuery(context), CONTEXT_MEANING);
  }

  /** {@code (1 - share) * a + share * b}, back to unit length so cosines stay comparable. */
  static float[] mix(float[] a, float[] b, double share) {
    float[] mixed = new float[a.length];
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      mixed[i] = (float) ((1 - share) * a[i] + share * b[i]);
      norm += mixed[i] * mixed[i];
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      for (int i = 0; i < mixed.length; i++) {
        mixed[i] = (float) (mixed[i] / length);
      }
    }
    return mixed;
  }

  private static double cosine(IndexReader reader, int doc, float[] query) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
    if (values == null) {
      return 0;
    }
    KnnVectorValues.DocIndexIterator iterator = values.iterator();
    int local = doc - leaf.docBase;
    if (iterator.advance(local) != local) {
      return 0;
    }
    float[] vector = values.vectorValue(iterator.index());
    double dot = 0;
    for (int i = 0; i < vector.length; i++) {
      dot += vector[i] * query[i];
    }
    return dot;
  }
}
