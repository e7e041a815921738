package readingroom.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;

/**
 * The {@code graph} phase: the HNSW graph build alone, vectors only (no text, no folder), under
 * each indexing lever, with the recall of the top 10 against exact search beside each. This
 * separates the graph's cost from the rest of an engine build, and measures a lever before the
 * engine adopts it.
 */
final class GraphBuildBench {

  /**
   * One way of building the vector index.
   *
   * @param deferred add the vectors without a graph (flat codes only) and build the one graph in a
   *     final merge to one segment; otherwise each indexing thread inserts into its segment's graph
   *     as documents arrive and merges grow the largest graph
   */
  record Lever(
      String name,
      VectorFormat format,
      int beam,
      double ramBufferMB,
      int mergeWorkers,
      boolean deferred) {}

  /**
   * The first is the engine's own build ({@code IndexStore}: a quarter of the heap as RAM buffer,
   * at most 512 MB, and one merge worker per core) as it runs in the harness's 4 GB heap on two
   * cores; each other row changes one thing.
   */
  static final List<Lever> LEVERS =
      List.of(
          new Lever("as shipped (incremental)", VectorFormat.INT8, 100, 512, 2, false),
          new Lever("RAM buffer 64 MB", VectorFormat.INT8, 100, 64, 2, false),
          new Lever("RAM buffer 16 MB", VectorFormat.INT8, 100, 16, 2, false),
          new Lever("RAM buffer 2 GB", VectorFormat.INT8, 100, 2048, 2, false),
          new Lever("one merge worker", VectorFormat.INT8, 100, 512, 1, false),
          new Lever("deferred graph, int8", VectorFormat.INT8, 100, 512, 2, true),
          new Lever("deferred graph, int4", VectorFormat.INT4, 100, 512, 2, true),
          new Lever("deferred graph, binary", VectorFormat.BINARY, 100, 512, 2, true),
          new Lever("deferred graph, int8, beam 50", VectorFormat.INT8, 50, 512, 2, true));

  private static final int INDEXING_THREADS = Runtime.getRuntime().availableProcessors();

  private final Path work;
  private final VectorFormatsBench.Report report;

  GraphBuildBench(Path work, VectorFormatsBench.Report report) {
    this.work = work;
    this.report = report;
  }

  /**
   * @param only indexes into {@link #LEVERS} to measure; empty for all
   */
  void run(int stories, int speeches, int copies, List<String> only) throws Exception {
    Path dir = work.resolve("graph");
    BenchMain.deleteTree(dir);
    BgeSmallEmbedder model = new BgeSmallEmbedder();
    SpreadCopiesEmbedder known =
        new SpreadCopiesEmbedder(
            model, work.resolve("embeddings-" + stories + "-" + speeches + ".bin"));
    if (known.known() == 0) {
      throw new IllegalStateException(
          "no cached vectors for this data set: run `bench/run vectors` or `archive` once first");
    }
    List<float[]> vectors = spreadCopies(known.originalVectors(), copies);
    List<float[]> questions = new ArrayList<>();
    for (String q : BenchMain.scaleQuestions(BenchMain.datasetDocs(work, stories, speeches))) {
      if (questions.size() < VectorFormatsBench.RECALL_QUESTIONS) {
        questions.add(model.embedQuery(q));
      }
    }
    report.section(
        "# Graph build run of "
            + java.time.LocalDateTime.now().withNano(0)
            + ": "
            + vectors.size()
            + " vectors (384 dimensions), "
            + INDEXING_THREADS
            + " indexing threads, M = 16\n\n"
            + Machine.describe());
    StringBuilder table =
        new StringBuilder(
            Stats.header(
                    "lever",
                    "format",
                    "beam",
                    "RAM buffer",
                    "merge workers",
                    "add",
                    "flush + commit",
                    "final merge",
                    "total",
                    "vectors/s",
                    "segments",
                    "recall@10, engine's query",
                    "recall@10, graph alone",
                    "load")
                + "\n");
    for (Lever lever : LEVERS) {
      if (!only.isEmpty() && !only.contains(Integer.toString(LEVERS.indexOf(lever)))) {
        continue;
      }
      Path index = dir.resolve("index-" + LEVERS.indexOf(lever));
      String load = Machine.loadAverage();
      double[] seconds = build(lever, vectors, index);
      double total = seconds[0] + seconds[1] + seconds[2];
      try (FSDirectory directory = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(directory)) {
        Recall.Top10 recall = Recall.top10(reader, lever.format(), questions);
        table.append(
            Stats.row(
                    lever.name(),
                    lever.format(),
                    lever.beam(),
                    String.format("%.0f MB", lever.ramBufferMB()),
                    lever.mergeWorkers(),
                    String.format("%.1f s", seconds[0]),
                    String.format("%.1f s", seconds[1]),
                    lever.deferred() ? String.format("%.1f s", seconds[2]) : "-",
                    String.format("%.1f s", total),
                    String.format("%.0f", vectors.size() / total),
                    reader.leaves().size(),
                    String.format("%.3f", recall.engineQuery()),
                    String.format("%.3f", recall.graphAlone()),
                    load)
                + "\n");
      }
      BenchMain.deleteTree(index);
      report.section("## Graph build, vectors only, by lever\n\n" + table);
    }
  }

