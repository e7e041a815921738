package readingroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.Engine;
import readingroom.index.model.Embedder;
import readingroom.index.model.VectorFormat;

/** Recall by distinct text, on a real engine index of a few stories written in copies. */
class RecallTest {

  private static final int COPIES = 4;

  @Test
  void everyCopyOfAPassageIsNamedAsOneText(@TempDir Path dir) throws Exception {
    buildIndex(dir);
    try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      PassageTexts texts = new PassageTexts(reader);
      Map<String, Integer> docsPerText = new HashMap<>();
      for (int doc : passageDocs(reader)) {
        docsPerText.merge(texts.of(doc), 1, Integer::sum);
      }

      assertThat(texts.known()).isTrue();
      assertThat(docsPerText).hasSizeGreaterThanOrEqualTo(2);
      assertThat(docsPerText.values()).containsOnly(COPIES);
    }
  }

  @Test
  void theCopiesOfOneTextInTheExactTop10CountOnce(@TempDir Path dir) throws Exception {
    buildIndex(dir);
    try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      // A passage's own vector as the question: its copies are its nearest neighbours.
      FloatVectorValues values = reader.leaves().get(0).reader().getFloatVectorValues("vector");
      float[] question = values.vectorValue(0).clone();

      Recall.Top10 recall = Recall.top10(reader, VectorFormat.INT8, List.of(question));

      // All the passages fit in the engine's depth of 50, so it finds the exact top 10 itself.
      assertThat(recall.engineQuery()).isEqualTo(1.0);
      assertThat(recall.engineDistinctTexts()).isEqualTo(1.0);
      // 10 passages of which at least the four copies of the asked one are one text.
      assertThat(recall.distinctTextsInExact()).isBetween(1.0, 7.0);
    }
  }

  private static void buildIndex(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Datasets.Doc> docs = new ArrayList<>();
    String[] bodies = {
      "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought"
          + " since early January and improving prospects for the coming temporao.",
      "Sugar prices fell sharply on the London market after traders heard that the Indian"
          + " government would release large stocks held since the last harvest.",
      "Oil output rose for the third month running as producers in the North Sea brought"
          + " new fields on stream ahead of the winter demand for heating fuel.",
      "Wheat stocks grew in the grain belt this season because a mild autumn let farmers"
          + " finish the harvest early and store more of the crop on their farms."
    };
    String[] titles = {"Cocoa review", "Sugar review", "Oil review", "Wheat review"};
    for (int i = 0; i < bodies.length; i++) {
      docs.add(
          Datasets.reutersStory(
              json.createObjectNode()
                  .put("id", Integer.toString(i + 1))
                  .put("title", titles[i])
                  .put("date", " 2-MAR-1987 15:01:01.79")
                  .put("body", bodies[i] + "\n Reuter\n\u0003")));
    }
    Path corpus = dir.resolve("corpus");
    Datasets.write(corpus, docs, 0, COPIES);
    try (Engine engine =
        Engine.builder()
            .corpus(corpus)
            .index(dir.resolve("index"))
            .embedder(new SpreadCopiesEmbedder(new OneHotEmbedder()))
            .vectorFormat(VectorFormat.INT8)
            .open()) {
      assertThat(engine.openingLoad().index().passages()).isEqualTo(COPIES * bodies.length);
    }
  }

  private static List<Integer> passageDocs(DirectoryReader reader) throws Exception {
    List<Integer> docs = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int doc = it.nextDoc();
          doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
          doc = it.nextDoc()) {
        docs.add(leaf.docBase + doc);
      }
    }
    return docs;
  }

  /** A stand-in model: a one-hot vector by text, so distinct texts are far apart. */
  private static final class OneHotEmbedder implements Embedder {
    @Override
    public String name() {
      return "one-hot-test";
    }

    @Override
    public int dimensions() {
      return 64;
    }

    @Override
    public float[] embedQuery(String question) {
      return vector(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(this::vector).toList();
    }

    private float[] vector(String text) {
      float[] v = new float[dimensions()];
      v[Math.floorMod(text.hashCode(), v.length)] = 1;
      return v;
    }
  }
}
