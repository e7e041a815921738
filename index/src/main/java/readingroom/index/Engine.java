package readingroom.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.corpus.Cleaner;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.corpus.Passage;
import readingroom.index.corpus.Passages;
import readingroom.index.corpus.Words;
import readingroom.index.model.Article;
import readingroom.index.model.ConfidenceModel;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.OpenSearchConnection;
import readingroom.index.model.PassageReader;
import readingroom.index.model.Source;
import readingroom.index.model.Span;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;
import readingroom.index.search.Candidate;
import readingroom.index.search.Excerpts;
import readingroom.index.search.Features;
import readingroom.index.search.Judge;
import readingroom.index.search.LuceneBackend;
import readingroom.index.search.OpenSearchBackend;
import readingroom.index.search.PageLink;
import readingroom.index.search.PassageSearch;
import readingroom.index.search.Retriever;
import readingroom.index.search.Schema;
import readingroom.index.search.SearchBackend;
import readingroom.index.search.StoredArticle;
import readingroom.index.search.TextFragmentLink;

/**
 * Reading Room's engine: a corpus folder and a Lucene index on disk, answering questions with
 * verbatim quotes. Thread-safe; open one per process and share it. It keeps no answer cache: an
 * answer is a pure function of the question and {@link #version()}, so a caller that wants one keys
 * it by {@link QuestionText#normalise} and the version.
 */
