package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.Embedder;

/**
 * The embedding model loads on its own thread while the engine opens: a model that cannot load
 * still stops the start with its own message (not the first question), and leaves the index as it
 * was, so the next start with a good model serves it.
 */
class ModelLoadFailureTest {

  @Test
  void aModelThatCannotLoadStopsTheStartAndLeavesTheIndexUsable(@TempDir Path dir) {
    Path index = dir.resolve("index");
    Fixtures.engine(Fixtures.corpus(), index).embedder(new HashingEmbedder()).open().close();

    for (Engine.Updates updates : Engine.Updates.values()) {
      assertThatThrownBy(() ->
              Fixtures.engine(Fixtures.corpus(), index)
                  .embedder(new UnloadableEmbedder())
                  .updates(updates)
                  .open())
          .as("opening with updates %s", updates)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the model file is truncated");
    }

    try (Engine engine =
        Fixtures.engine(Fixtures.corpus(), index).embedder(new HashingEmbedder()).open()) {
      assertThat(engine.ask(Question.of("why did russia invite the taliban?")).results())
          .isNotEmpty();
    }
  }

  /** The hashing embedder's vectors, behind a model load that fails. */
  private static final class UnloadableEmbedder implements Embedder {
    private final HashingEmbedder hashing = new HashingEmbedder();

    @Override
    public String name() {
      return hashing.name();
    }

    @Override
    public int dimensions() {
      return hashing.dimensions();
    }

    @Override
    public void awaitReady() {
      throw new IllegalStateException("the model file is truncated");
    }

    @Override
    public float[] embedQuery(String question) {
      return hashing.embedQuery(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return hashing.embedPassages(passages);
    }
  }
}
