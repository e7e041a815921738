package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the builder's choices change in an ask: the embedder is used, or words alone are. */
class EngineBuilderTest {

  private static final String QUESTION = "how much trade does russia do with afghanistan?";

  @TempDir static Path dir;
  static HashingEmbedder embedder;
  static Engine engine;
  static Engine wordsOnly;

  @BeforeAll
  static void open() {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    embedder = new HashingEmbedder();
    engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open();
    wordsOnly =
        Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).wordsOnly(true).open();
  }

  @AfterAll
  static void close() {
    wordsOnly.close();
    engine.close();
  }

  @Test
  void theEngineKeepsNoAnswerCacheEveryAskSearches() {
    Answer first = engine.ask(Question.of(QUESTION));
    int queries = embedder.queries.get();

    Answer again = engine.ask(Question.of("  " + QUESTION + " "));

    assertThat(embedder.queries.get()).isEqualTo(queries + 1);
    assertThat(again.results()).isEqualTo(first.results());
    assertThat(again.question()).isEqualTo(QUESTION);
  }

  @Test
  void theWordsOnlyModeFindsQuotesWithoutEmbeddingTheQuestion() {
    int queries = embedder.queries.get();

    Answer answer = wordsOnly.ask(Question.of("what is the kabul process?"));

    assertThat(embedder.queries.get()).isEqualTo(queries);
    assertThat(answer.results()).isNotEmpty();
    assertThat(answer.results().get(0).verbatim().toLowerCase()).contains("kabul");
  }

  @Test
  void aSecondEngineOnTheSameIndexWithTheSameEmbedderDoesNotRebuildIt() {
    assertThat(wordsOnly.version()).isEqualTo(engine.version());
    assertThat(wordsOnly.sources(Scope.all())).isEqualTo(engine.sources(Scope.all()));
  }
}
