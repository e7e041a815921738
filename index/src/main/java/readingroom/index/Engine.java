package readingroom.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.corpus.Cleaner;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.corpus.Passage;
import readingroom.index.corpus.Passages;
import readingroom.index.model.Article;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.Source;
import readingroom.index.search.BgeSmallEmbedder;
import readingroom.index.search.Candidate;
import readingroom.index.search.Confidence;
import readingroom.index.search.Excerpts;
import readingroom.index.search.IndexStore;
import readingroom.index.search.PageLink;
import readingroom.index.search.Retriever;
import readingroom.index.search.Schema;
import readingroom.index.search.StoredArticle;
import readingroom.index.search.TextFragmentLink;

/**
 * Reading Room's engine: a corpus folder and a Lucene index on disk, answering questions with
 * verbatim quotes. Thread-safe; open one per process and share it.
 */
public final class Engine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /**
   * Where the engine reads and writes, and how it cleans.
   *
   * @param corpus the folder of article files
   * @param index the folder of the Lucene index (created if missing)
   * @param synonyms alias groups for questions
   * @param extraDropPatterns corpus-specific lines to drop, as regular expressions
   */
  public record Options(
      Path corpus, Path index, Synonyms synonyms, List<Pattern> extraDropPatterns) {
    public Options {
      synonyms = synonyms == null ? Synonyms.none() : synonyms;
      extraDropPatterns = extraDropPatterns == null ? List.of() : List.copyOf(extraDropPatterns);
    }
  }

  /**
   * A corpus load: what was indexed, which files were refused ({@code problems}) and which loaded
   * with something to fix ({@code warnings}).
   */
  public record LoadReport(
      IndexReport index, List<CorpusProblem> problems, List<CorpusProblem> warnings) {}

  /** What an index update did. */
  public record IndexReport(
      int added,
      int updated,
      int removed,
      int unchanged,
      int passages,
      int embedded,
      long version) {}

  /** An article as cleaned, with what cleaning dropped, for {@code index --explain}. */
  public record Explained(Source source, String text, List<Article.Dropped> dropped) {}

  private final Options options;
  private final Directory directory;
  private final Embedder embedder;
  private final Analyzer analyzer = Schema.analyzer();
  private final Retriever retriever;
  private final Excerpts excerpts;
  private final CorpusReader corpusReader;
  private final SearcherManager searchers;
  private final AnswerCache answers = new AnswerCache(ANSWER_CACHE_SIZE);
  private volatile Catalogue catalogue;

  /** Answers kept per index version: a few MB, and far more than a class asks in a day. */
  static final int ANSWER_CACHE_SIZE = 10_000;

  /** The articles of one index version, in memory: everything a reply needs besides the search. */
  private record Catalogue(long version, Map<String, StoredArticle> articles) {}

  /** The load that opening the engine did, so {@code index} can report it truly. */
  private final LoadReport openingLoad;

  private Engine(Options options, Embedder embedder, Directory directory, LoadReport openingLoad)
      throws IOException {
    this.options = options;
    this.openingLoad = openingLoad;
    this.directory = directory;
    this.embedder = embedder;
    this.retriever = new Retriever(analyzer, embedder, options.synonyms());
    this.excerpts = new Excerpts(analyzer);
    this.corpusReader = corpusReader(options);
    this.searchers = new SearcherManager(directory, new SearcherFactory());
    this.catalogue = loadCatalogue();
  }

  /**
   * Opens the engine, building the index first if it is missing and updating changed articles.
   *
   * @throws EngineException with a message for the user when the corpus or index cannot be used
   */
  public static Engine open(Options options) {
    return open(options, IndexProgress.NONE);
  }

  /** Opens the engine, reporting the progress of the index update that opening does. */
  public static Engine open(Options options, IndexProgress progress) {
    return open(options, new BgeSmallEmbedder(), progress);
  }

  /** What opening the engine loaded and indexed: the true summary of {@code readingroom index}. */
  public LoadReport openingLoad() {
    return openingLoad;
  }

  static Engine open(Options options, Embedder embedder, IndexProgress progress) {
    Directory directory = IndexStore.open(options.index());
    try {
      CorpusReader reader = corpusReader(options);
      CorpusReader.Loaded loaded = reader.load(options.corpus());
      loaded.problems().forEach(p -> log.warn("Skipped corpus file {}", p));
      loaded.warnings().forEach(p -> log.warn("Corpus file {}", p));
      if (loaded.articles().isEmpty()) {
        throw new CorpusException(
            "The corpus folder " + options.corpus() + " holds no loadable article.");
      }
      IndexReport report =
          IndexStore.update(directory, loaded.articles(), embedder, false, progress);
      if (report.added() + report.updated() + report.removed() > 0) {
        log.info(
            "Index updated: {} added, {} updated, {} removed, {} unchanged",
            report.added(),
            report.updated(),
            report.removed(),
            report.unchanged());
      }
      return new Engine(
          options,
          embedder,
          directory,
          new LoadReport(report, loaded.problems(), loaded.warnings()));
    } catch (IOException e) {
      closeQuietly(directory);
      throw new EngineException(
          "The index in " + options.index() + " cannot be used: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  /**
   * Reads the corpus folder again and updates the index; {@code full} re-processes every article.
   */
  public LoadReport reindex(boolean full, IndexProgress progress) {
    CorpusReader.Loaded loaded = corpusReader.load(options.corpus());
    if (loaded.articles().isEmpty()) {
      throw new CorpusException(
          "The corpus folder " + options.corpus() + " holds no loadable article.");
    }
    try {
      IndexReport report =
          IndexStore.update(directory, loaded.articles(), embedder, full, progress);
      searchers.maybeRefreshBlocking();
      catalogue = loadCatalogue();
      return new LoadReport(report, loaded.problems(), loaded.warnings());
    } catch (IOException e) {
      throw new EngineException(
          "The index in " + options.index() + " cannot be updated: " + e.getMessage(), e);
    }
  }

  /**
   * The cleaned articles and the problem files of the corpus folder, without touching the index.
   */
  public static CorpusExplanation explainCorpus(Options options) {
    CorpusReader reader = corpusReader(options);
    CorpusReader.Loaded loaded = reader.load(options.corpus());
    List<Explained> articles = new ArrayList<>();
    for (Article article : loaded.articles()) {
      articles.add(new Explained(article.source(), article.text(), article.dropped()));
    }
    return new CorpusExplanation(articles, loaded.problems(), loaded.warnings());
  }

  /** The corpus as cleaning sees it. */
  public record CorpusExplanation(
      List<Explained> articles, List<CorpusProblem> problems, List<CorpusProblem> warnings) {}

  private static CorpusReader corpusReader(Options options) {
    return new CorpusReader(new Cleaner(new CleaningRules(options.extraDropPatterns())));
  }

  /** The index version: it changes whenever the indexed articles change. */
  public long version() {
    refresh();
    return catalogue.version();
  }

  /**
   * Answers a question with up to {@code question.maxQuotes()} verbatim quotes. A question asked
   * before on the same index version is answered from a cache.
   */
  public Answer ask(Question question) {
    return ask(question, true, true);
  }

  /**
   * @param cached whether the answer cache may serve and keep this answer
   * @param byMeaning false leaves out the question embedding and the vector search (the BM25 path)
   */
  Answer ask(Question question, boolean cached, boolean byMeaning) {
    long started = System.nanoTime();
    String text = QuestionText.clean(question.text());
    refresh();
    Catalogue current = catalogue;
    if (cached) {
      Answer known = answers.get(current.version(), text, question);
      if (known != null) {
        return new Answer(
            question.text().strip(), known.answered(), known.results(), elapsed(started));
      }
    }
    Answer answer = search(question, text, current, started, byMeaning);
    if (cached) {
      answers.put(current.version(), text, question, answer);
    }
    return answer;
  }

  private Answer search(
      Question question, String text, Catalogue current, long started, boolean byMeaning) {
    List<String> admitted = admitted(current, question.scope());
    if (admitted != null && admitted.isEmpty()) {
      return new Answer(question.text().strip(), false, List.of(), elapsed(started));
    }
    IndexSearcher searcher = acquire();
    try {
      Retriever.Ranking ranking =
          retriever.rank(searcher, text, admitted, current.articles()::get, byMeaning);
      List<Result> results = new ArrayList<>();
      List<Result> chosen = new ArrayList<>();
      Candidate best = null;
      int wanted = question.skip() + question.maxQuotes();
      for (Candidate candidate : ranking.candidates()) {
        StoredArticle article = current.articles().get(candidate.articleId());
        if (article == null) {
          continue;
        }
        Excerpts.Excerpt excerpt =
            excerpts.choose(
                article.text(), candidate.start(), candidate.end(), ranking.termWeights());
        Result result =
            new Result(
                article.source(),
                excerpt.quote(),
                excerpt.highlights(),
                link(article, excerpt.start(), excerpt.end()),
                round(candidate.score()),
                excerpt.start(),
                excerpt.end());
        if (chosen.stream().anyMatch(r -> nearDuplicate(r, result))) {
          continue;
        }
        if (best == null) {
          best = candidate;
        }
        chosen.add(result);
        if (chosen.size() >= wanted) {
          break;
        }
      }
      boolean answered = best != null && Confidence.answers(best, ranking.focus());
      results.addAll(chosen.subList(Math.min(question.skip(), chosen.size()), chosen.size()));
      return new Answer(question.text().strip(), answered, results, elapsed(started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /** The ranked candidates of a question, with their signals: for tuning and tests. */
  List<Candidate> candidates(String question) throws IOException {
    Catalogue current = catalogue;
    IndexSearcher searcher = acquire();
    try {
      return retriever
          .rank(searcher, QuestionText.clean(question), null, current.articles()::get)
          .candidates();
    } finally {
      release(searcher);
    }
  }

  /** The articles a scope admits, newest first. */
  public List<Source> sources(Scope scope) {
    refresh();
    return catalogue.articles().values().stream()
        .map(StoredArticle::source)
        .filter(scope::admits)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** One article's metadata. */
  public Optional<Source> source(String id) {
    refresh();
    StoredArticle article = id == null ? null : catalogue.articles().get(id);
    return Optional.ofNullable(article).map(StoredArticle::source);
  }

  /**
   * Articles whose headline, outlet or id contain all the typed words (for autocomplete and {@code
   * /article}), best first; an empty text lists all.
   */
  public List<Source> findSources(String words, Scope scope, int limit) {
    List<String> wanted =
        words == null
            ? List.of()
            : java.util.Arrays.stream(CleaningRules.normalise(words).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    return sources(scope).stream()
        .filter(s -> {
          String haystack = CleaningRules.normalise(s.title() + " " + s.outlet() + " " + s.id());
          return wanted.stream().allMatch(haystack::contains);
        })
        .limit(limit)
        .toList();
  }

  /** The first {@code count} sentences of an article, as quotes, for {@code /article}. */
  public List<Result> openingQuotes(String id, int count) {
    refresh();
    StoredArticle article = catalogue.articles().get(id);
    if (article == null) {
      return List.of();
    }
    List<Result> quotes = new ArrayList<>();
    for (Passage passage :
        Passages.of(new Article(article.source(), article.text(), List.of(), ""))) {
      if (quotes.size() >= count) {
        break;
      }
      Excerpts.Excerpt excerpt =
          excerpts.choose(article.text(), passage.start(), passage.end(), Map.of());
      if (quotes.stream().anyMatch(q -> q.end() > excerpt.start())) {
        continue;
      }
      quotes.add(
          new Result(
              article.source(),
              excerpt.quote(),
              List.of(),
              link(article, excerpt.start(), excerpt.end()),
              0,
              excerpt.start(),
              excerpt.end()));
    }
    return quotes;
  }

  /**
   * The link that opens the quote: a PDF's page, a web page scrolled to the text; none for an
   * article without an address.
   */
  private static String link(StoredArticle article, int start, int end) {
    Source source = article.source();
    if (source.url() == null) {
      return null;
    }
    if (!source.pageStarts().isEmpty()) {
      return PageLink.of(source.url(), source.pageStarts(), start);
    }
    return TextFragmentLink.of(source.url(), article.text().substring(start, end));
  }

  /** The cleaned text of an article, or empty for an unknown id. */
  public Optional<String> articleText(String id) {
    refresh();
    StoredArticle article = id == null ? null : catalogue.articles().get(id);
    return Optional.ofNullable(article).map(StoredArticle::text);
  }

  @Override
  public void close() {
    try {
      searchers.close();
    } catch (IOException e) {
      log.warn("Closing the index searcher failed", e);
    }
    closeQuietly(directory);
  }

  private static final Comparator<Source> NEWEST_FIRST =
      Comparator.comparing(Source::published, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Source::id);

  private static List<String> admitted(Catalogue catalogue, Scope scope) {
    if (scope.isAll()) {
      return null;
    }
    return catalogue.articles().values().stream()
        .map(StoredArticle::source)
        .filter(scope::admits)
        .map(Source::id)
        .toList();
  }

  private static boolean nearDuplicate(Result a, Result b) {
    if (a.source().id().equals(b.source().id()) && a.start() < b.end() && b.start() < a.end()) {
      return true;
    }
    Set<String> wa = wordSet(a.verbatim());
    Set<String> wb = wordSet(b.verbatim());
    long common = wa.stream().filter(wb::contains).count();
    return common > 0.6 * Math.min(wa.size(), wb.size());
  }

  private static Set<String> wordSet(String text) {
    return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() > 3)
        .collect(Collectors.toSet());
  }

  private volatile long lastRefresh;
  private final java.util.concurrent.atomic.AtomicInteger catalogueLoads =
      new java.util.concurrent.atomic.AtomicInteger();

  private void refresh() {
    long now = System.nanoTime();
    if (now - lastRefresh < 1_000_000_000L) {
      return;
    }
    lastRefresh = now;
    refreshNow();
  }

  /**
   * Picks up a new commit. The catalogue is read again only when the commit's version changed:
   * reading it costs a stored-field read of every article (seconds at a million passages), and
   * {@code maybeRefresh} reports success for an unchanged index too.
   */
  void refreshNow() {
    try {
      if (searchers.maybeRefresh() && committedVersion() != catalogue.version()) {
        Catalogue fresh = loadCatalogue();
        if (fresh.version() != catalogue.version()) {
          catalogue = fresh;
        }
      }
    } catch (IOException e) {
      log.warn("Refreshing the index failed; still serving version {}", catalogue.version(), e);
    }
  }

  /** How many times the catalogue was read from the index: for tests. */
  int catalogueLoads() {
    return catalogueLoads.get();
  }

  private long committedVersion() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return versionOf((DirectoryReader) searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  private static long versionOf(DirectoryReader reader) throws IOException {
    return Long.parseLong(
        reader.getIndexCommit().getUserData().getOrDefault(Schema.COMMIT_VERSION, "0"));
  }

  private Catalogue loadCatalogue() throws IOException {
    catalogueLoads.incrementAndGet();
    IndexSearcher searcher = searchers.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      long version = versionOf(reader);
      Map<String, StoredArticle> articles = new LinkedHashMap<>();
      TermQuery query = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE));
      for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        Source source = IndexStore.readSource(doc.get(Schema.META));
        articles.put(source.id(), new StoredArticle(source, doc.get(Schema.BODY)));
      }
      return new Catalogue(version, Map.copyOf(articles));
    } finally {
      searchers.release(searcher);
    }
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      log.warn("Releasing a searcher failed", e);
    }
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }

  private static void closeQuietly(Directory directory) {
    try {
      directory.close();
    } catch (IOException e) {
      log.warn("Closing the index folder failed", e);
    }
  }
}
