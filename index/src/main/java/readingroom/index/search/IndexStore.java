package readingroom.index.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import readingroom.index.corpus.Passage;
import readingroom.index.corpus.Passages;
import readingroom.index.model.Article;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.Source;
import readingroom.index.model.VectorFormat;

/**
 * Writes the Lucene index. An update is one Lucene commit: until it commits, readers see the
 * previous index, and any failure rolls back to it, so a crash mid-way never leaves a half-built
 * index serving. Unchanged articles (same content hash) are not touched, and a passage text is
 * embedded once: a text already in the index, or met earlier in the same update (in any article),
 * reuses its vector.
 */
public final class IndexStore {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private IndexStore() {}

  static boolean exists(Directory directory) throws IOException {
    return DirectoryReader.indexExists(directory);
  }

  static Map<String, String> commitData(Directory directory) throws IOException {
    return SegmentInfos.readLatestCommit(directory).getUserData();
  }

  /**
   * Whether the folder holds a commit this embedder and schema can serve as it is, without a
   * writer: reading it needs no lock and no write access.
   */
  public static boolean servable(Directory directory, Embedder embedder) throws IOException {
    if (!exists(directory)) {
      return false;
    }
    Map<String, String> data = commitData(directory);
    return Integer.toString(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA))
        && embedder.name().equals(data.get(Schema.COMMIT_EMBEDDER));
  }

  /** Whether the last commit holds exactly these articles, unchanged: nothing to update. */
  public static boolean current(Directory directory, List<Article> articles) throws IOException {
    Map<String, String> indexed = indexedHashes(directory);
    if (indexed.size() != articles.size()) {
      return false;
    }
    for (Article article : articles) {
      if (!indexedHash(article).equals(indexed.get(article.id()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Brings the index in line with the corpus.
   *
   * @param full re-process every article even if unchanged (vectors are still reused)
   * @param format how vectors are stored; an index in another format is rebuilt, its vectors reused
   */
  public static IndexReport update(
      Directory directory,
      List<Article> articles,
      Embedder embedder,
      VectorFormat format,
      boolean full,
      IndexProgress progress)
      throws IOException {
    Map<String, String> previous = exists(directory) ? commitData(directory) : Map.of();
    boolean sameVectors =
        Integer.toString(Schema.VERSION).equals(previous.get(Schema.COMMIT_SCHEMA))
            && embedder.name().equals(previous.get(Schema.COMMIT_EMBEDDER));
    boolean compatible =
        sameVectors
            && format
                .name()
                // Indexes from before the format was a setting hold floats.
                .equals(previous.getOrDefault(Schema.COMMIT_VECTOR_FORMAT, "FLOAT32"));
    long version =
        sameVectors ? Long.parseLong(previous.getOrDefault(Schema.COMMIT_VERSION, "0")) : 0;

    // Opened before the writer changes anything: the vectors of the last commit, by text hash.
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService graphMerges = cores > 1 ? graphMergeThreads(cores) : null;
    try (KnownVectors knownVectors =
        new KnownVectors(
            sameVectors && exists(directory) ? DirectoryReader.open(directory) : null)) {
      IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCodec(VectorCodec.codec(format, cores > 1 ? cores : 1, graphMerges));
      config.setRAMBufferSizeMB(ramBufferMB());
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        Map<String, String> indexed = new HashMap<>();
        if (compatible && exists(directory)) {
          indexed = indexedHashes(directory);
        } else {
          writer.deleteAll();
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        // Deletes first: a delete applies to the documents added before it, never to later ones.
        List<Article> toWrite = new ArrayList<>();
        for (Article article : articles) {
          String hash = indexed.remove(article.id());
          if (!full && indexedHash(article).equals(hash)) {
            unchanged++;
          } else {
            if (hash != null) {
              writer.deleteDocuments(new Term(Schema.ARTICLE, article.id()));
              updated++;
            } else {
              added++;
            }
            toWrite.add(article);
          }
        }
        for (String gone : indexed.keySet()) {
          writer.deleteDocuments(new Term(Schema.ARTICLE, gone));
        }
        Written written =
            addArticles(
                writer,
                toWrite,
                embedder,
                knownVectors,
                progress,
                unchanged,
                articles.size(),
                indexingThreads(cores));
        int passageCount = written.passages();
        int embedded = written.embedded();
        boolean changed = added + updated + indexed.size() > 0 || !compatible;
        if (changed) {
          version++;
          writer.setLiveCommitData(
              Map.of(
                      Schema.COMMIT_SCHEMA, Integer.toString(Schema.VERSION),
                      Schema.COMMIT_EMBEDDER, embedder.name(),
                      Schema.COMMIT_VECTOR_FORMAT, format.name(),
                      Schema.COMMIT_VERSION, Long.toString(version))
                  .entrySet());
          writer.commit();
        }
        writer.close();
        return new IndexReport(
            added, updated, indexed.size(), unchanged, passageCount, embedded, version);
      } catch (IOException | RuntimeException | Error e) {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    } finally {
      if (graphMerges != null) {
        graphMerges.shutdown();
      }
    }
  }

  private record Written(int passages, int embedded) {}

  /**
   * Threads that add documents: one per core, or {@code -Dreadingroom.index.threads} (to measure
   * the gain, as the benchmarks do with 1).
   */
  private static int indexingThreads(int cores) {
    return Math.max(1, Integer.getInteger("readingroom.index.threads", cores));
  }

  /**
   * Adds the articles' documents from one thread per core. Lucene gives each indexing thread its
   * own segment buffer and builds that buffer's HNSW graph on the thread that adds to it, so with
   * one thread the graph insertions, the costliest part when vectors are known, ran on one core.
   * Document order then varies between builds; nothing depends on it (ties are broken by article
   * and offset).
   */
  private static Written addArticles(
      IndexWriter writer,
      List<Article> articles,
      Embedder embedder,
      KnownVectors knownVectors,
      IndexProgress progress,
      int alreadyDone,
      int total,
      int cores)
      throws IOException {
    if (articles.isEmpty()) {
      progress.advanced(total, total);
      return new Written(0, 0);
    }
    java.util.concurrent.atomic.AtomicInteger passages =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger embedded =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger(alreadyDone);
    int threads = Math.max(1, Math.min(cores, articles.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name("readingroom-indexer-", 1).daemon(true).factory());
    try {
      List<java.util.concurrent.Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(() -> {
              try {
                for (int i = next.getAndIncrement();
                    i < articles.size();
                    i = next.getAndIncrement()) {
                  Article article = articles.get(i);
                  List<Passage> cut = Passages.of(article);
                  embedded.addAndGet(addArticle(writer, article, cut, embedder, knownVectors));
                  passages.addAndGet(cut.size());
                  synchronized (progress) {
                    progress.advanced(done.incrementAndGet(), total);
                  }
                }
                return null;
              } catch (IOException | RuntimeException | Error e) {
                next.set(articles.size()); // the other workers stop at their next article
                throw e;
              }
            }));
      }
      // Every worker is waited for, even after a failure or an interrupt: the caller rolls the
      // writer back next, which must not happen under a worker still adding its article.
      Throwable failure = null;
      boolean interrupted = false;
      for (java.util.concurrent.Future<Void> worker : workers) {
        while (true) {
          try {
            worker.get();
            break;
          } catch (java.util.concurrent.ExecutionException e) {
            if (failure == null) { // the failed worker has already stopped the others
              failure = e.getCause();
            } else {
              failure.addSuppressed(e.getCause());
            }
            break;
          } catch (InterruptedException e) {
            next.set(articles.size());
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new java.io.InterruptedIOException("interrupted while indexing");
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    } finally {
      // Never shutdownNow: interrupting a thread inside Lucene's file I/O closes the channel it
      // is using (Java closes an interrupted thread's channel), the index lock's among them, and
      // the rollback that follows then fails in place of the error that caused it.
      pool.shutdown();
    }
    return new Written(passages.get(), embedded.get());
  }

  /**
   * Lucene builds a segment's HNSW graph while documents are added, on the indexing thread; a merge
   * rebuilds it, which these threads share, so a bulk build uses every core.
   */
  private static ExecutorService graphMergeThreads(int threads) {
    return Executors.newFixedThreadPool(
        threads, Thread.ofPlatform().name("readingroom-graph-merge-", 1).daemon(true).factory());
  }

  /**
   * Larger buffers mean fewer, larger segments and so fewer graph merges; bounded by a quarter of
   * the heap, so a small served heap (the launcher's) still indexes.
   */
  static double ramBufferMB() {
    long heapMB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return Math.max(16, Math.min(512, heapMB / 4));
  }

  private static int addArticle(
      IndexWriter writer,
      Article article,
      List<Passage> passages,
      Embedder embedder,
      KnownVectors knownVectors)
      throws IOException {
    List<String> texts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    Map<String, float[]> vectors = new HashMap<>();
    Map<String, String> toEmbed = new LinkedHashMap<>();
    for (Passage passage : passages) {
      String text = article.text().substring(passage.start(), passage.end());
      String embedded = embeddingText(article.source(), text);
      String hash = textHash(embedded);
      texts.add(text);
      hashes.add(hash);
      if (!vectors.containsKey(hash) && !toEmbed.containsKey(hash)) {
        float[] known = knownVectors.get(hash);
        if (known != null) {
          vectors.put(hash, known);
        } else {
          toEmbed.put(hash, embedded);
        }
      }
    }
    if (!toEmbed.isEmpty()) {
      List<float[]> fresh = embedder.embedPassages(List.copyOf(toEmbed.values()));
      int i = 0;
      for (String hash : toEmbed.keySet()) {
        vectors.put(hash, fresh.get(i));
        knownVectors.remember(hash, fresh.get(i));
        i++;
      }
    }
    List<Document> docs = new ArrayList<>();
    docs.add(articleDocument(article));
    String title = titleField(article.source());
    for (int i = 0; i < passages.size(); i++) {
      Passage passage = passages.get(i);
      Document doc = new Document();
      doc.add(new StringField(Schema.TYPE, Schema.TYPE_PASSAGE, Field.Store.NO));
      doc.add(new StringField(Schema.ARTICLE, article.id(), Field.Store.YES));
      doc.add(new StoredField(Schema.ORDINAL, passage.ordinal()));
      // Doc values, not stored fields: read for every candidate of every question.
      doc.add(new NumericDocValuesField(Schema.START, passage.start()));
      doc.add(new NumericDocValuesField(Schema.END, passage.end()));
      doc.add(new SortedDocValuesField(Schema.ARTICLE, new BytesRef(article.id())));
      // Indexed, so a later update finds a vector for the same text in any article.
      doc.add(new StringField(Schema.TEXT_HASH, hashes.get(i), Field.Store.NO));
      doc.add(new TextField(Schema.TEXT, texts.get(i), Field.Store.NO));
      doc.add(new TextField(Schema.WORDS, texts.get(i), Field.Store.NO));
      doc.add(new TextField(Schema.CONTEXT, passage.context(), Field.Store.NO));
      doc.add(new TextField(Schema.TITLE, title, Field.Store.NO));
      doc.add(
          new KnnFloatVectorField(Schema.VECTOR, vectors.get(hashes.get(i)), Schema.SIMILARITY));
      docs.add(doc);
    }
    writer.addDocuments(docs);
    return toEmbed.size();
  }

  /**
   * What the embedding model reads for a passage: the headline, then the passage, so a sentence
   * that says "the meeting" is still about the talks its headline names. (Adding the sentence
   * before as well was tried, and made paraphrased questions match worse.)
   */
  static String embeddingText(Source source, String text) {
    return source.title() + "\n" + text;
  }

  static String titleField(Source source) {
    StringBuilder field = new StringBuilder(source.title());
    if (source.subtitle() != null) {
      field.append('\n').append(source.subtitle());
    }
    field.append('\n').append(source.outlet());
    if (source.published() != null) {
      field.append('\n').append(source.published().display());
    }
    return field.toString();
  }

  private static Document articleDocument(Article article) {
    Document doc = new Document();
    doc.add(new StringField(Schema.TYPE, Schema.TYPE_ARTICLE, Field.Store.NO));
    doc.add(new StringField(Schema.ARTICLE, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.ARTICLE, new BytesRef(article.id())));
    doc.add(new StoredField(Schema.HASH, indexedHash(article)));
    doc.add(new StoredField(Schema.BODY, article.text()));
    try {
      doc.add(new StoredField(Schema.META, JSON.writeValueAsString(article.source())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata of " + article.id() + " cannot be written", e);
    }
    // The title is searchable on the article document too, for /article lookups.
    doc.add(
        new TextField(
            Schema.TITLE,
            article.source().title() + " " + article.source().outlet(),
            Field.Store.NO));
    return doc;
  }

  public static Source readSource(String json) {
    try {
      return JSON.readValue(json, Source.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored metadata is unreadable", e);
    }
  }

  private static Map<String, String> indexedHashes(Directory directory) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      TermQuery articles = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE));
      for (ScoreDoc hit : searcher.search(articles, Math.max(1, reader.maxDoc())).scoreDocs) {
        Document doc = stored.document(hit.doc);
        hashes.put(doc.get(Schema.ARTICLE), doc.get(Schema.HASH));
      }
    }
    return hashes;
  }

  /**
   * Vectors computed before, by text hash: those of the last commit (looked up in its index) and
   * the most recent of this update. The recent ones are bounded, so a corpus of unique texts does
   * not hold every vector in memory; repeated texts are usually near each other (the same article,
   * or a copy of it).
   */
  static final class KnownVectors implements java.io.Closeable {

    static final int RECENT = 50_000;

    private final DirectoryReader previous;
    private final Map<String, float[]> recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
          }
        };

    KnownVectors(DirectoryReader previous) {
      this.previous = previous;
    }

    /** The vector of a text with this hash, or null if it was never embedded. */
    synchronized float[] get(String hash) throws IOException {
      float[] vector = recent.get(hash);
      if (vector == null && previous != null) {
        vector = inPrevious(hash);
        if (vector != null) {
          recent.put(hash, vector);
        }
      }
      return vector;
    }

    synchronized void remember(String hash, float[] vector) {
      recent.put(hash, vector);
    }

    private float[] inPrevious(String hash) throws IOException {
      BytesRef term = new BytesRef(hash);
      for (LeafReaderContext leaf : previous.leaves()) {
        Terms terms = leaf.reader().terms(Schema.TEXT_HASH);
        if (terms == null) {
          continue;
        }
        TermsEnum termsEnum = terms.iterator();
        if (!termsEnum.seekExact(term)) {
          continue;
        }
        PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
        int doc = postings.nextDoc();
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        if (doc == DocIdSetIterator.NO_MORE_DOCS || values == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(doc) == doc) {
          return values.vectorValue(iterator.index()).clone();
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      if (previous != null) {
        previous.close();
      }
    }
  }

  static String textHash(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * An article's content hash with the version of the passage rules: an article whose text is
   * unchanged is cut again when the rules change (its passages' vectors are reused by text).
   */
  static String indexedHash(Article article) {
    return article.contentHash() + "/p" + readingroom.index.corpus.Passages.RULES_VERSION;
  }
}