public final class Engine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /**
   * A corpus load: what was indexed, which files were refused ({@code problems}) and which loaded
   * with something to fix ({@code warnings}).
   */
  public record LoadReport(
      IndexReport index, List<CorpusProblem> problems, List<CorpusProblem> warnings) {}

  /** An article as cleaned, with what cleaning dropped, for {@code index --explain}. */
  public record Explained(Source source, String text, List<Article.Dropped> dropped) {}

  /** The corpus as cleaning sees it. */
  public record CorpusExplanation(
      List<Explained> articles, List<CorpusProblem> problems, List<CorpusProblem> warnings) {}

  /**
   * How to open an engine. Only the two folders are required; the rest default to what the bot runs
   * with: no synonyms, no extra drop patterns, the BGE small embedder, no progress display.
   */
  public static final class Builder {
    private Path corpus;
    private Path index;
    private Synonyms synonyms = Synonyms.none();
    private List<Pattern> dropPatterns = List.of();
    private Embedder embedder;
    private IndexProgress progress = IndexProgress.NONE;
    private boolean wordsOnly;
    private Updates updates = Updates.BEFORE_OPENING;
    private VectorFormat vectorFormat = DEFAULT_VECTOR_FORMAT;
    private ConfidenceModel confidence;
    private Path confidenceFile;
    private PassageReader reader;
    private java.util.function.Supplier<PassageReader> readerSource;
    private int judgeDepth = Judge.DEFAULT_DEPTH;
    private Duration firstRetry = Duration.ofSeconds(10);
    private Duration maxRetry = Duration.ofMinutes(10);
    private OpenSearchConnection openSearch;

    private Builder() {}

    /**
     * How long a failed background update waits before it tries again: {@code first} after the
     * first failure, doubling up to {@code max} (10 s to 10 min by default). Tests shorten it.
     */
    Builder updateRetry(Duration first, Duration max) {
      if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException("retry waits must be positive, first <= max");
      }
      this.firstRetry = first;
      this.maxRetry = max;
      return this;
    }

    /**
     * Indexes and searches in an OpenSearch cluster instead of the embedded Lucene index folder
     * (which is then not used); null goes back to the folder. Embeddings are still computed here.
     */
    public Builder openSearch(OpenSearchConnection connection) {
      this.openSearch = connection;
      return this;
    }

    /**
     * When a changed corpus reaches an index that already has a commit (a missing or incompatible
     * index is always built first, since nothing could be answered from it). Default {@link
     * Updates#BEFORE_OPENING}.
     */
    public Builder updates(Updates updates) {
      this.updates = Objects.requireNonNull(updates, "updates");
      return this;
    }

    /** The folder of article files. */
    public Builder corpus(Path corpus) {
      this.corpus = Objects.requireNonNull(corpus, "corpus");
      return this;
    }

    /** The folder of the Lucene index, created if missing. */
    public Builder index(Path index) {
      this.index = Objects.requireNonNull(index, "index");
      return this;
    }

    /** Alias groups for questions. */
    public Builder synonyms(Synonyms synonyms) {
      this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
      return this;
    }

    /** Corpus-specific lines to drop while cleaning, as regular expressions. */
    public Builder dropPatterns(List<Pattern> dropPatterns) {
      this.dropPatterns = List.copyOf(dropPatterns);
      return this;
    }

    /**
     * The embedder of passages and questions. An index built with another embedder (by {@link
     * Embedder#name()}) is rebuilt on open.
     */
    public Builder embedder(Embedder embedder) {
      this.embedder = Objects.requireNonNull(embedder, "embedder");
      return this;
    }

    /** Told of each article indexed while the engine opens. */
    public Builder progress(IndexProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Asks find candidates by words alone (BM25), without embedding the question or searching by
     * vector: faster and weaker, the baseline for benchmarks. The index keeps its vectors.
     */
    public Builder wordsOnly(boolean wordsOnly) {
      this.wordsOnly = wordsOnly;
      return this;
    }

    /**
     * How the index stores vectors (default {@link #DEFAULT_VECTOR_FORMAT}). Changing it rebuilds
     * the index on open, reusing every vector.
     */
    public Builder vectorFormat(VectorFormat vectorFormat) {
      this.vectorFormat = Objects.requireNonNull(vectorFormat, "vectorFormat");
      return this;
    }

    /**
     * The confidence model file ({@code readingroom train} writes one); by default the model
     * bundled in the jar. A missing, damaged or mismatched file stops the open with a message
     * naming it.
     */
    public Builder confidenceModel(Path file) {
      this.confidenceFile = file;
      this.confidence = null;
      return this;
    }

    /** A confidence model already in memory (for training a new one, or tests). */
    public Builder confidence(ConfidenceModel model) {
      this.confidence = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The passage reader run over the best candidates; none by default. A confidence model trained
     * with a reader needs one.
     */
    public Builder reader(PassageReader reader) {
      this.reader = reader;
      return this;
    }

    /**
     * Where to get a passage reader when the confidence model needs one and none was given: a
     * reader is loaded only for a model that uses it.
     */
    public Builder readerSource(java.util.function.Supplier<PassageReader> source) {
      this.readerSource = source;
      return this;
    }

    /** How many of the best candidates are judged (and read) per question. */
    public Builder judgeDepth(int depth) {
      if (depth < 1 || depth > 50) {
        throw new IllegalArgumentException("judge depth must be 1 to 50, was " + depth);
      }
      this.judgeDepth = depth;
      return this;
    }

    /**
     * Opens the engine, building the index first if it is missing and updating changed articles.
     *
     * @throws EngineException with a message for the user when the corpus or index cannot be used
     */
    public Engine open() {
      requireFolders();
      Judge judge = judge();
      try {
        return Engine.open(this, embedder == null ? new BgeSmallEmbedder() : embedder, judge);
      } catch (RuntimeException e) {
        awaitModelLoad(); // the caller may exit at once: not while the model is half loaded
        throw e;
      }
    }

    /**
     * The cleaned articles and the problem files of the corpus folder, without touching the index.
     *
     * @throws CorpusException when the corpus folder cannot be read
     */
    public CorpusExplanation explainCorpus() {
      Objects.requireNonNull(corpus, "corpus folder not set");
      CorpusReader.Loaded loaded = loadCorpus(corpusReader(dropPatterns), corpus);
      List<Explained> articles = new ArrayList<>();
      for (Article article : loaded.articles()) {
        articles.add(new Explained(article.source(), article.text(), article.dropped()));
      }
      return new CorpusExplanation(articles, loaded.problems(), loaded.warnings());
    }

    private Judge judge() {
      ConfidenceModel model;
      try {
        model = confidence != null ? confidence : ConfidenceModel.load(confidenceFile);
      } catch (ConfidenceModel.Unusable e) {
        throw new EngineException(e.getMessage(), e);
      }
      PassageReader reader = this.reader;
      if (reader == null && model.needsReader() && readerSource != null) {
        reader = readerSource.get();
      }
      if (model.needsReader() && reader == null) {
        throw new EngineException(
            "The confidence model "
                + (confidenceFile != null ? confidenceFile : ConfidenceModel.BUNDLED)
                + " was trained with the passage reader "
                + model.reader()
                + ", but no reader is configured.");
      }
      return new Judge(model, reader, judgeDepth);
    }

    private void requireFolders() {
      Objects.requireNonNull(corpus, "corpus folder not set");
      if (openSearch == null) {
        Objects.requireNonNull(index, "index folder not set");
      }
    }
  }

  /**
   * int8: a quarter of the float vectors' memory, the same answers on the development questions and
   * recall of the top 10 within a point of floats at 741,576 passages (BENCHMARKS.md).
   */
  public static final VectorFormat DEFAULT_VECTOR_FORMAT = VectorFormat.INT8;

  /** How many of each article's best passages a comparison across articles judges. */
  private static final int PER_ARTICLE = 2;

  private final Path corpus;
  private final VectorFormat vectorFormat;
  private final SearchBackend backend;
  private final Embedder embedder;
  private final boolean wordsOnly;
  private final Analyzer analyzer = Schema.analyzer();
  private final Retriever retriever;

  /**
   * Searches questions' words while the asking thread embeds them. As many threads as cores: a word
   * search keeps a core busy, so more would only queue for the cores.
   */
  /** Held while this engine updates its index: one writer at a time, the others wait. */
  private final Object updating = new Object();

  private final ExecutorService wordSearch =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().name("readingroom-word-search-", 1).daemon().factory());

  private final Excerpts excerpts;
  private final CorpusReader corpusReader;
  private final Judge judge;

  /** The load that opening the engine did, so {@code index} can report it truly. */
  private final LoadReport openingLoad;

  /** The comparison of the corpus with a served index, done once it ends (or never started). */
  private volatile CompletableFuture<Void> staleCheck = CompletableFuture.completedFuture(null);

  /** Counted down on close: a background update waiting to try again stops. */
  private final CountDownLatch closing = new CountDownLatch(1);

  private Engine(
      Builder builder,
      Embedder embedder,
      SearchBackend backend,
      Judge judge,
      LoadReport openingLoad)
      throws IOException {
    this.openingLoad = openingLoad;
    this.corpus = builder.corpus;
    this.backend = backend;
    this.embedder = embedder;
    this.wordsOnly = builder.wordsOnly;
    this.vectorFormat = builder.vectorFormat;
    this.retriever = new Retriever(analyzer, embedder, builder.synonyms.groups(), wordSearch);
    this.excerpts = new Excerpts(analyzer);
    this.corpusReader = corpusReader(builder.dropPatterns);
    this.judge = judge;
    backend.startServing();
  }

  /**
   * Who writes the index. Only one process can hold Lucene's write lock, so readers that open the
   * committed index never take it: concurrent {@code ask}s, or an {@code ask} while {@code index}
   * runs, all answer.
   */
  public enum Updates {
    /** Update changed articles before answering: {@code readingroom index}, and tests. */
    BEFORE_OPENING,
    /**
     * Serve the committed index at once and update it on a background thread, the new commit served
     * when written: a serving process that should not wait for a re-index to answer.
     */
    IN_BACKGROUND,
    /**
     * Serve the committed index read-only (a read-only folder is enough); a changed corpus is only
     * reported, with the command that updates it. For one-shot readers such as {@code ask}.
     */
    NEVER
  }

  /**
   * Starts loading the default embedding model on its own thread (about a second), if it has not
   * started: a process about to open an engine calls this first, so the load overlaps its own
   * start-up. The engine waits for it when it opens.
   */
  public static void startLoadingModel() {
    BgeSmallEmbedder.startLoading();
  }

  /**
   * Waits until a load {@link #startLoadingModel} (or an engine) started has ended: call it before
   * the process exits, which it must not do while ONNX Runtime builds the model's session.
   */
  public static void awaitModelLoad() {
    BgeSmallEmbedder.awaitLoadIfStarted();
  }

  /** A builder for an engine over a corpus folder and an index folder. */
  public static Builder builder() {
    return new Builder();
  }

  private static Engine open(Builder builder, Embedder embedder, Judge judge) {
    Engine engine = openIndex(builder, embedder, judge);
    try {
      // The word list loads beside the model (and beside a caller still setting up), not at the
      // first question; a question that comes first waits for it as for any class being loaded.
      engine.wordSearch.execute(engine.retriever::warmUp);
      embedder.awaitReady(); // a model that cannot load stops the start, not the first question
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private static Engine openIndex(Builder builder, Embedder embedder, Judge judge) {
    if (builder.updates != Updates.BEFORE_OPENING) {
      Engine served = serveCommitted(builder, embedder, judge);
      if (served != null) {
        return served;
      }
    }
    SearchBackend backend = writableBackend(builder);
    try {
      CorpusReader.Loaded loaded = loadArticles(corpusReader(builder.dropPatterns), builder.corpus);
      loaded.problems().forEach(p -> log.warn("Skipped corpus file {}", p));
      loaded.warnings().forEach(p -> log.warn("Corpus file {}", p));
      IndexReport report =
          backend.update(
              loaded.articles(), embedder, builder.vectorFormat, false, builder.progress);
      if (report.added() + report.updated() + report.removed() > 0) {
        logUpdate(report);
      }
      return new Engine(
          builder,
          embedder,
          backend,
          judge,
          new LoadReport(report, loaded.problems(), loaded.warnings()));
    } catch (IOException e) {
      closeQuietly(backend);
      throw new EngineException(
          "The index in " + backend.describe() + " cannot be used: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(backend);
      throw e;
    }
  }

  /**
   * What opening the engine loaded and indexed: the true summary of {@code readingroom index}.
   *
   * @throws IllegalStateException when the engine served the committed index without loading the
   *     corpus ({@link Updates#NEVER} or {@link Updates#IN_BACKGROUND})
   */
  public LoadReport openingLoad() {
    if (openingLoad == null) {
      throw new IllegalStateException("This engine served the committed index without loading");
    }
    return openingLoad;
  }

  /**
   * The engine over the committed index, opened without a writer, or null when there is none this
   * embedder can serve (it must be built first).
   */
  private static Engine serveCommitted(Builder builder, Embedder embedder, Judge judge) {
    if (builder.openSearch == null && !Files.isDirectory(builder.index)) {
      return null;
    }
    SearchBackend backend = null;
    try {
      backend =
          builder.openSearch != null
              ? new OpenSearchBackend(builder.openSearch, builder.vectorFormat)
              : new LuceneBackend(
                  FSDirectory.open(builder.index), builder.index, builder.vectorFormat);
      if (!backend.servable(embedder)) {
        backend.close();
        return null;
      }
      Engine engine = new Engine(builder, embedder, backend, judge, null);
      if (builder.updates == Updates.IN_BACKGROUND) {
        engine.updateInBackground(builder.progress, builder.firstRetry, builder.maxRetry);
      } else {
        // Reading the whole corpus to compare it takes a while (0.4 s for five articles): it runs
        // beside the first questions, and close() waits for its warning.
        engine.staleCheck = CompletableFuture.runAsync(engine::reportIfStale, engine.wordSearch);
      }
      return engine;
    } catch (IOException e) {
      String where = backend != null ? backend.describe() : builder.index.toString();
      closeQuietly(backend);
      throw new EngineException("The index in " + where + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Tells the log that answers come from an index older than the corpus, and how to update it. */
  private void reportIfStale() {
    try {
      CorpusReader.Loaded loaded = loadArticles(corpusReader, corpus);
      if (!backend.current(loaded.articles())) {
        log.warn(
            "The corpus in {} has changed since the index was built; answering from the index as"
                + " it is. Run `readingroom index` to update it.",
            corpus);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not compare the corpus in {} with the index: {}", corpus, e.getMessage());
    }
  }

  /**
   * Updates the index from the corpus on a named daemon thread, if anything changed; the new commit
   * is served once written. A failure (another process holding the write lock, a full disk) is
   * logged, the committed index keeps being served, and the update is tried again after a wait that
   * doubles from {@code firstRetry} up to {@code maxRetry}, until it succeeds or the engine closes.
   */
  private void updateInBackground(IndexProgress progress, Duration firstRetry, Duration maxRetry) {
    Thread.ofPlatform()
        .name("readingroom-index-update")
        .daemon()
        .start(() -> {
          Duration wait = firstRetry;
          for (int attempt = 1; ; attempt++) {
            try {
              updateIfChanged(progress);
              return;
            } catch (IOException | RuntimeException e) {
              if (closing.getCount() == 0) {
                return;
              }
              log.warn(
                  "Updating the index in the background failed (attempt {}); still answering from"
                      + " the last commit, trying again in {}: {}",
                  attempt,
                  wait.toSeconds() >= 1 ? wait.toSeconds() + " s" : wait.toMillis() + " ms",
                  e.toString());
            }
            try {
              if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
              }
            } catch (InterruptedException e) {
              return;
            }
            wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
          }
        });
  }

  private void updateIfChanged(IndexProgress progress) throws IOException {
    synchronized (updating) {
      CorpusReader.Loaded loaded = loadArticles(corpusReader, corpus);
      if (backend.current(loaded.articles())) {
        return;
      }
      log.info("The corpus has changed: updating the index while answering from the last one");
      IndexReport report =
          backend.update(loaded.articles(), embedder, vectorFormat, false, progress);
      backend.reload();
      logUpdate(report);
    }
  }

  private static void logUpdate(IndexReport report) {
    log.info(
        "Index updated: {} added, {} updated, {} removed, {} unchanged",
        report.added(),
        report.updated(),
        report.removed(),
        report.unchanged());
  }

  /**
   * Reads the corpus folder again and updates the index; {@code full} re-processes every article.
   * An update already under way (the start-up one, a feed's) is waited for, not failed on: the
   * index has one writer at a time.
   */
  public LoadReport reindex(boolean full, IndexProgress progress) {
    synchronized (updating) {
      CorpusReader.Loaded loaded = loadArticles(corpusReader, corpus);
      try {
        IndexReport report =
            backend.update(loaded.articles(), embedder, vectorFormat, full, progress);
        backend.reload();
        return new LoadReport(report, loaded.problems(), loaded.warnings());
      } catch (IOException e) {
        throw new EngineException(
            "The index in " + backend.describe() + " cannot be updated: " + e.getMessage(), e);
      }
    }
  }

  private static CorpusReader corpusReader(List<Pattern> dropPatterns) {
    return new CorpusReader(new Cleaner(new CleaningRules(dropPatterns)));
  }

  /** The corpus, or a message for the user saying why it cannot be read. */
  private static CorpusReader.Loaded loadCorpus(CorpusReader reader, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CorpusException(
          "The corpus folder " + folder + " does not exist or is not a folder.");
    }
    try {
      return reader.load(folder);
    } catch (IOException e) {
      throw new CorpusException(
          "The corpus folder " + folder + " cannot be read: " + e.getMessage());
    }
  }

  /** {@link #loadCorpus}, refusing a corpus with nothing to index. */
  private static CorpusReader.Loaded loadArticles(CorpusReader reader, Path folder) {
    CorpusReader.Loaded loaded = loadCorpus(reader, folder);
    if (loaded.articles().isEmpty()) {
      throw new CorpusException("The corpus folder " + folder + " holds no loadable article.");
    }
    return loaded;
  }

  /** The backend an update writes to: the OpenSearch cluster, or the index folder, created. */
  private static SearchBackend writableBackend(Builder builder) {
    if (builder.openSearch != null) {
      return new OpenSearchBackend(builder.openSearch, builder.vectorFormat);
    }
    return new LuceneBackend(openIndexFolder(builder.index), builder.index, builder.vectorFormat);
  }

  private static Directory openIndexFolder(Path folder) {
    try {
      Files.createDirectories(folder);
      if (!Files.isWritable(folder)) {
        throw new EngineException("The index folder " + folder + " is not writable.");
      }
      return FSDirectory.open(folder);
    } catch (AccessDeniedException e) {
      throw new EngineException("The index folder " + folder + " is not writable.", e);
    } catch (IOException e) {
      throw new EngineException(
          "The index folder " + folder + " cannot be opened: " + e.getMessage(), e);
    }
  }

  /** The index version: it changes whenever the indexed articles change. */
  public long version() {
    return backend.current().version();
  }

  /**
   * Answers a question with up to {@code question.maxQuotes()} verbatim quotes.
   *
   * @throws InvalidQuestionException when the question is empty or too long, with a message for the
   *     user
   */
  public Answer ask(Question question) {
    return ranked(
        question,
        (ranking, judged, articles) -> {
          List<Result> chosen = new ArrayList<>();
          Judge.Judged best = null;
          int wanted = question.skip() + question.maxQuotes();
          for (Judge.Judged candidate : judged) {
            // Each quote clears its own bar: never padded with passages far below the best.
            if (best != null && !judge.shownAfter(best, candidate)) {
              continue;
            }
            Result result = result(articles, candidate, ranking);
            if (result == null || chosen.stream().anyMatch(r -> nearDuplicate(r, result))) {
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
          boolean answered = best != null && judge.answers(best);
          return new Answered(
              answered,
              new ArrayList<>(
                  chosen.subList(Math.min(question.skip(), chosen.size()), chosen.size())));
        });
  }

  /**
   * The best quote of each article about a topic, best first, up to {@code maxArticles}: for laying
   * a topic out across sources (a timeline). A topic is not a question a passage answers, so an
   * article is kept when its best passage is at least half as likely as the best article's (the bar
   * for the closest passages); the answer is answered when the best clears the calibrated
   * confidence. {@code question.maxQuotes()} and {@code skip()} are ignored.
   */
  public Answer aboutEachArticle(Question question, int maxArticles) {
    return ranked(
        question,
        true,
        (ranking, judged, articles) -> {
          List<Result> kept = new ArrayList<>();
          Set<String> seen = new java.util.HashSet<>();
          Judge.Judged best = judged.isEmpty() ? null : judged.get(0);
          for (Judge.Judged candidate : judged) {
            if (kept.size() >= maxArticles
                || !seen.add(candidate.candidate().articleId())
                || !(judge.answers(candidate)
                    || candidate.probability() >= best.probability() / 2)) {
              continue;
            }
            Result result = result(articles, candidate, ranking);
            if (result != null) {
              kept.add(result);
            }
          }
          return new Answered(best != null && judge.answers(best), kept);
        });
  }

  /**
   * The best quote of each article that answers the question, best first, up to {@code
   * maxArticles}: for comparing how sources answer it. Each quote clears the same calibrated
   * confidence an answer must; when none does, the answer is not answered and holds the closest
   * quote of each article instead. {@code question.maxQuotes()} and {@code skip()} are ignored.
   */
  public Answer askEachArticle(Question question, int maxArticles) {
    return ranked(
        question,
        true,
        (ranking, judged, articles) -> {
          List<Result> answering = new ArrayList<>();
          List<Result> closest = new ArrayList<>();
          Set<String> seen = new java.util.HashSet<>();
          for (Judge.Judged candidate : judged) {
            if (answering.size() >= maxArticles || !seen.add(candidate.candidate().articleId())) {
              continue;
            }
            Result result = result(articles, candidate, ranking);
            if (result == null) {
              continue;
            }
            if (judge.answers(candidate)) {
              answering.add(result);
            } else if (closest.size() < maxArticles) {
              closest.add(result);
            }
          }
          return answering.isEmpty() ? new Answered(false, closest) : new Answered(true, answering);
        });
  }

  /** What a search chose from a ranking. */
  private record Answered(boolean answered, List<Result> results) {}

  /** Chooses quotes from a ranking of candidates, with the articles they come from. */
  @FunctionalInterface
  private interface Choice {
    Answered choose(
        Retriever.Ranking ranking, List<Judge.Judged> judged, Map<String, StoredArticle> articles);
  }

  /** Cleans and ranks a question over its scope, and lets {@code choice} pick the quotes. */
  private Answer ranked(Question question, Choice choice) {
    return ranked(question, false, choice);
  }

  /**
   * Cleans and ranks a question over its scope, judges the best candidates overall (or, with {@code
   * eachArticle}, the best few of each article) and lets {@code choice} pick the quotes.
   */
  private Answer ranked(Question question, boolean eachArticle, Choice choice) {
    long started = System.nanoTime();
    String text = QuestionText.clean(question.text());
    SearchBackend.Catalogue current = backend.current();
    List<String> admitted = admitted(current, question.scope());
    if (admitted != null && admitted.isEmpty()) {
      return new Answer(question.text().strip(), false, List.of(), elapsed(started));
    }
    try (PassageSearch search = backend.search(current)) {
      Retriever.Ranking ranking =
          retriever.rank(
              search, text, context(question), admitted, current.articles()::get, !wordsOnly);
      List<Judge.Judged> judged =
          eachArticle
              ? judge.judgeEachArticle(text, ranking, current.articles()::get, PER_ARTICLE)
              : judge.judge(text, ranking, current.articles()::get);
      Answered chosen = choice.choose(ranking, judged, current.articles());
      return new Answer(
          question.text().strip(), chosen.answered(), chosen.results(), elapsed(started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The quote a judged candidate stands for, or null when its article is gone. */
  private Result result(
      Map<String, StoredArticle> articles, Judge.Judged judged, Retriever.Ranking ranking) {
    Candidate candidate = judged.candidate();
    StoredArticle article = articles.get(candidate.articleId());
    if (article == null) {
      return null;
    }
    Excerpts.Excerpt excerpt =
        excerpts.choose(article.text(), candidate.start(), candidate.end(), ranking.termWeights());
    return result(article, excerpt, excerpt.highlights(), round(judged.probability()));
  }

  /** The question's context, cleaned as a question is; context with nothing askable is none. */
  private static String context(Question question) {
    if (question.context().isEmpty()) {
      return "";
    }
    try {
      return QuestionText.clean(question.context());
    } catch (InvalidQuestionException e) {
      return "";
    }
  }

  /**
   * The candidates the engine judged for a question, most likely to answer first, with the signals
   * the confidence model weighs: what {@code readingroom train} learns from.
   */
  public List<JudgedPassage> judge(Question question) {
    String text = QuestionText.clean(question.text());
    SearchBackend.Catalogue current = backend.current();
    List<String> admitted = admitted(current, question.scope());
    if (admitted != null && admitted.isEmpty()) {
      return List.of();
    }
    try (PassageSearch search = backend.search(current)) {
      Retriever.Ranking ranking =
          retriever.rank(
              search, text, context(question), admitted, current.articles()::get, !wordsOnly);
      List<Judge.Judged> judged = judge.judge(text, ranking, current.articles()::get);
      List<String> names =
          judged.isEmpty() || judged.get(0).features().length == Features.NAMES.size()
              ? Features.NAMES
              : Features.NAMES_WITH_READER;
      return judged.stream()
          .map(j ->
              new JudgedPassage(
                  current.articles().get(j.candidate().articleId()).source(),
                  j.passage(),
                  j.features(),
                  names,
                  j.probability()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The confidence model the engine answers with. */
  public ConfidenceModel confidenceModel() {
    return judge.model();
  }

  private static Result result(
      StoredArticle article, Excerpts.Excerpt excerpt, List<Span> highlights, double score) {
    return new Result(
        article.source(),
        excerpt.quote(),
        highlights,
        link(article, excerpt.start(), excerpt.end()),
        score,
        excerpt.start(),
        excerpt.end());
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

  /** The articles a scope admits, newest first. */
  public List<Source> sources(Scope scope) {
    return backend.current().articles().values().stream()
        .map(StoredArticle::source)
        .filter(scope::admits)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** One article's metadata. */
  public Optional<Source> source(String id) {
    return article(id).map(StoredArticle::source);
  }

  /**
   * Articles whose headline, outlet or id contain all the typed words (for autocomplete and {@code
   * /article}), best first; an empty text lists all.
   */
  public List<Source> findSources(String words, Scope scope, int limit) {
    List<String> wanted =
        words == null ? List.of() : Words.lettersAndDigits(CleaningRules.normalise(words));
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
    StoredArticle article = article(id).orElse(null);
    if (article == null) {
      return List.of();
    }
    List<Result> quotes = new ArrayList<>();
    for (Passage passage : Passages.of(article.asArticle())) {
      if (quotes.size() >= count) {
        break;
      }
      Excerpts.Excerpt excerpt =
          excerpts.choose(article.text(), passage.start(), passage.end(), Map.of());
      if (quotes.stream().anyMatch(q -> q.end() > excerpt.start())) {
        continue;
      }
      quotes.add(result(article, excerpt, List.of(), 0));
    }
    return quotes;
  }

  /** The cleaned text of an article, or empty for an unknown id. */
  public Optional<String> articleText(String id) {
    return article(id).map(StoredArticle::text);
  }

  /**
   * The passages of an article as the engine cut and searches them, in order; empty for an unknown
   * id.
   */
  public List<String> passages(String id) {
    StoredArticle article = article(id).orElse(null);
    if (article == null) {
      return List.of();
    }
    return Passages.of(article.asArticle()).stream()
        .map(p -> article.text().substring(p.start(), p.end()))
        .toList();
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      staleCheck.get(30, TimeUnit.SECONDS); // a one-shot ask still tells its user the index is old
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // reportIfStale logs its own failures; a check that takes too long is not worth waiting for
    }
    wordSearch.shutdownNow();
    closeQuietly(backend);
  }

  private Optional<StoredArticle> article(String id) {
    return id == null
        ? Optional.empty()
        : Optional.ofNullable(backend.current().articles().get(id));
  }

  private static final Comparator<Source> NEWEST_FIRST =
      Comparator.comparing(Source::published, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Source::id);

  private static List<String> admitted(SearchBackend.Catalogue catalogue, Scope scope) {
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
    return Words.lettersAndDigits(text.toLowerCase(Locale.ROOT)).stream()
        .filter(w -> w.length() > 3)
        .collect(Collectors.toSet());
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      log.warn("Closing the index failed", e);
    }
  }
}
