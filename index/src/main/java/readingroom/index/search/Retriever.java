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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.Analyzer;
import readingroom.index.model.Embedder;

/**
 * Finds and ranks candidate passages: BM25 over the passage text (with the paragraph and headline
 * as weaker fields) and a vector search over passage embeddings, fused into one score. Ties are
 * broken by article and offset so results are deterministic. The searches run on a {@link
 * PassageSearch}, so ranking is the same code over every backend.
 */
public final class Retriever {

  static final int LEXICAL_DEPTH = 100;
  static final int VECTOR_DEPTH = 50;
  static final int SHORTLIST_BY_MEANING = 30;
  static final int SHORTLIST_BY_WORDS = 15;

  private static final float CONTEXT_BOOST = 0.3f;
  private static final float TITLE_BOOST = 0.2f;

  /** Each term is searched in these fields at these boosts, in this order. */
  static final Map<String, Float> FIELDS = fieldBoosts();

  private static Map<String, Float> fieldBoosts() {
    Map<String, Float> fields = new java.util.LinkedHashMap<>();
    fields.put(Schema.TEXT, 1f);
    fields.put(Schema.CONTEXT, CONTEXT_BOOST);
    fields.put(Schema.TITLE, TITLE_BOOST);
    return java.util.Collections.unmodifiableMap(fields);
  }

  /** How much of a follow-up's embedding comes from the earlier question it follows on from. */
  static final double CONTEXT_MEANING = 0.35;

  private final Analyzer analyzer;
  private final Embedder embedder;
  private final List<List<String>> synonyms;
  private final Executor wordSearch;

  /**
   * @param synonyms groups of names that mean the same thing, each searched for the others
   * @param wordSearch where a question's words are analysed and searched while the asking thread
   *     embeds it ({@code Runnable::run} searches on the asking thread, after the embedding)
   */
  public Retriever(
      Analyzer analyzer, Embedder embedder, List<List<String>> synonyms, Executor wordSearch) {
    this.analyzer = analyzer;
    this.embedder = embedder;
    this.synonyms = synonyms;
    this.wordSearch = wordSearch;
  }

  /**
   * Reads now what the first question would otherwise wait for (the typo corrector's word list, the
   * antonym list), while the embedding model loads on its own thread.
   */
  public void warmUp() {
    EnglishWords.warmUp();
    NearMiss.warmUp();
  }

  /** The terms of a question and its ranked candidates. */
  public record Ranking(
      QueryTerms terms,
      QuestionFocus focus,
      Map<String, Double> termWeights,
      List<Candidate> candidates) {}

  public Ranking rank(
      PassageSearch search,
      String question,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles)
      throws IOException {
    return rank(search, question, "", articleFilter, articles, true);
  }

  /**
   * @param byMeaning false skips the question embedding and the vector search (the BM25 path, for
   *     benchmarks): candidates then come from words alone
   * @param context earlier text the question follows on from, or "": its words are searched at
   *     {@link QueryTerms#CONTEXT_WEIGHT} of a question word's weight, and its meaning is mixed
   *     into the question's embedding at {@link #CONTEXT_MEANING}, so the new words lead
   */
  public Ranking rank(
      PassageSearch search,
      String question,
      String context,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles,
      boolean byMeaning)
      throws IOException {
    // Typos first: the model reads the corrected question. Then the word search, which needs no
    // embedding, runs on another thread while this one embeds: the embedding is most of an ask, and
    // on the asking thread it is never queued behind a hand-off (it was 2 ms slower on another).
    String corrected = QueryTerms.correctTypos(question, search);
    CompletableFuture<Words> wordsSearched =
        CompletableFuture.supplyAsync(
            () -> searchWords(search, question, corrected, context, articleFilter, articles),
            byMeaning ? wordSearch : Runnable::run);
    float[] vector;
    try {
      vector = byMeaning ? embedQuery(corrected, context) : null;
    } catch (RuntimeException | Error e) {
      // The caller closes the search when this throws: not while the word search still reads it.
      wordsSearched.handle((words, failure) -> null).join();
      throw e;
    }
    Words words = finished(wordsSearched);
    QueryTerms terms = words.terms();
    QuestionFocus focus = words.focus();
    Map<String, Double> termWeights = words.termWeights();
    Map<Integer, Double> bm25 = words.bm25();
    Map<String, Double> contentWeights = words.contentWeights();
    Map<Integer, Reading> readings = words.readings();
    List<Integer> byWords = words.byWords();
    Set<Integer> docs = new HashSet<>(bm25.keySet());
    if (vector != null) {
      for (PassageSearch.Hit hit : search.nearest(vector, VECTOR_DEPTH, articleFilter)) {
        docs.add(hit.doc());
      }
    }

    // Only the most promising candidates get the costlier checks: the best by meaning and the best
    // by words. The rest could not reach the top three. Ties go to the earlier document.
    Map<Integer, Double> cosines = new HashMap<>();
    if (vector != null) {
      cosines.putAll(search.similarities(docs, vector));
    } else {
      docs.forEach(doc -> cosines.put(doc, 0.0));
    }
    Set<Integer> shortlist = new HashSet<>(byWords);
    cosines.entrySet().stream()
        .filter(e -> vector != null)
        .sorted(
            Map.Entry.<Integer, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(SHORTLIST_BY_MEANING)
        .forEach(e -> shortlist.add(e.getKey()));

    List<Candidate> candidates = new ArrayList<>();
    for (int doc : shortlist) {
      Reading reading =
          readings.containsKey(doc)
              ? readings.get(doc)
              : read(search, doc, articles, focus, contentWeights);
      if (reading != null) {
        candidates.add(reading.candidate(doc, bm25.getOrDefault(doc, 0.0), cosines.get(doc)));
      }
    }
    List<Candidate> scored = fuse(candidates);
    scored.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(PLACE));
    return new Ranking(terms, focus, termWeights, scored);
  }

