package readingroom.index.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import readingroom.index.model.VectorFormat;

/** A question's view of the embedded index: one acquired searcher, released on close. */
final class LucenePassageSearch implements PassageSearch {

  private final IndexSearcher searcher;
  private final IndexReader reader;
  private final VectorFormat vectorFormat;
  private final Runnable release;

  LucenePassageSearch(IndexSearcher searcher, VectorFormat vectorFormat, Runnable release) {
    this.searcher = searcher;
    this.reader = searcher.getIndexReader();
    this.vectorFormat = vectorFormat;
    this.release = release;
  }

  @Override
  public int passageCount() throws IOException {
    return reader.getDocCount(Schema.TEXT);
  }

  @Override
  public Map<String, Integer> docFreqs(Collection<String> terms) throws IOException {
    Map<String, Integer> freqs = new HashMap<>();
    for (String term : terms) {
      freqs.put(term, reader.docFreq(new Term(Schema.TEXT, term)));
    }
    return freqs;
  }

  @Override
  public String correction(String word, int maxEdits) throws IOException {
    Term term = new Term(Schema.WORDS, word);
    if (reader.docFreq(term) > 0) {
      return null;
    }
    // One edit first: a word one edit away always outranks one two edits away (the checker's
    // similarity is one minus edits over length), and a one-edit automaton is far cheaper to build.
    String closest = suggestion(term, 1);
    return closest != null || maxEdits < 2 ? closest : suggestion(term, maxEdits);
  }

  private String suggestion(Term term, int maxEdits) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(1);
    checker.setAccuracy(0.7f);
    checker.setMaxEdits(maxEdits);
    SuggestWord[] suggestions =
        checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return suggestions.length > 0 ? suggestions[0].string : null;
  }

  @Override
  public List<Hit> lexical(
      QueryTerms terms, Map<String, Float> fieldBoosts, Collection<String> articleFilter, int depth)
      throws IOException {
    Query lexical = lexicalQuery(terms, fieldBoosts);
    if (lexical == null) {
      return List.of();
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(lexical, BooleanClause.Occur.MUST)
            .add(filter(articleFilter), BooleanClause.Occur.FILTER)
            .build();
    return hits(searcher.search(filtered, depth).scoreDocs);
  }

  @Override
  public List<Hit> nearest(float[] vector, int depth, Collection<String> articleFilter)
      throws IOException {
    // Only passages have vectors: over the whole corpus a filter would filter nothing, yet cost a
    // bitset of every document and a filtered graph search per question.
    Query vectorFilter = articleFilter == null ? null : filter(articleFilter);
    return hits(
        searcher.search(VectorCodec.nearest(vectorFormat, vector, depth, vectorFilter), depth)
            .scoreDocs);
  }

  @Override
  public Located locate(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    int local = doc - leaf.docBase;
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ARTICLE);
    if (!ids.advanceExact(local)) {
      return null;
    }
    return new Located(
        ids.lookupOrd(ids.ordValue()).utf8ToString(),
        (int) numeric(leaf, Schema.START, local),
        (int) numeric(leaf, Schema.END, local));
  }

  @Override
  public float[] vector(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
    if (values == null) {
      return null;
    }
    KnnVectorValues.DocIndexIterator iterator = values.iterator();
    int local = doc - leaf.docBase;
    if (iterator.advance(local) != local) {
      return null;
    }
    return values.vectorValue(iterator.index());
  }

  /**
   * One pass over each segment's vectors in document order: reading them one document at a time
   * opened each segment's vector file afresh and copied every vector, most of an ask's garbage.
   */
  @Override
  public Map<Integer, Double> similarities(Collection<Integer> docs, float[] query)
      throws IOException {
    Map<Integer, Double> out = new HashMap<>();
    int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
    List<LeafReaderContext> leaves = reader.leaves();
    int i = 0;
    while (i < sorted.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
      KnnVectorValues.DocIndexIterator iterator = values == null ? null : values.iterator();
      for (; i < sorted.length && sorted[i] < end; i++) {
        int local = sorted[i] - leaf.docBase;
        boolean has =
            iterator != null
                && (iterator.docID() == local
                    || (iterator.docID() < local && iterator.advance(local) == local));
        out.put(
            sorted[i], has ? PassageSearch.dot(values.vectorValue(iterator.index()), query) : 0.0);
      }
    }
    return out;
  }

  @Override
  public void close() {
    release.run();
  }

  private LeafReaderContext leaf(int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  private static List<Hit> hits(ScoreDoc[] scoreDocs) {
    List<Hit> hits = new ArrayList<>(scoreDocs.length);
    for (ScoreDoc hit : scoreDocs) {
      hits.add(new Hit(hit.doc, hit.score));
    }
    return hits;
  }

  private static long numeric(LeafReaderContext leaf, String field, int doc) throws IOException {
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
    if (!values.advanceExact(doc)) {
      throw new IllegalStateException("passage " + doc + " has no " + field);
    }
    return values.longValue();
  }

  private static Query filter(Collection<String> articleFilter) {
    Query type = new TermQuery(new Term(Schema.TYPE, Schema.TYPE_PASSAGE));
    if (articleFilter == null) {
      return type;
    }
    List<BytesRef> ids = articleFilter.stream().map(BytesRef::new).toList();
    return new BooleanQuery.Builder()
        .add(type, BooleanClause.Occur.FILTER)
        .add(new TermInSetQuery(Schema.ARTICLE, ids), BooleanClause.Occur.FILTER)
        .build();
  }

  private static Query lexicalQuery(QueryTerms terms, Map<String, Float> fieldBoosts) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Double> entry : terms.terms().entrySet()) {
      float weight = entry.getValue().floatValue();
      for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
        query.add(
            new BoostQuery(
                new TermQuery(new Term(field.getKey(), entry.getKey())), weight * field.getValue()),
            BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    for (Map.Entry<List<String>, Double> entry : terms.phrases().entrySet()) {
      PhraseQuery phrase = new PhraseQuery(1, Schema.TEXT, entry.getKey().toArray(String[]::new));
      query.add(new BoostQuery(phrase, entry.getValue().floatValue()), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : query.build();
  }
}
