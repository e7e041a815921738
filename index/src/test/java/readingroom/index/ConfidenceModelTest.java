package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.ConfidenceModel;

/**
 * The confidence model: the bundled one loads, a broken or mismatched one stops the engine with a
 * message naming the file, and answers carry only the quotes that clear the model's bar.
 */
class ConfidenceModelTest {

  @TempDir static Path dir;
  static Engine engine;

  @BeforeAll
  static void open() {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(new HashingEmbedder()).open();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theBundledModelIsVersionedAndUsesTheEnginesFeatures() {
    ConfidenceModel model = ConfidenceModel.load(null);
    assertThat(model.features()).isEqualTo(ConfidenceModel.FEATURES);
    assertThat(model.threshold()).isBetween(0.0, 1.0);
    assertThat(model.trainedOn()).isNotEmpty();
  }

  @Test
  void aDamagedModelFileStopsTheStartNamingIt() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"readingroom-conf");
    Path wrongVersion =
        Files.writeString(
            dir.resolve("v9.json"), "{\"format\": \"readingroom-confidence\", \"version\": 9}");
    for (Path file : List.of(broken, wrongVersion, dir.resolve("missing.json"))) {
      assertThatThrownBy(() ->
              Fixtures.engine(dir.resolve("corpus"), dir.resolve("index"))
                  .embedder(new HashingEmbedder())
                  .confidenceModel(file)
                  .open())
          .isInstanceOf(EngineException.class)
          .hasMessageContaining(file.toString());
    }
  }

  @Test
  void aModelTrainedWithAReaderNeedsOne() throws Exception {
    Path file = dir.resolve("with-reader.json");
    ConfidenceModel.untrained(true).write(file, "test");
    assertThatThrownBy(() ->
            Fixtures.engine(dir.resolve("corpus"), dir.resolve("index"))
                .embedder(new HashingEmbedder())
                .confidenceModel(file)
                .open())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("no reader is configured");
  }

  @Test
  void everyQuoteOfAnAnswerClearsTheBarAndAbstentionsOfferOnlyCloseOnes() {
    double threshold = engine.confidenceModel().threshold();
    for (String q :
        List.of(
            "how much trade does russia do with afghanistan?",
            "who handles the taliban file for the kremlin?",
            "how do i make kabuli pulao at home?")) {
      Answer answer = engine.ask(Question.of(q));
      assertThat(answer.results()).hasSizeBetween(1, 3);
      double first = answer.results().get(0).score();
      for (Result result : answer.results()) {
        if (answer.answered()) {
          assertThat(result.score()).as(q).isGreaterThanOrEqualTo(threshold - 1e-4);
        } else {
          assertThat(result.score()).as(q).isGreaterThanOrEqualTo(first / 2 - 1e-4);
        }
      }
    }
  }
}