  /** What the word search found, and its readings of the best passages by words. */
  private record Words(
      QueryTerms terms,
      QuestionFocus focus,
      Map<String, Double> termWeights,
      Map<Integer, Double> bm25,
      Map<String, Double> contentWeights,
      List<Integer> byWords,
      Map<Integer, Reading> readings) {}

  /**
   * The question's terms and their weights, the BM25 search, and the readings of the best passages
   * by words, none of which needs the question's embedding.
   */
  private Words searchWords(
      PassageSearch search,
      String question,
      String corrected,
      String context,
      Collection<String> articleFilter,
      java.util.function.Function<String, StoredArticle> articles) {
    try {
      QueryTerms terms =
          QueryTerms.of(question, corrected, analyzer, synonyms).withContext(context, analyzer);
      QuestionFocus focus = QuestionFocus.of(question);
      int passages = Math.max(1, search.passageCount());
      Map<String, Integer> docFreqs = search.docFreqs(terms.terms().keySet());
      Map<String, Double> termWeights = new HashMap<>();
      terms
          .terms()
          .forEach((term, weight) -> {
            int df = docFreqs.getOrDefault(term, 0);
            termWeights.put(term, weight * Math.log(1 + (passages - df + 0.5) / (df + 0.5)));
          });
      Map<Integer, Double> bm25 = new HashMap<>();
      for (PassageSearch.Hit hit : search.lexical(terms, FIELDS, articleFilter, LEXICAL_DEPTH)) {
        bm25.put(hit.doc(), (double) hit.score());
      }
      Map<String, Double> contentWeights = contentTerms(termWeights);
      List<Integer> byWords =
          bm25.entrySet().stream()
              .sorted(
                  Map.Entry.<Integer, Double>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(SHORTLIST_BY_WORDS)
              .map(Map.Entry::getKey)
              .toList();
      Map<Integer, Reading> readings = new HashMap<>();
      for (int doc : byWords) {
        readings.put(doc, read(search, doc, articles, focus, contentWeights));
      }
      return new Words(terms, focus, termWeights, bm25, contentWeights, byWords, readings);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What a passage holds of the question, before its similarity to the question is known. */
  private record Reading(
      String articleId,
      int start,
      int end,
      double coverage,
      double missingRarest,
      boolean datesMatch,
      boolean holdsAnswer,
      NearMiss nearMiss) {

    Candidate candidate(int doc, double bm25, double cosine) {
      return new Candidate(
          doc,
          articleId,
          start,
          end,
          bm25,
          cosine,
          coverage,
          missingRarest,
          datesMatch,
          holdsAnswer,
          nearMiss,
          0);
    }
  }

  /** The passage's reading, or null when its article is gone or shorter than the index says. */
  private Reading read(
      PassageSearch search,
      int doc,
      java.util.function.Function<String, StoredArticle> articles,
      QuestionFocus focus,
      Map<String, Double> contentWeights)
      throws IOException {
    PassageSearch.Located located = search.locate(doc);
    if (located == null) {
      return null;
    }
    StoredArticle article = articles.apply(located.articleId());
    if (article == null || located.end() > article.text().length()) {
      return null;
    }
    String passage = article.text().substring(located.start(), located.end());
    Set<String> present = new HashSet<>(QueryTerms.analyse(analyzer, passage));
    return new Reading(
        located.articleId(),
        located.start(),
        located.end(),
        coverage(present, contentWeights),
        missingRarest(present, contentWeights),
        Evidence.matchesDates(focus, passage, article.source().published()),
        Evidence.holdsAnswer(focus, passage),
        NearMiss.of(focus.nearMiss(), passage));
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

  /**
   * Ties go to the passage earlier in the corpus: by article id, then offset. Not by document id,
   * which differs between builds (the index is written from several threads) and between backends.
   */
  static final Comparator<Candidate> PLACE =
      Comparator.comparing(Candidate::articleId).thenComparingInt(Candidate::start);

  private static Map<Integer, Integer> ranks(List<Candidate> candidates, Comparator<Candidate> by) {
    List<Candidate> sorted =
        candidates.stream().sorted(by.reversed().thenComparing(PLACE)).toList();
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
  private static double coverage(Set<String> present, Map<String, Double> termWeights) {
    double totalWeight = termWeights.values().stream().mapToDouble(Double::doubleValue).sum();
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

  /** The word search's result, or what it threw, as if it had run on this thread. */
  private static <T> T finished(CompletableFuture<T> meaning) {
    try {
      return meaning.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
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
}
