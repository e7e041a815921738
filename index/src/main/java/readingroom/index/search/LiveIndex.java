package readingroom.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.model.Source;
import readingroom.index.search.SearchBackend.Catalogue;

/**
 * The index as it is being served: searchers over the latest commit and, beside them, every article
 * of that commit in memory (its {@link Catalogue}), which is what a reply needs besides the search.
 * Looks for a new commit at most once a second, so an index updated by another process ({@code
 * readingroom index}) is picked up without a restart.
 */
public final class LiveIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);

  private static final long REFRESH_NANOS = 1_000_000_000L;

  private final SearcherManager searchers;
  private final AtomicInteger catalogueLoads = new AtomicInteger();
  private volatile Catalogue catalogue;
  private volatile long lastRefresh;

  public LiveIndex(Directory directory) throws IOException {
    this.searchers = new SearcherManager(directory, new SearcherFactory());
    this.catalogue = loadCatalogue();
  }

  /** The catalogue of the newest commit, looking for one if a second has passed. */
  public Catalogue current() {
    long now = System.nanoTime();
    if (now - lastRefresh >= REFRESH_NANOS) {
      lastRefresh = now;
      refreshNow();
    }
    return catalogue;
  }

  /** The catalogue as last read, without looking for a new commit. */
  public Catalogue latest() {
    return catalogue;
  }

  /** After this process committed: serves the new commit from now on. */
  public void reload() throws IOException {
    searchers.maybeRefreshBlocking();
    catalogue = loadCatalogue();
  }

  /**
   * Picks up a new commit. The catalogue is read again only when the commit's version changed:
   * reading it costs a stored-field read of every article (seconds at a million passages), and
   * {@code maybeRefresh} reports success for an unchanged index too.
   */
  void refreshNow() {
    try {
      if (searchers.maybeRefresh() && committedVersion() != catalogue.version()) {
        Catalogue fresh = loadCatalogue();
        if (fresh.version() != catalogue.version()) {
          catalogue = fresh;
        }
      }
    } catch (IOException e) {
      log.warn("Refreshing the index failed; still serving version {}", catalogue.version(), e);
    }
  }

  /** How many times the catalogue was read from the index. */
  int catalogueLoads() {
    return catalogueLoads.get();
  }

  public IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      log.warn("Releasing a searcher failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
  }

  private long committedVersion() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return versionOf((DirectoryReader) searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  private static long versionOf(DirectoryReader reader) throws IOException {
    return Long.parseLong(
        reader.getIndexCommit().getUserData().getOrDefault(Schema.COMMIT_VERSION, "0"));
  }

  private Catalogue loadCatalogue() throws IOException {
    catalogueLoads.incrementAndGet();
    IndexSearcher searcher = searchers.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      long version = versionOf(reader);
      Map<String, StoredArticle> articles = new LinkedHashMap<>();
      TermQuery query = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE));
      for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        Source source = IndexStore.readSource(doc.get(Schema.META));
        articles.put(source.id(), new StoredArticle(source, doc.get(Schema.BODY)));
      }
      return new Catalogue(version, Map.copyOf(articles));
    } finally {
      searchers.release(searcher);
    }
  }
}
