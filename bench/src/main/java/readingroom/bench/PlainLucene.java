package readingroom.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import readingroom.index.search.Schema;

/**
 * The baseline: what an application on plain Lucene would do over the same index. The question is
 * analysed with the index's own analyzer, its terms become one BM25 {@link BooleanQuery} of SHOULD
 * clauses on the passage text, and the top ten passages are returned. No typo correction, no
 * phrases, no vectors, no excerpts: every engine figure is divided by this one.
 */
final class PlainLucene implements Closeable {

  static final int TOP = 10;

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  // bench runs on the class path and may read the engine's schema, which the module keeps hidden:
  // the baseline must analyse words as the index did, or no term would meet.
  private final Analyzer analyzer = Schema.analyzer();
  private final String field = Schema.TEXT;

  PlainLucene(Path index) throws IOException {
    this.directory = FSDirectory.open(index);
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** Searches and returns the top hits. */
  TopDocs search(String question) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms(analyzer, field, question)) {
      query.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
    }
    return searcher.search(query.build(), TOP);
  }

  /** How many passages the index holds. */
  int passages() throws IOException {
    return reader.getDocCount(field);
  }

  static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  /**
   * Plain Lucene indexing of the same passage texts into a fresh folder (one text field each, one
   * commit), in passages per second: the baseline for the engine's indexing rate.
   */
  static double indexingRate(List<String> passages, Path folder) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setRAMBufferSizeMB(128);
    long started = System.nanoTime();
    try (FSDirectory dir = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(dir, config)) {
      writer.deleteAll();
      String field = Schema.TEXT;
      for (String passage : passages) {
        Document doc = new Document();
        doc.add(new TextField(field, passage, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return passages.size() / ((System.nanoTime() - started) / 1e9);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
