package readingroom.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.VectorCodec;

/**
 * Recall of the top 10 against an exact scan of the same index's float vectors (every format keeps
 * them): the engine's query (depth 50, oversampled and re-scored for quantized formats) and the
 * graph alone (k 10, no re-scoring), so a cheaper build is judged by the neighbours it loses.
 * Beside them, recall by distinct text: a benchmark corpus holds many copies of each passage (see
 * {@link Datasets#copy}), so the exact top 10 can be a choice among near-ties, and a copy found in
 * place of the copy missed leaves the answer unchanged.
 */
final class Recall {

  /**
   * Shares of the exact top 10 found, averaged over the questions.
   *
   * @param engineQuery share of the exact top 10 passages in the engine's top 10
   * @param graphAlone share of the exact top 10 passages in the graph's top 10
   * @param engineDistinctTexts per question, the share of the exact top 10's distinct passage texts
   *     of which the engine's top 10 holds some copy, averaged; NaN for an index without the
   *     engine's passage fields (a vectors-only index)
   * @param distinctTextsInExact distinct passage texts in the exact top 10, averaged (10 when no
   *     two are copies of one passage)
   */
  record Top10(
      double engineQuery,
      double graphAlone,
      double engineDistinctTexts,
      double distinctTextsInExact) {}

  private Recall() {}

  static Top10 top10(DirectoryReader reader, VectorFormat format, List<float[]> questions)
      throws IOException {
    List<Set<Integer>> exact = exactTop10(reader, questions);
    IndexSearcher searcher = new IndexSearcher(reader);
    PassageTexts texts = new PassageTexts(reader);
    double engineHits = 0;
    double graphHits = 0;
    double distinctShares = 0;
    double distinctInExact = 0;
    for (int i = 0; i < questions.size(); i++) {
      float[] q = questions.get(i);
      ScoreDoc[] engine = searcher.search(VectorCodec.nearest(format, q, 50, null), 50).scoreDocs;
      ScoreDoc[] engineTop10 = Arrays.copyOf(engine, Math.min(10, engine.length));
      ScoreDoc[] graph = searcher.search(new KnnFloatVectorQuery("vector", q, 10), 10).scoreDocs;
      engineHits += overlap(exact.get(i), engineTop10);
      graphHits += overlap(exact.get(i), graph);
      Set<String> exactTexts = texts.of(exact.get(i));
      Set<String> engineTexts = new HashSet<>();
      for (ScoreDoc hit : engineTop10) {
        engineTexts.add(texts.of(hit.doc));
      }
      distinctInExact += exactTexts.size();
      long found = exactTexts.stream().filter(engineTexts::contains).count();
      distinctShares += (double) found / exactTexts.size();
    }
    double asked = 10.0 * questions.size();
    return new Top10(
        engineHits / asked,
        graphHits / asked,
        texts.known() ? distinctShares / questions.size() : Double.NaN,
        texts.known() ? distinctInExact / questions.size() : Double.NaN);
  }

  private static int overlap(Set<Integer> exact, ScoreDoc[] hits) {
    int n = 0;
    for (ScoreDoc hit : hits) {
      if (hit != null && exact.contains(hit.doc)) {
        n++;
      }
    }
    return n;
  }

  /** One pass over every float vector, scoring all the questions at once. */
  private static List<Set<Integer>> exactTop10(DirectoryReader reader, List<float[]> queries)
      throws IOException {
    List<PriorityQueue<double[]>> best = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      best.add(new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0])));
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
      if (values == null) {
        continue;
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int doc = it.nextDoc();
          doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
          doc = it.nextDoc()) {
        float[] v = values.vectorValue(it.index());
        for (int q = 0; q < queries.size(); q++) {
          double score = VectorUtil.dotProduct(queries.get(q), v);
          PriorityQueue<double[]> top = best.get(q);
          if (top.size() < 10) {
            top.add(new double[] {score, leaf.docBase + doc});
          } else if (score > top.peek()[0]) {
            top.poll();
            top.add(new double[] {score, leaf.docBase + doc});
          }
        }
      }
    }
    List<Set<Integer>> out = new ArrayList<>();
    for (PriorityQueue<double[]> top : best) {
      Set<Integer> ids = new HashSet<>();
      for (double[] entry : top) {
        ids.add((int) entry[1]);
      }
      out.add(ids);
    }
    return out;
  }
}
