package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers open the committed index without Lucene's writer: they answer while another process holds
 * the write lock, and a changed corpus never keeps them from answering at once.
 */
class IndexReadersTest {

  private static final String MOSCOW_TIMES_ID = Fixtures.MOSCOW_TIMES_ID;
  private static final Question QUESTION =
      new Question("why did russia invite the taliban to moscow?", Scope.all(), 3, 0);

  @Test
  void readersAnswerWhileAnotherProcessHoldsTheWriteLock(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    HashingEmbedder embedder = new HashingEmbedder();
    Fixtures.engine(corpus, index).embedder(embedder).open().close();

    try (Directory directory = FSDirectory.open(index);
        IndexWriter holder = new IndexWriter(directory, new IndexWriterConfig());
        Engine first =
            Fixtures.engine(corpus, index).embedder(embedder).updates(Engine.Updates.NEVER).open();
        Engine second =
            Fixtures.engine(corpus, index)
                .embedder(embedder)
                .updates(Engine.Updates.NEVER)
                .open()) {
      assertThat(holder.isOpen()).isTrue();
      assertThat(first.ask(QUESTION).results()).isNotEmpty();
      assertThat(second.ask(QUESTION).results()).isNotEmpty();
    }
  }

  @Test
  void aReaderOfAChangedCorpusAnswersFromTheCommitAndLeavesTheIndexAlone(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    HashingEmbedder embedder = new HashingEmbedder();
    Fixtures.engine(corpus, index).embedder(embedder).open().close();
    Fixtures.changeTheMoscowTimes(corpus, "a name coined in 2017");
    int embeddedBefore = embedder.embedded.get();

    try (Engine reader =
        Fixtures.engine(corpus, index).embedder(embedder).updates(Engine.Updates.NEVER).open()) {
      assertThat(reader.articleText(MOSCOW_TIMES_ID).orElseThrow())
          .doesNotContain("a name coined in 2017");
      assertThat(embedder.embedded.get()).isEqualTo(embeddedBefore);
    }
  }

  @Test
  void aServerAnswersAtOnceAndServesTheUpdateWhenTheBackgroundReindexCommits(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    Fixtures.engine(corpus, index).embedder(new HashingEmbedder()).open().close();
    Fixtures.changeTheMoscowTimes(corpus, "a name coined in 2017");
    CountDownLatch release = new CountDownLatch(1);
    HashingEmbedder slow =
        new HashingEmbedder() {
          @Override
          public List<float[]> embedPassages(List<String> passages) {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.embedPassages(passages);
          }
        };

    try (Engine server =
        Fixtures.engine(corpus, index)
            .embedder(slow)
            .updates(Engine.Updates.IN_BACKGROUND)
            .open()) {
      // Opened and answering while the re-index is stuck embedding.
      assertThat(server.ask(QUESTION).results()).isNotEmpty();
      assertThat(server.articleText(MOSCOW_TIMES_ID).orElseThrow())
          .doesNotContain("a name coined in 2017");

      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!server.articleText(MOSCOW_TIMES_ID).orElseThrow().contains("a name coined in 2017")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(server.articleText(MOSCOW_TIMES_ID).orElseThrow())
          .contains("a name coined in 2017");
    }
  }

  @Test
  void aBackgroundUpdateThatFailsIsTriedAgainUntilItCommits(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    HashingEmbedder embedder = new HashingEmbedder();
    Fixtures.engine(corpus, index).embedder(embedder).open().close();
    Fixtures.changeTheMoscowTimes(corpus, "a name coined in 2017");

    Directory directory = FSDirectory.open(index);
    // Another process (`readingroom index`, say) holds the write lock: the first tries fail.
    IndexWriter holder = new IndexWriter(directory, new IndexWriterConfig());
    try (Engine server =
        Fixtures.engine(corpus, index)
            .embedder(embedder)
            .updates(Engine.Updates.IN_BACKGROUND)
            .updateRetry(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200))
            .open()) {
      Thread.sleep(500);
      assertThat(server.articleText(MOSCOW_TIMES_ID).orElseThrow())
          .as("still the last commit while the lock is held")
          .doesNotContain("a name coined in 2017");

      holder.close();
      directory.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.articleText(MOSCOW_TIMES_ID).orElseThrow().contains("a name coined in 2017")
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(server.articleText(MOSCOW_TIMES_ID).orElseThrow())
          .as("updated once the lock was free")
          .contains("a name coined in 2017");
    } finally {
      if (holder.isOpen()) {
        holder.close();
      }
      directory.close();
    }
  }
}
