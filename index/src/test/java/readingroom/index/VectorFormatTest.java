package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.VectorFormat;

/** Vectors stored quantized: the same answers as floats, and a format change embeds nothing. */
class VectorFormatTest {

  private static final List<String> QUESTIONS =
      List.of(
          "why did russia invite the taliban to moscow?",
          "how much trade does russia do with afghanistan?",
          "when did the soviets invade afghanistan?",
          "how do i make kabuli pulao at home?");

  @ParameterizedTest
  @EnumSource(
      value = VectorFormat.class,
      names = {"INT8", "INT4", "BINARY"})
  void aQuantizedIndexGivesTheSameQuotesAsFloats(VectorFormat format, @TempDir Path dir) {
    HashingEmbedder embedder = new HashingEmbedder();
    try (Engine floats =
            Fixtures.engine(Fixtures.corpus(), dir.resolve("floats"))
                .embedder(embedder)
                .vectorFormat(VectorFormat.FLOAT32)
                .open();
        Engine quantized =
            Fixtures.engine(Fixtures.corpus(), dir.resolve("quantized"))
                .embedder(embedder)
                .vectorFormat(format)
                .open()) {
      for (String question : QUESTIONS) {
        Answer expected = floats.ask(Question.of(question));
        Answer actual = quantized.ask(Question.of(question));
        assertThat(actual.answered()).as(question).isEqualTo(expected.answered());
        assertThat(actual.results())
            .extracting(Result::verbatim)
            .as(question)
            .isEqualTo(expected.results().stream().map(Result::verbatim).toList());
      }
    }
  }

  @Test
  void changingTheFormatRebuildsTheIndexWithoutEmbeddingAgain(@TempDir Path dir) {
    HashingEmbedder embedder = new HashingEmbedder();
    Path index = dir.resolve("index");
    long version;
    try (Engine engine =
        Fixtures.engine(Fixtures.corpus(), index)
            .embedder(embedder)
            .vectorFormat(VectorFormat.FLOAT32)
            .open()) {
      version = engine.version();
    }
    int firstBuild = embedder.embedded.get();
    try (Engine engine =
        Fixtures.engine(Fixtures.corpus(), index)
            .embedder(embedder)
            .vectorFormat(VectorFormat.INT8)
            .open()) {
      assertThat(embedder.embedded.get()).isEqualTo(firstBuild);
      assertThat(engine.version()).isEqualTo(version + 1);
      IndexReport again = engine.reindex(false, IndexProgress.NONE).index();
      assertThat(again.unchanged()).isEqualTo(5);
      assertThat(again.embedded()).isZero();
      assertThat(engine.ask(Question.of(QUESTIONS.get(0))).results()).isNotEmpty();
    }
  }
}
