package readingroom.index.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import readingroom.index.model.Article;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.VectorFormat;

/**
 * The embedded Lucene index in a folder, the default backend: written by {@link IndexStore} (one
 * commit per update), served by {@link LiveIndex}, searched by {@link LucenePassageSearch}.
 */
public final class LuceneBackend implements SearchBackend {

  private final Directory directory;
  private final Path folder;
  private final VectorFormat vectorFormat;
  private LiveIndex live;

  /** Takes over the directory: closing the backend closes it. */
  public LuceneBackend(Directory directory, Path folder, VectorFormat vectorFormat) {
    this.directory = directory;
    this.folder = folder;
    this.vectorFormat = vectorFormat;
  }

  @Override
  public boolean servable(Embedder embedder) throws IOException {
    return IndexStore.servable(directory, embedder);
  }

  @Override
  public boolean current(List<Article> articles) throws IOException {
    return IndexStore.current(directory, articles);
  }

  @Override
  public IndexReport update(
      List<Article> articles,
      Embedder embedder,
      VectorFormat format,
      boolean full,
      IndexProgress progress)
      throws IOException {
    return IndexStore.update(directory, articles, embedder, format, full, progress);
  }

  @Override
  public void startServing() throws IOException {
    live = new LiveIndex(directory);
  }

  @Override
  public Catalogue current() {
    return live.current();
  }

  @Override
  public void reload() throws IOException {
    live.reload();
  }

  @Override
  public PassageSearch search(Catalogue catalogue) {
    IndexSearcher searcher = live.acquire();
    return new LucenePassageSearch(searcher, vectorFormat, () -> live.release(searcher));
  }

  @Override
  public String describe() {
    return folder.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      if (live != null) {
        live.close();
      }
    } finally {
      directory.close();
    }
  }
}
