package readingroom.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;

/**
 * The {@code sizes} phase: one engine index (the default int8 format) grown to each size in turn
 * (copies with spread vectors), and at each size the figures an archive is judged by, beside plain
 * Lucene over the same index: the build split into the folder read and the index update, recall of
 * the top 10 against exact search, one-at-a-time hybrid latency, memory (heap, RSS, index on disk)
 * and new questions a second against the embedding's own limit.
 */
final class ArchiveSizesBench {

  private static final VectorFormat FORMAT = Engine.DEFAULT_VECTOR_FORMAT;

  private final Path work;
  private final VectorFormatsBench.Report report;

  ArchiveSizesBench(Path work, VectorFormatsBench.Report report) {
    this.work = work;
    this.report = report;
  }

  void run(int stories, int speeches, int[] sizes, double loadSeconds) throws Exception {
    Path dir = work.resolve("sizes");
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    BenchMain.deleteTree(dir);
    Files.createDirectories(dir);
    List<Datasets.Doc> docs = BenchMain.datasetDocs(work, stories, speeches);
    List<String> questions = BenchMain.scaleQuestions(docs);
    report.section(
        "# Archive sizes run of "
            + java.time.LocalDateTime.now().withNano(0)
            + ": "
            + docs.size()
            + " documents, copies "
            + java.util.Arrays.toString(sizes)
            + ", format "
            + FORMAT
            + "\n\n"
            + Machine.describe());
    BgeSmallEmbedder model = new BgeSmallEmbedder();
    SpreadCopiesEmbedder embedder =
        new SpreadCopiesEmbedder(
            model, work.resolve("embeddings-" + stories + "-" + speeches + ".bin"));
    Datasets.write(corpus, docs, 0, 1);
    StringBuilder builds =
        new StringBuilder(
            Stats.header(
                    "copies",
                    "passages",
                    "folder read and cleaned",
                    "articles",
                    "index update",
                    "passages written",
                    "passages/s (update)",
                    "load")
                + "\n");
    StringBuilder figures =
        new StringBuilder(
            Stats.header(
                    "passages",
                    "index on disk",
                    "vector files",
                    "heap used after GC",
                    "RSS",
                    "recall@10, engine's query",
                    "recall@10, graph alone",
                    "recall@10 by distinct text, engine's query (texts in exact top 10)",
                    "plainLucene p50 / p99",
                    "askHybrid p50 / p99",
                    "hybrid / plain p50",
                    "load")
                + "\n");
    StringBuilder asks =
        new StringBuilder(
            Stats.header(
                    "passages",
                    "what",
                    "threads",
                    "per second",
                    "p50",
                    "p99",
                    "errors",
                    "share of the embedding's limit",
                    "load")
                + "\n");
    long started = System.nanoTime();
    try (Engine engine =
        Engine.builder()
            .corpus(corpus)
            .index(index)
            .embedder(embedder)
            .vectorFormat(FORMAT)
            .open()) {
      embedder.save();
      builds.append(
          Stats.row(
                  1,
                  engine.openingLoad().index().passages(),
                  "-",
                  "-",
                  String.format("%.1f s (originals, vectors cached or embedded)", seconds(started)),
                  engine.openingLoad().index().passages(),
                  "-",
                  Machine.loadAverage())
              + "\n");
      int done = 1;
      for (int copies : sizes) {
        Datasets.write(corpus, docs, done, copies);
        done = copies;
        String load = Machine.loadAverage();
        long read = System.nanoTime();
        int articles = Engine.builder().corpus(corpus).explainCorpus().articles().size();
        double readSeconds = seconds(read);
        long update = System.nanoTime();
        IndexReport grown = engine.reindex(false, IndexProgress.NONE).index();
        double updateSeconds = seconds(update);
        int passages = passages(index);
        builds.append(
            Stats.row(
                    copies,
                    passages,
                    String.format("%.1f s", readSeconds),
                    articles,
                    String.format("%.1f s (reads the folder again)", updateSeconds),
                    grown.passages(),
                    String.format("%.0f", grown.passages() / updateSeconds),
                    load + " / " + Machine.loadAverage())
                + "\n");
        report.section("## Archive sizes: builds\n\n" + builds);

        load = Machine.loadAverage();
        Recall.Top10 recall = recall(index, model, questions);
        Map<String, List<Double>> times = latency(engine, index, questions);
        System.gc();
        double plainP50 = Stats.median(Stats.toArray(times.get("plainLucene")));
        double hybridP50 = Stats.median(Stats.toArray(times.get("askHybrid")));
        figures.append(
            Stats.row(
                    passages,
                    String.format("%.0f MB", BenchMain.sizeOf(index) / 1e6),
                    VectorFormatsBench.vectorFiles(index, FORMAT),
                    heapUsedMB() + " MB",
                    Machine.procStatusKb("VmRSS") / 1024 + " MB",
                    String.format("%.3f", recall.engineQuery()),
                    String.format("%.3f", recall.graphAlone()),
                    String.format(
                        "%.3f (%.1f)", recall.engineDistinctTexts(), recall.distinctTextsInExact()),
                    Stats.ms(plainP50)
                        + " / "
                        + Stats.ms(Stats.percentile(Stats.toArray(times.get("plainLucene")), 99)),
                    Stats.ms(hybridP50)
                        + " / "
                        + Stats.ms(Stats.percentile(Stats.toArray(times.get("askHybrid")), 99)),
                    String.format("%.1fx", hybridP50 / plainP50),
                    load + " / " + Machine.loadAverage())
                + "\n");
        report.section("## Archive sizes: recall, latency, memory\n\n" + figures);

        asksAgainstEmbedding(engine, model, questions, passages, loadSeconds, asks);
        report.section("## Archive sizes: new questions a second\n\n" + asks);
      }
    }
  }