  /**
   * Copy k of original i is the original moved by the harness's usual spread (copy 0 is itself).
   */
  static List<float[]> spreadCopies(List<float[]> originals, int copies) {
    List<float[]> out = new ArrayList<>(originals.size() * copies);
    for (int copy = 0; copy < copies; copy++) {
      for (int i = 0; i < originals.size(); i++) {
        float[] original = originals.get(i);
        out.add(
            copy == 0
                ? original
                : SpreadCopiesEmbedder.spread(original, 31L * copy * originals.size() + i));
      }
    }
    return out;
  }

  /** Seconds spent adding, in flush and commit (with the merges it waits for), in a final merge. */
  static double[] build(Lever lever, List<float[]> vectors, Path index) throws Exception {
    ExecutorService mergeThreads =
        lever.mergeWorkers() > 1
            ? Executors.newFixedThreadPool(
                lever.mergeWorkers(),
                Thread.ofPlatform().name("bench-graph-merge-", 1).daemon(true).factory())
            : null;
    try (FSDirectory directory = FSDirectory.open(index)) {
      KnnVectorsFormat graph = graphFormat(lever, mergeThreads);
      long started = System.nanoTime();
      IndexWriter writer =
          new IndexWriter(directory, config(lever, lever.deferred() ? flatFormat(lever) : graph));
      addAll(writer, vectors);
      long added = System.nanoTime();
      writer.commit();
      writer.close();
      long committed = System.nanoTime();
      if (lever.deferred()) {
        try (IndexWriter merger = new IndexWriter(directory, config(lever, graph))) {
          merger.forceMerge(1);
          merger.commit();
        }
      }
      long merged = System.nanoTime();
      return new double[] {
        (added - started) / 1e9, (committed - added) / 1e9, (merged - committed) / 1e9
      };
    } finally {
      if (mergeThreads != null) {
        mergeThreads.shutdown();
      }
    }
  }

  private static IndexWriterConfig config(Lever lever, KnnVectorsFormat format) {
    IndexWriterConfig config = new IndexWriterConfig();
    config.setRAMBufferSizeMB(lever.ramBufferMB());
    config.setCodec(
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        });
    return config;
  }

  private static KnnVectorsFormat graphFormat(Lever lever, ExecutorService mergeThreads) {
    ScalarEncoding encoding = encoding(lever.format());
    return encoding == null
        ? new Lucene99HnswVectorsFormat(16, lever.beam(), lever.mergeWorkers(), mergeThreads)
        : new Lucene104HnswScalarQuantizedVectorsFormat(
            encoding, 16, lever.beam(), lever.mergeWorkers(), mergeThreads);
  }

  private static KnnVectorsFormat flatFormat(Lever lever) {
    // Lucene registers no flat float format for reading, so floats cannot be deferred this way.
    return new Lucene104ScalarQuantizedVectorsFormat(encoding(lever.format()));
  }

  private static ScalarEncoding encoding(VectorFormat format) {
    return switch (format) {
      case FLOAT32 -> null;
      case INT8 -> ScalarEncoding.UNSIGNED_BYTE;
      case INT4 -> ScalarEncoding.PACKED_NIBBLE;
      case BINARY -> ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE;
    };
  }

  private static void addAll(IndexWriter writer, List<float[]> vectors) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            INDEXING_THREADS,
            Thread.ofPlatform().name("bench-graph-indexer-", 1).daemon(true).factory());
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < INDEXING_THREADS; t++) {
        workers.add(
            pool.submit(() -> {
              for (int i = next.getAndIncrement(); i < vectors.size(); i = next.getAndIncrement()) {
                Document doc = new Document();
                doc.add(
                    new KnnFloatVectorField(
                        "vector", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
              }
              return null;
            }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
