package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.Engine;
import readingroom.index.Fixtures;
import readingroom.index.HashingEmbedder;
import readingroom.index.model.IndexProgress;

/** Serving the index: the catalogue is read again for a new index version, and only then. */
class LiveIndexTest {

  @Test
  void anUnchangedIndexIsNotReadAgainWhenLookingForChanges(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    try (Engine engine = Fixtures.engine(corpus, index).embedder(new HashingEmbedder()).open();
        FSDirectory directory = FSDirectory.open(index);
        LiveIndex live = new LiveIndex(directory)) {
      long version = live.latest().version();
      int loads = live.catalogueLoads();

      live.refreshNow();
      live.refreshNow();

      assertThat(live.catalogueLoads()).isEqualTo(loads);
      assertThat(live.latest().version()).isEqualTo(version).isEqualTo(engine.version());
      assertThat(live.latest().articles()).hasSize(5);
    }
  }

  @Test
  void aNewIndexVersionIsReadOnceAndServed(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    try (Engine engine = Fixtures.engine(corpus, index).embedder(new HashingEmbedder()).open();
        FSDirectory directory = FSDirectory.open(index);
        LiveIndex live = new LiveIndex(directory)) {
      long version = live.latest().version();
      int loads = live.catalogueLoads();
      Files.copy(
          corpus.resolve("diplomat-2018-07-why-has-russia-invited-the-taliban.txt"),
          corpus.resolve("copy-of-the-diplomat.txt"));
      engine.reindex(false, IndexProgress.NONE);

      live.refreshNow();
      live.refreshNow();

      assertThat(live.catalogueLoads()).isEqualTo(loads + 1);
      assertThat(live.latest().version()).isGreaterThan(version);
      assertThat(live.latest().articles()).hasSize(6);
    }
  }
}
