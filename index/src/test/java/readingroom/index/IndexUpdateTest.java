package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;

/** Building and updating the index on disk: incremental, and atomic when it fails. */
class IndexUpdateTest {

  private static final String MOSCOW_TIMES =
      "moscowtimes-2024-10-taliban-not-terrorists-anymore.txt";

  @Test
  void anUnchangedCorpusCostsNothingOnReindex(@TempDir Path dir) {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    HashingEmbedder embedder = new HashingEmbedder();
    try (Engine engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open()) {
      int firstBuild = embedder.embedded.get();
      assertThat(firstBuild).isGreaterThan(100);
      IndexReport report = engine.reindex(false, IndexProgress.NONE).index();
      assertThat(report.unchanged()).isEqualTo(5);
      assertThat(report.embedded()).isZero();
      assertThat(embedder.embedded.get()).isEqualTo(firstBuild);
    }
  }

  @Test
  void onlyTheChangedArticleIsReprocessedAndItsUnchangedPassagesKeepTheirVectors(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    HashingEmbedder embedder = new HashingEmbedder();
    try (Engine engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open()) {
      long version = engine.version();
      Fixtures.changeTheMoscowTimes(corpus, "a name coined in 2017");

      IndexReport report = engine.reindex(false, IndexProgress.NONE).index();

      assertThat(report.updated()).isEqualTo(1);
      assertThat(report.unchanged()).isEqualTo(4);
      // One sentence changed: it and the pairs that hold it (at most three passages) are embedded.
      assertThat(report.embedded()).isBetween(1, 3);
      assertThat(engine.version()).isEqualTo(version + 1);
      assertThat(
              engine
                  .articleText("moscowtimes-2024-10-taliban-not-terrorists-anymore")
                  .orElseThrow())
          .contains("a name coined in 2017");
    }
  }

  @Test
  void aTextAlreadyInTheIndexIsNotEmbeddedAgainForAnotherArticle(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    HashingEmbedder embedder = new HashingEmbedder();
    try (Engine engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open()) {
      Files.copy(corpus.resolve(MOSCOW_TIMES), corpus.resolve("copy-of-moscow-times.txt"));

      IndexReport report = engine.reindex(false, IndexProgress.NONE).index();

      assertThat(report.added()).isEqualTo(1);
      assertThat(report.passages()).isGreaterThan(10);
      assertThat(report.embedded()).isZero();
      assertThat(engine.sources(Scope.all())).hasSize(6);
    }
  }

  @Test
  void textsRepeatedAcrossArticlesOfOneBuildAreEmbeddedOnce(@TempDir Path dir) throws Exception {
    HashingEmbedder once = new HashingEmbedder();
    try (Engine engine =
        Fixtures.engine(Fixtures.copyCorpus(dir.resolve("one")), dir.resolve("index-one"))
            .embedder(once)
            .open()) {
      assertThat(engine.sources(Scope.all())).hasSize(5);
    }
    Path twice = Fixtures.copyCorpus(dir.resolve("twice"));
    for (Path file : Files.list(twice).toList()) {
      Files.copy(file, twice.resolve("copy-" + file.getFileName()));
    }
    HashingEmbedder duplicated = new HashingEmbedder();
    try (Engine engine =
        Fixtures.engine(twice, dir.resolve("index-twice")).embedder(duplicated).open()) {
      assertThat(engine.sources(Scope.all())).hasSize(10);
    }

    assertThat(duplicated.embedded.get()).isEqualTo(once.embedded.get());
  }

  @Test
  void aDeletedArticleLeavesTheIndex(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    try (Engine engine =
        Fixtures.engine(corpus, dir.resolve("index")).embedder(new HashingEmbedder()).open()) {
      Files.delete(corpus.resolve(MOSCOW_TIMES));
      assertThat(engine.reindex(false, IndexProgress.NONE).index().removed()).isEqualTo(1);
      assertThat(engine.sources(Scope.all())).hasSize(4);
    }
  }

