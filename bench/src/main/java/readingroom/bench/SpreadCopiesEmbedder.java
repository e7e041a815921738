package readingroom.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import readingroom.index.model.Embedder;

/**
 * For benchmarks only: lets a corpus be replicated to hundreds of thousands of passages without
 * embedding each copy and without identical vectors. A passage whose headline ends with {@code
 * [copy N]} gets the model's vector of the same text without the marker, moved by a small
 * deterministic random step and made unit length again, so copies sit near their original as
 * paraphrases would. Identical vectors would distort the vector search being measured: an HNSW
 * graph of exact duplicates links them to each other and searches it slowly.
 */
final class SpreadCopiesEmbedder implements Embedder {

  static final Pattern COPY_MARK = Pattern.compile(" \\[copy (\\d+)]\n");

  /** How far a copy moves from its original, per dimension, before normalising. */
  static final float SPREAD = 0.02f;

  private final Embedder model;
  private final Map<String, float[]> originals = new HashMap<>();

  SpreadCopiesEmbedder(Embedder model) {
    this.model = model;
  }

  @Override
  public String name() {
    return model.name() + "+spread-copies";
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[] embedQuery(String question) {
    return model.embedQuery(question);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<String> missing = new ArrayList<>();
    for (String passage : passages) {
      String original = COPY_MARK.matcher(passage).replaceFirst("\n");
      if (!originals.containsKey(original) && !missing.contains(original)) {
        missing.add(original);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> vectors = model.embedPassages(missing);
      for (int i = 0; i < missing.size(); i++) {
        originals.put(missing.get(i), vectors.get(i));
      }
    }
    List<float[]> out = new ArrayList<>(passages.size());
    for (String passage : passages) {
      boolean isCopy = COPY_MARK.matcher(passage).find();
      float[] original = originals.get(COPY_MARK.matcher(passage).replaceFirst("\n"));
      out.add(isCopy ? spread(original, passage.hashCode()) : original);
    }
    return out;
  }

  private static float[] spread(float[] original, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] vector = new float[original.length];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = original[i] + (float) (random.nextGaussian() * SPREAD);
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