  /**
   * Every question is new to the engine (it keeps no answer cache), so each ask pays one question
   * embedding; the embedding alone on the same threads is the ceiling asks are measured against.
   */
  private static void asksAgainstEmbedding(
      Engine engine,
      BgeSmallEmbedder model,
      List<String> questions,
      int passages,
      double seconds,
      StringBuilder table)
      throws InterruptedException {
    for (int threads : new int[] {1, 2}) {
      String load = Machine.loadAverage();
      LoadDriver.Result embedding = LoadDriver.run(threads, seconds, questions, model::embedQuery);
      LoadDriver.Result hybrid =
          LoadDriver.run(threads, seconds, questions, q -> engine.ask(Question.of(q)));
      table.append(askRow(passages, "embedding alone", embedding, embedding, load));
      table.append(askRow(passages, "askHybrid, new questions", hybrid, embedding, load));
    }
  }

  private static String askRow(
      int passages, String what, LoadDriver.Result result, LoadDriver.Result limit, String load) {
    return Stats.row(
            passages,
            what,
            result.threads(),
            String.format("%.0f", result.perSecond()),
            Stats.ms(result.p50()),
            Stats.ms(result.p99()),
            result.errors(),
            String.format("%.0f%%", 100 * result.perSecond() / limit.perSecond()),
            load + " / " + Machine.loadAverage())
        + "\n";
  }

  /** Plain Lucene and the hybrid ask, question by question in turn: 1 warm-up round, 2 measured. */
  private static Map<String, List<Double>> latency(
      Engine engine, Path index, List<String> questions) throws Exception {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    times.put("plainLucene", new ArrayList<>());
    times.put("askHybrid", new ArrayList<>());
    try (PlainLucene plain = new PlainLucene(index)) {
      for (int round = 0; round < 3; round++) {
        for (String question : questions) {
          long a = System.nanoTime();
          plain.search(question);
          long b = System.nanoTime();
          engine.ask(Question.of(question));
          long c = System.nanoTime();
          if (round > 0) {
            times.get("plainLucene").add((b - a) / 1e6);
            times.get("askHybrid").add((c - b) / 1e6);
          }
        }
      }
    }
    return times;
  }

  /** Recall of the top 10 against an exact scan of the index's float vectors. */
  private static Recall.Top10 recall(Path index, BgeSmallEmbedder model, List<String> questions)
      throws Exception {
    List<float[]> vectors = new ArrayList<>();
    for (String q : questions) {
      if (vectors.size() < VectorFormatsBench.RECALL_QUESTIONS) {
        vectors.add(model.embedQuery(q));
      }
    }
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return Recall.top10(reader, FORMAT, vectors);
    }
  }

  private static int passages(Path index) throws Exception {
    try (PlainLucene plain = new PlainLucene(index)) {
      return plain.passages();
    }
  }

  private static long heapUsedMB() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
