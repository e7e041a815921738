package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped reader loads from the classpath and tells an answer from an unrelated passage. */
class CrossEncoderReaderTest {

  private static CrossEncoderReader reader;

  @BeforeAll
  static void load() {
    reader = CrossEncoderReader.loadDefault(2);
  }

  @AfterAll
  static void close() {
    reader.close();
  }

  @Test
  void settingsComeFromTheShippedReaderJson() {
    assertThat(reader.settings().version()).isNotBlank();
    assertThat(reader.settings().maxLength()).isEqualTo(128);
    assertThat(reader.settings().threshold()).isBetween(0f, 1f);
  }

  @Test
  void anAnsweringPassageScoresAboveAnUnrelatedOneAndClearsTheThreshold() {
    float[] p =
        reader.score(
            "when did the first ship reach the island of kerguelen?",
            List.of(
                "The island was first reached by a ship in 1772, when the French navigator Yves de"
                    + " Kerguelen landed on its northern coast.",
                "Bread is made from flour, water and yeast, and is baked in an oven for about an"
                    + " hour."));
    assertThat(p).hasSize(2);
    assertThat(p[0]).isGreaterThan(p[1]);
    assertThat(p[0]).isGreaterThanOrEqualTo(reader.settings().threshold());
    assertThat(p[1]).isLessThan(reader.settings().threshold());
  }

  @Test
  void scoresComeBackInThePassagesOrderOneBatchAtATime() {
    String question = "what colour is the flag of the republic of nowhere?";
    String answer = "The flag of the Republic of Nowhere is plain green with a white star.";
    String other = "The republic's parliament meets twice a year in the capital.";
    float[] forward = reader.score(question, List.of(answer, other));
    float[] backward = reader.score(question, List.of(other, answer));
    assertThat(backward[1]).isCloseTo(forward[0], org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(backward[0]).isCloseTo(forward[1], org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void noPassagesGiveNoScoresAndAVeryLongPairIsCutNotRefused() {
    assertThat(reader.score("anything?", List.of())).isEmpty();
    String huge = "word ".repeat(5000);
    float[] p = reader.score(huge, List.of(huge));
    assertThat(p).hasSize(1);
    assertThat(p[0]).isBetween(0f, 1f);
  }

  @Test
  void aModelDirectoryWithoutItsModelFileIsNamedInTheError(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("reader.json"), "{\"version\":\"x\",\"max_length\":128,\"threshold\":0.5}");
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    assertThatThrownBy(() -> CrossEncoderReader.load(dir, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model.onnx");
  }
}
