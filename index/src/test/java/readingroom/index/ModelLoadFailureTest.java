package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  private static final class UnloadableEmbedder extends HashingEmbedder {
    @Override
    public void awaitReady() {
      throw new IllegalStateException("the model file is truncated");
    }
  }
}
