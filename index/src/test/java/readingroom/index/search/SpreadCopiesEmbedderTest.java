package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.index.HashingEmbedder;

/** The benchmark embedder: copies cost no model call and land near, not on, their original. */
class SpreadCopiesEmbedderTest {

  @Test
  void aCopyIsNearItsOriginalWithoutAnotherModelCall() {
    HashingEmbedder model = new HashingEmbedder();
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

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
