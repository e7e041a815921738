package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.Engine;
import readingroom.index.Fixtures;
import readingroom.index.HashingEmbedder;
import readingroom.index.corpus.Cleaner;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.Article;
import readingroom.index.model.IndexProgress;

/**
 * An index just built from a corpus is current for it, so a start does not warn that the corpus
 * changed (it did on every start: the check compared the article's hash without the passage rules'
 * version that the index stores beside it); an edited article makes it stale.
 */
class IndexCurrentTest {

  private static final CorpusReader READER =
      new CorpusReader(new Cleaner(new CleaningRules(List.of())));

  @Test
  void anIndexIsCurrentForTheCorpusItWasBuiltFromAndStaleAfterAnEdit(@TempDir Path dir)
      throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    try (Directory index = FSDirectory.open(dir.resolve("index"))) {
      List<Article> articles = READER.load(corpus).articles();
      IndexStore.update(
          index,
          articles,
          new HashingEmbedder(),
          Engine.DEFAULT_VECTOR_FORMAT,
          false,
          IndexProgress.NONE);
      assertThat(IndexStore.current(index, articles)).isTrue();

      Path article;
      try (var files = Files.list(corpus)) {
        article =
            files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
      }
      Files.writeString(
          article,
          Files.readString(article)
              + "\n\nA paragraph added after the index was built, long enough to be prose here.\n");
      assertThat(IndexStore.current(index, READER.load(corpus).articles())).isFalse();
    }
  }
}
