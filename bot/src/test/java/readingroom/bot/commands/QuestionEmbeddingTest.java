package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.model.Embedder;

/**
 * New questions are bounded by the question embedding (one model inference each): a question the
 * cache already answered, however it is typed, must not pay for one.
 */
class QuestionEmbeddingTest {

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCacheWithoutEmbeddingIt(@TempDir Path dir) {
    CountingEmbedder embedder = new CountingEmbedder();
    try (Engine engine =
        Engine.builder()
            .corpus(TestCorpus.copyTo(dir))
            .index(dir.resolve("index"))
            .embedder(embedder)
            .open()) {
      ChatCommands commands = new ChatCommands(engine, 3);
      Origin origin = new Origin(Platform.SLACK, "T1", "C1", "U1");

      commands.ask(origin, "Why did Russia invite the Taliban to Moscow?");
      assertThat(embedder.questions).hasValue(1);

      commands.ask(origin, "  why did RUSSIA invite the taliban to moscow ");
      commands.ask(
          new Origin(Platform.SLACK, "T1", "C1", "U2"),
          "why did russia invite the taliban to moscow?!");
      assertThat(embedder.questions).hasValue(1);
      assertThat(commands.cache().hits()).isEqualTo(2);

      commands.ask(origin, "How much trade does Russia do with Afghanistan?");
      assertThat(embedder.questions).hasValue(2);
    }
  }

  /** A hashed bag of words that counts the questions it embeds. */
  private static final class CountingEmbedder implements Embedder {
    final AtomicInteger questions = new AtomicInteger();

    @Override
    public String name() {
      return "counting-hash";
    }

    @Override
    public int dimensions() {
      return 32;
    }

    @Override
    public float[] embedQuery(String question) {
      questions.incrementAndGet();
      return vector(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(CountingEmbedder::vector).toList();
    }

    private static float[] vector(String text) {
      float[] v = new float[32];
      for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
        v[Math.floorMod(word.hashCode(), 32)] += 1;
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / Math.max(1e-9, Math.sqrt(norm)));
      }
      return v;
    }
  }
}
