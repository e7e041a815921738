package readingroom.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/**
 * Names the text of an engine index's passage, so that every copy of one passage gets the same
 * name: the original doc's name (see {@link Datasets#originalName}) and the passage's offsets in
 * the article text, which copies share because only their headline differs. The index's {@code
 * text_hash} cannot serve: it hashes the headline with the text, so each copy has its own. Read
 * from doc values for the few docs asked about, not for the whole index, so it costs no memory at
 * millions of passages.
 */
final class PassageTexts {

  // Field names of readingroom.index.search.Schema, which keeps them package-private.
  private static final String ARTICLE = "article";
  private static final String START = "start";
  private static final String END = "end";

  private final List<LeafReaderContext> leaves;
  private boolean unknown;

  PassageTexts(DirectoryReader reader) {
    this.leaves = reader.leaves();
  }

  /** False once a doc without the engine's passage fields was asked about. */
  boolean known() {
    return !unknown;
  }

  Set<String> of(Collection<Integer> docs) throws IOException {
    Set<String> texts = new HashSet<>();
    for (int doc : docs) {
      texts.add(of(doc));
    }
    return texts;
  }

  /** The name of the doc's passage text, or the doc's own number when the index has no fields. */
  String of(int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafReader reader = leaf.reader();
    int local = doc - leaf.docBase;
    SortedDocValues article = DocValues.getSorted(reader, ARTICLE);
    NumericDocValues start = DocValues.getNumeric(reader, START);
    NumericDocValues end = DocValues.getNumeric(reader, END);
    if (!article.advanceExact(local) || !start.advanceExact(local) || !end.advanceExact(local)) {
      unknown = true;
      return "doc " + doc;
    }
    String name = article.lookupOrd(article.ordValue()).utf8ToString();
    return Datasets.originalName(name) + " " + start.longValue() + "-" + end.longValue();
  }
}
