package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.Embedder;

/**
 * A question's embedding runs on the asking thread while another thread searches its words: when
 * the model fails, the ask fails with the model's own error (not one from the word search or a
 * wrapper), and the engine answers the next question as before.
 */
class QuestionEmbeddingFailureTest {

  @Test
  void aFailedEmbeddingFailsThatAskAloneWithTheModelsError(@TempDir Path dir) {
    FailingEmbedder embedder = new FailingEmbedder();
    try (Engine engine =
        Fixtures.engine(Fixtures.corpus(), dir.resolve("index")).embedder(embedder).open()) {
      embedder.failing.set(true);
      assertThatThrownBy(() -> engine.ask(Question.of("why did russia invite the taliban?")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the model is gone");

      embedder.failing.set(false);
      Answer next = engine.ask(Question.of("why did russia invite the taliban?"));
      assertThat(next.results()).isNotEmpty();
    }
  }

  /** The hashing embedder, whose question embeddings fail while {@code failing} is set. */
  private static final class FailingEmbedder implements Embedder {
    final AtomicBoolean failing = new AtomicBoolean();
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
    public float[] embedQuery(String question) {
      if (failing.get()) {
        throw new IllegalStateException("the model is gone");
      }
      return hashing.embedQuery(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return hashing.embedPassages(passages);
    }
  }
}