  /**
   * A served engine updates its index in the background at start; an update asked for meanwhile (a
   * page a user adds, a feed) waits for it instead of failing on the index's write lock.
   */
  @Test
  void anUpdateAskedForDuringTheStartUpUpdateWaitsForIt(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    try (Engine built = Fixtures.engine(corpus, index).embedder(new HashingEmbedder()).open()) {
      assertThat(built.sources(Scope.all())).hasSize(5);
    }
    Fixtures.changeTheMoscowTimes(corpus, "renamed while the bot was away");
    HeldEmbedder embedder = new HeldEmbedder();
    try (Engine engine =
        Fixtures.engine(corpus, index)
            .embedder(embedder)
            .updates(Engine.Updates.IN_BACKGROUND)
            .open()) {
      assertThat(embedder.entered.await(30, java.util.concurrent.TimeUnit.SECONDS))
          .as("the start-up update is embedding")
          .isTrue();
      java.util.concurrent.CompletableFuture<Engine.LoadReport> asked =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> engine.reindex(false, IndexProgress.NONE));
      assertThatThrownBy(() -> asked.get(1, java.util.concurrent.TimeUnit.SECONDS))
          .as("waits for the update under way, and has not failed")
          .isInstanceOf(java.util.concurrent.TimeoutException.class);
      embedder.release.countDown();
      Engine.LoadReport report = asked.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(report.index().unchanged()).isEqualTo(5);
      assertThat(engine.articleText(Fixtures.MOSCOW_TIMES_ID))
          .hasValueSatisfying(text -> assertThat(text).contains("renamed while the bot was away"));
    }
  }

  /** Holds the first passages it is asked to embed until released. */
  private static final class HeldEmbedder extends HashingEmbedder {
    final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @Override
    public java.util.List<float[]> embedPassages(java.util.List<String> passages) {
      entered.countDown();
      try {
        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.embedPassages(passages);
    }
  }

  /**
   * One indexing thread fails while another is still embedding its article: the other must be left
   * to finish, not interrupted. Interrupting a thread inside Lucene's file I/O closes the channel
   * it uses (the index lock's among them), and the rollback then failed in place of the real error.
   */
  @Test
  void aWorkerThatFailsLetsTheOthersFinishAndItsErrorIsTheOneReported(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    OneFailsWhileAnotherEmbeds embedder = new OneFailsWhileAnotherEmbeds();
    String threads = System.getProperty("readingroom.index.threads");
    System.setProperty("readingroom.index.threads", "2");
    try (Engine engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open()) {
      long version = engine.version();
      for (Path file : Files.list(corpus).toList()) {
        Files.writeString(
            file,
            Files.readString(file)
                + "\nA sentence added for this test, long enough to count as prose.\n");
      }
      embedder.armed = true;
      assertThatThrownBy(() -> engine.reindex(false, IndexProgress.NONE))
          .hasMessageContaining("simulated crash");
      assertThat(embedder.calls.get()).as("two articles were being embedded at once").isEqualTo(2);
      assertThat(embedder.otherInterrupted).as("the other worker was interrupted").isFalse();
      assertThat(embedder.otherFinished).as("the other worker finished its article").isTrue();
      assertThat(engine.version()).isEqualTo(version);
      assertThat(engine.sources(Scope.all())).hasSize(5);
    } finally {
      if (threads == null) {
        System.clearProperty("readingroom.index.threads");
      } else {
        System.setProperty("readingroom.index.threads", threads);
      }
    }
  }

  /** Once armed, the first article's embedding fails as soon as a second one is under way. */
  private static final class OneFailsWhileAnotherEmbeds extends HashingEmbedder {
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.CountDownLatch secondStarted =
        new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch firstFailed =
        new java.util.concurrent.CountDownLatch(1);
    volatile boolean armed;
    volatile boolean otherInterrupted;
    volatile boolean otherFinished;

    @Override
    public java.util.List<float[]> embedPassages(java.util.List<String> passages) {
      if (!armed) {
        return super.embedPassages(passages);
      }
      int call = calls.incrementAndGet();
      try {
        if (call == 1) {
          secondStarted.await(10, java.util.concurrent.TimeUnit.SECONDS);
          firstFailed.countDown();
          throw new IllegalStateException("simulated crash while embedding");
        }
        if (call == 2) {
          secondStarted.countDown();
          firstFailed.await(10, java.util.concurrent.TimeUnit.SECONDS);
          Thread.sleep(300); // long enough for an indexer that interrupts to do so
          otherFinished = true;
        }
      } catch (InterruptedException e) {
        otherInterrupted = true;
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      }
      return super.embedPassages(passages);
    }
  }

  @Test
  void aBuildThatFailsMidwayLeavesThePreviousIndexServing(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    HashingEmbedder embedder = new HashingEmbedder();
    long version;
    try (Engine engine = Fixtures.engine(corpus, dir.resolve("index")).embedder(embedder).open()) {
      version = engine.version();
      Answer before = engine.ask(Question.of("how much trade does russia do with afghanistan?"));

      // Every article changes; the embedder crashes after the first article's new passages.
      for (Path file : Files.list(corpus).toList()) {
        Files.writeString(
            file,
            Files.readString(file)
                + "\nA sentence added to every article for this test, long enough to count as prose.\n");
      }
      embedder.failAfter = embedder.embedded.get() + 2;
      assertThatThrownBy(() -> engine.reindex(false, IndexProgress.NONE))
          .hasMessageContaining("simulated crash");

      assertThat(engine.version()).isEqualTo(version);
      assertThat(engine.sources(Scope.all())).hasSize(5);
      assertThat(engine.articleText("diplomat-2018-11-can-russia-help-bring-peace").orElseThrow())
          .doesNotContain("A sentence added to every article");
      Answer after = engine.ask(Question.of("how much trade does russia do with afghanistan?"));
      assertThat(after.results())
          .extracting(Result::quote)
          .isEqualTo(before.results().stream().map(Result::quote).toList());
    }
    // A new process finds the old, complete index, and its start-up update finishes the job.
    try (Engine reopened =
        Fixtures.engine(corpus, dir.resolve("index")).embedder(new HashingEmbedder()).open()) {
      assertThat(reopened.sources(Scope.all())).hasSize(5);
      assertThat(reopened.version()).isEqualTo(version + 1);
      assertThat(reopened.articleText("diplomat-2018-11-can-russia-help-bring-peace").orElseThrow())
          .contains("A sentence added to every article");
    }
  }

  @Test
  void aCorpusWithNoLoadableArticleIsAClearError(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("broken.txt"), "no front matter");
    assertThatThrownBy(() ->
            Fixtures.engine(corpus, dir.resolve("index")).embedder(new HashingEmbedder()).open())
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no loadable article");
  }
}
