package readingroom.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import readingroom.index.model.Embedder;

/**
 * A fast, deterministic stand-in for the embedding model in indexing tests: a hashed bag of words.
 * It counts the passages it embeds and can be told to fail after some, to test what a crash
 * mid-build leaves behind.
 */
public final class HashingEmbedder implements Embedder {

  public final AtomicInteger embedded = new AtomicInteger();
  final AtomicInteger queries = new AtomicInteger();
  volatile int failAfter = Integer.MAX_VALUE;

  public HashingEmbedder() {}

  @Override
  public String name() {
    return "hashing-test";
  }

  @Override
  public int dimensions() {
    return 64;
  }

  @Override
  public float[] embedQuery(String question) {
    queries.incrementAndGet();
    return vector(question);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<float[]> vectors = new ArrayList<>();
    for (String passage : passages) {
      if (embedded.incrementAndGet() > failAfter) {
        throw new IllegalStateException("simulated crash while embedding");
      }
      vectors.add(vector(passage));
    }
    return vectors;
  }

  private float[] vector(String text) {
    float[] v = new float[dimensions()];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), v.length)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] = norm == 0 ? (i == 0 ? 1 : 0) : v[i] * scale;
    }
    return v;
  }
}
