package readingroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import readingroom.index.model.Embedder;

/** The benchmark embedder: copies cost no model call and land near, not on, their original. */
class SpreadCopiesEmbedderTest {

  @Test
  void aCopyIsNearItsOriginalWithoutAnotherModelCall() {
    CountingEmbedder model = new CountingEmbedder();
    SpreadCopiesEmbedder embedder = new SpreadCopiesEmbedder(model);

    float[] original = embedder.embedPassages(List.of("Cocoa review\nShowers continued.")).get(0);
    List<float[]> copies =
        embedder.embedPassages(
            List.of(
                "Cocoa review [copy 1]\nShowers continued.",
                "Cocoa review [copy 2]\nShowers continued."));

    assertThat(model.embedded.get()).isEqualTo(1);
    assertThat(dot(copies.get(0), original)).isBetween(0.8, 0.9999);
    assertThat(dot(copies.get(1), original)).isBetween(0.8, 0.9999);
    assertThat(dot(copies.get(0), copies.get(1))).isLessThan(0.9999);
    assertThat(dot(copies.get(0), copies.get(0)))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(embedder.name()).isNotEqualTo(model.name());
  }

  /** A stand-in model: one-hot vectors by text, counting the passages it embeds. */
  private static final class CountingEmbedder implements Embedder {
    final AtomicInteger embedded = new AtomicInteger();

    @Override
    public String name() {
      return "counting-test";
    }

    @Override
    public int dimensions() {
      return 32;
    }

    @Override
    public float[] embedQuery(String question) {
      return vector(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      List<float[]> vectors = new ArrayList<>();
      for (String passage : passages) {
        embedded.incrementAndGet();
        vectors.add(vector(passage));
      }
      return vectors;
    }

    private float[] vector(String text) {
      float[] v = new float[dimensions()];
      v[Math.floorMod(text.hashCode(), v.length)] = 1;
      return v;
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
