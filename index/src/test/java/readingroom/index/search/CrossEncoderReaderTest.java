package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer's plumbing against a reader-shaped fixture (train/tiny_fixture.py: random 1-layer
 * weights, bge's real tokenizer, 32-token budget) whose probabilities PyTorch computed at export:
 * any slip in pair tokenisation, type ids, truncation, padding or output order changes them.
 */
class CrossEncoderReaderTest {

  private static Path fixture;
  private static CrossEncoderReader reader;

  @BeforeAll
  static void load() throws Exception {
    fixture =
        Path.of(CrossEncoderReaderTest.class.getResource("/readingroom/reader-fixture").toURI());
    reader = CrossEncoderReader.load(fixture, 1);
  }

  @AfterAll
  static void close() {
    reader.close();
  }

  @Test
  void settingsComeFromReaderJson() {
    assertThat(reader.settings().version()).isEqualTo("tiny-random-fixture");
    assertThat(reader.settings().maxLength()).isEqualTo(32);
    assertThat(reader.settings().threshold()).isEqualTo(0.5f);
  }

  @Test
  void reproducesTheProbabilitiesTrainingComputedForEachBatch() throws Exception {
    JsonNode cases = new ObjectMapper().readTree(fixture.resolve("expected.json").toFile());
    for (JsonNode c : cases) {
      List<String> passages = new ArrayList<>();
      c.get("passages").forEach(p -> passages.add(p.asText()));
      float[] got = reader.score(c.get("question").asText(), passages);
      assertThat(got).hasSize(passages.size());
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i])
            .as("passage %d of %s", i, c.get("question").asText())
            .isCloseTo((float) c.get("probabilities").get(i).asDouble(), within(1e-4f));
      }
    }
  }

  @Test
  void aPassageScoresTheSameAloneAsInABatchOfLongerOnes() {
    String question = "when was harvard founded?";
    String passage = "Harvard was founded in 1636 by vote of the Great and General Court.";
    float alone = reader.score(question, List.of(passage))[0];
    float[] batch =
        reader.score(question, List.of("word ".repeat(300), passage, "Bread is baked."));
    assertThat(batch[1]).isCloseTo(alone, within(1e-4f));
  }

  @Test
  void noPassagesGiveNoScores() {
    assertThat(reader.score("anything?", List.of())).isEmpty();
  }

  @Test
  void aModelDirectoryWithoutItsModelFileIsNamedInTheError(@TempDir Path dir) throws Exception {
    Files.copy(fixture.resolve("reader.json"), dir.resolve("reader.json"));
    assertThatThrownBy(() -> CrossEncoderReader.load(dir, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("model.onnx").toString());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Files.copy(fixture.resolve("model.onnx"), dir.resolve("model.onnx"));
    Files.writeString(
        dir.resolve("reader.json"), "{\"version\":\"x\",\"max_length\":128,\"threshold\":3}");
    assertThatThrownBy(() -> CrossEncoderReader.load(dir, 1))
        .hasMessageContaining("reader.json")
        .hasMessageContaining("threshold 3.0");
  }
}
