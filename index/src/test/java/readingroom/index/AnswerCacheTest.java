package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.IndexProgress;

/**
 * Serving repeated questions: the answer cache, which a new index version and the hooks bypass, and
 * the catalogue, which is read again only for a new index version.
 */
class AnswerCacheTest {

  private static final String QUESTION = "how much trade does russia do with afghanistan?";

  @TempDir static Path dir;
  static HashingEmbedder embedder;
  static Path corpus;
  static Engine engine;

  @BeforeAll
  static void open() {
    corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    embedder = new HashingEmbedder();
    engine =
        Engine.open(Fixtures.options(corpus, dir.resolve("index")), embedder, IndexProgress.NONE);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCacheWithTheSameQuotes() {
    Answer first = engine.ask(Question.of(QUESTION));
    int queries = embedder.queries.get();

    Answer again = engine.ask(Question.of("  " + QUESTION + " "));

    assertThat(embedder.queries.get()).isEqualTo(queries);
    assertThat(again.results()).isEqualTo(first.results());
    assertThat(again.question()).isEqualTo(QUESTION);
  }

  @Test
  void anotherQuoteCountOrSkipIsAnotherAnswer() {
    engine.ask(Question.of(QUESTION));
    int queries = embedder.queries.get();

    Answer more = engine.ask(new Question(QUESTION, Scope.all(), 3, 1));

    assertThat(embedder.queries.get()).isEqualTo(queries + 1);
    assertThat(more.results()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void theUncachedHookSearchesEveryTime() {
    BenchmarkHooks.askUncached(engine, Question.of(QUESTION));
    int queries = embedder.queries.get();

    BenchmarkHooks.askUncached(engine, Question.of(QUESTION));

    assertThat(embedder.queries.get()).isEqualTo(queries + 1);
  }

  @Test
  void theWordsOnlyPathFindsQuotesWithoutEmbeddingTheQuestion() {
    int queries = embedder.queries.get();

    Answer answer = BenchmarkHooks.askWordsOnly(engine, Question.of("what is the kabul process?"));

    assertThat(embedder.queries.get()).isEqualTo(queries);
    assertThat(answer.results()).isNotEmpty();
    assertThat(answer.results().get(0).verbatim().toLowerCase()).contains("kabul");
  }

  @Test
  void anUnchangedIndexIsNotReadAgainWhenTheEngineLooksForChanges() {
    int loads = engine.catalogueLoads();

    engine.refreshNow();
    engine.refreshNow();

    assertThat(engine.catalogueLoads()).isEqualTo(loads);
  }

  @Test
  void aNewIndexVersionIsNotAnsweredFromTheOldCache() throws Exception {
    engine.ask(Question.of("who handles the taliban file for the kremlin?"));
    int queries = embedder.queries.get();
    Path file = corpus.resolve("copy-for-cache-test.txt");
    Files.copy(corpus.resolve("diplomat-2018-07-why-has-russia-invited-the-taliban.txt"), file);
    try {
      engine.reindex(false, IndexProgress.NONE);

      engine.ask(Question.of("who handles the taliban file for the kremlin?"));

      assertThat(embedder.queries.get()).isEqualTo(queries + 1);
    } finally {
      Files.delete(file);
      engine.reindex(false, IndexProgress.NONE);
    }
  }
}
