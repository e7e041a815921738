package readingroom.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the Lucene index. An update is one Lucene commit: until it commits, readers see the
 * previous index, and any failure rolls back to it, so a crash mid-way never leaves a half-built
 * index serving. Unchanged articles (same content hash) are not touched, and a passage whose text
 * was embedded before keeps its vector.
 */
final class IndexStore {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private IndexStore() {}

  static Directory open(Path folder) {
    try {
      Files.createDirectories(folder);
      if (!Files.isWritable(folder)) {
        throw new EngineException("The index folder " + folder + " is not writable.");
      }
      return FSDirectory.open(folder);
    } catch (AccessDeniedException e) {
      throw new EngineException("The index folder " + folder + " is not writable.", e);
    } catch (IOException e) {
      throw new EngineException(
          "The index folder " + folder + " cannot be opened: " + e.getMessage(), e);
    }
  }

  static boolean exists(Directory directory) throws IOException {
    return DirectoryReader.indexExists(directory);
  }

  static Map<String, String> commitData(Directory directory) throws IOException {
    return SegmentInfos.readLatestCommit(directory).getUserData();
  }

  /**
   * Brings the index in line with the corpus.
   *
   * @param full re-process every article even if unchanged (vectors are still reused)
   */
  static Engine.IndexReport update(
      Directory directory,
      List<Article> articles,
      Embedder embedder,
      boolean full,
      IndexProgress progress)
      throws IOException {
    Map<String, String> previous = exists(directory) ? commitData(directory) : Map.of();
    boolean compatible =
        Integer.toString(Schema.VERSION).equals(previous.get(Schema.COMMIT_SCHEMA))
            && embedder.name().equals(previous.get(Schema.COMMIT_EMBEDDER));
    long version =
        compatible ? Long.parseLong(previous.getOrDefault(Schema.COMMIT_VERSION, "0")) : 0;

    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(128);
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      Map<String, String> indexed = new HashMap<>();
      if (compatible && exists(directory)) {
        indexed = indexedHashes(directory);
      } else {
        writer.deleteAll();
      }
      Map<String, float[]> knownVectors = new HashMap<>();
      int added = 0;
      int updated = 0;
      int unchanged = 0;
      int passageCount = 0;
      int embedded = 0;
      int done = 0;
      for (Article article : articles) {
        String hash = indexed.remove(article.id());
        if (!full && article.contentHash().equals(hash)) {
          unchanged++;
        } else {
          if (hash != null) {
            knownVectors.putAll(vectorsOf(directory, article.id()));
            writer.deleteDocuments(new Term(Schema.ARTICLE, article.id()));
            updated++;
          } else {
            added++;
          }
          List<Passage> passages = Passages.of(article);
          embedded += addArticle(writer, article, passages, embedder, knownVectors);
          passageCount += passages.size();
          knownVectors.clear();
        }
        progress.advanced(++done, articles.size());
      }
      for (String gone : indexed.keySet()) {
        writer.deleteDocuments(new Term(Schema.ARTICLE, gone));
      }
      boolean changed = added + updated + indexed.size() > 0 || !compatible;
      if (changed) {
        version++;
        writer.setLiveCommitData(
            Map.of(
                    Schema.COMMIT_SCHEMA, Integer.toString(Schema.VERSION),
                    Schema.COMMIT_EMBEDDER, embedder.name(),
                    Schema.COMMIT_VERSION, Long.toString(version))
                .entrySet());
        writer.commit();
      }
      writer.close();
      return new Engine.IndexReport(
          added, updated, indexed.size(), unchanged, passageCount, embedded, version);
    } catch (IOException | RuntimeException | Error e) {
      writer.rollback();
      throw e;
    }
  }

  private static int addArticle(
      IndexWriter writer,
      Article article,
      List<Passage> passages,
      Embedder embedder,
      Map<String, float[]> knownVectors)
      throws IOException {
    List<String> texts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<String> toEmbed = new ArrayList<>();
    for (Passage passage : passages) {
      String text = article.text().substring(passage.start(), passage.end());
      String embedded = embeddingText(article.source(), text);
      String hash = textHash(embedded);
      texts.add(text);
      hashes.add(hash);
      if (!knownVectors.containsKey(hash)) {
        toEmbed.add(embedded);
      }
    }
    if (!toEmbed.isEmpty()) {
      List<float[]> vectors = embedder.embedPassages(toEmbed);
      for (int i = 0; i < toEmbed.size(); i++) {
        knownVectors.put(textHash(toEmbed.get(i)), vectors.get(i));
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
      doc.add(new StoredField(Schema.TEXT_HASH, hashes.get(i)));
      doc.add(new TextField(Schema.TEXT, texts.get(i), Field.Store.NO));
      doc.add(new TextField(Schema.WORDS, texts.get(i), Field.Store.NO));
      doc.add(new TextField(Schema.CONTEXT, passage.context(), Field.Store.NO));
      doc.add(new TextField(Schema.TITLE, title, Field.Store.NO));
      doc.add(
          new KnnFloatVectorField(
              Schema.VECTOR, knownVectors.get(hashes.get(i)), Schema.SIMILARITY));
      docs.add(doc);
    }
    writer.addDocuments(docs);
    return toEmbed.size();
  }

  /**
   * The weak "about the article" field of every passage: headline, subtitle, outlet and when it was
   * published, so "the 2024 talks" finds a 2024 article whose text says only "this month".
   */
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
    doc.add(new StoredField(Schema.HASH, article.contentHash()));
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

  static Source readSource(String json) {
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

  /** The vectors of an article's current passages, by text hash, so re-indexing it reuses them. */
  private static Map<String, float[]> vectorsOf(Directory directory, String articleId)
      throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      BooleanQuery query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Schema.ARTICLE, articleId)), BooleanClause.Occur.FILTER)
              .add(
                  new TermQuery(new Term(Schema.TYPE, Schema.TYPE_PASSAGE)),
                  BooleanClause.Occur.FILTER)
              .build();
      IndexSearcher searcher = new IndexSearcher(reader);
      for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
        int local = hit.doc - leaf.docBase;
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        if (values == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(local) == local) {
          String hash = leaf.reader().storedFields().document(local).get(Schema.TEXT_HASH);
          vectors.put(hash, values.vectorValue(iterator.index()).clone());
        }
      }
    }
    return vectors;
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
}
