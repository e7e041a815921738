package readingroom.index.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import readingroom.index.model.Article;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.VectorFormat;

/**
 * Where passages are indexed and searched: the embedded Lucene index ({@link LuceneBackend}, the
 * default) or an OpenSearch cluster ({@link OpenSearchBackend}), for an archive past one machine.
 * Embeddings are always computed by the engine; a backend stores and searches them. An update is
 * all or nothing for readers: they see the previous version until the new one is complete.
 */
public interface SearchBackend extends Closeable {

  /** The articles of one index version, in memory: what a reply needs besides the search. */
  record Catalogue(long version, Map<String, StoredArticle> articles) {}

  /** Whether the index holds a version this embedder and schema can serve without an update. */
  boolean servable(Embedder embedder) throws IOException;

  /** Whether the index holds exactly these articles, unchanged: nothing to update. */
  boolean current(List<Article> articles) throws IOException;

  /**
   * Brings the index in line with the corpus, reusing every vector it already holds (by text).
   *
   * @param full re-process every article even if unchanged
   * @param format how vectors are stored; an index in another format is rebuilt
   */
  IndexReport update(
      List<Article> articles,
      Embedder embedder,
      VectorFormat format,
      boolean full,
      IndexProgress progress)
      throws IOException;

  /** Starts serving the index as it is now; called once, before any search. */
  void startServing() throws IOException;

  /** The catalogue of the newest version, looking for one at most once a second. */
  Catalogue current();

  /** After this process updated the index: serves the new version from now on. */
  void reload() throws IOException;

  /** A view for one question over the version of {@code catalogue}; close it after. */
  PassageSearch search(Catalogue catalogue);

  /** Where the index is, for messages: a folder or a cluster's index. */
  String describe();
}
