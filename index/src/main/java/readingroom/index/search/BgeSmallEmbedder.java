package readingroom.index.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.model.Embedder;

/**
 * BAAI's bge-small-en-v1.5, quantized, run in-process on ONNX Runtime from the model bundled in a
 * Maven Central artifact: no network, no GPU, about 30 MB. Questions get the prefix the model was
 * trained with for retrieval; passages do not.
 */
public final class BgeSmallEmbedder implements Embedder {

  static {
    NoTelemetry.optOut();
  }

  private static final String QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  private final BgeSmallEnV15QuantizedEmbeddingModel model =
      new BgeSmallEnV15QuantizedEmbeddingModel();

  @Override
  public String name() {
    return "bge-small-en-v1.5-q";
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public float[] embedQuery(String question) {
    return normalised(model.embed(QUERY_PREFIX + question).content());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
    List<float[]> vectors = new ArrayList<>(passages.size());
    for (Embedding embedding : model.embedAll(segments).content()) {
      vectors.add(normalised(embedding));
    }
    return vectors;
  }

  private static float[] normalised(Embedding embedding) {
    float[] vector = embedding.vector();
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
