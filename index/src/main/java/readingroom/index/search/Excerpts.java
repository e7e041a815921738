package readingroom.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.Passages;
import readingroom.index.corpus.SentenceSplitter;
import readingroom.index.model.Span;

/**
 * Chooses the words to quote from a passage and marks the question's terms in them. A quote is
 * whole sentences where they fit in {@link #MAX_WORDS}; a longer sentence is cut at word boundaries
 * around its matches and marked with an ellipsis where cut.
 */
public final class Excerpts {

  public static final String ELLIPSIS = "…";

  /** The longest quote, in words. Chat readers skim; a focused sentence beats a paragraph. */
  static final int MAX_WORDS = Passages.MAX_WORDS;

  /** How many words to keep when a single sentence must be cut. */
  static final int CUT_WORDS = 40;

  private final Analyzer analyzer;

  public Excerpts(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A chosen quote: the displayed text, the highlights in it, and where its words sit. */
  public record Excerpt(String quote, List<Span> highlights, int start, int end) {}

  /** A token of the text with its offsets and its weight for the question (0 if not asked). */
  private record Token(int start, int end, String term, double weight) {}

  /**
   * @param text the cleaned article text
   * @param start the passage start
   * @param end the passage end
   * @param termWeights the question's analysed terms and their weights
   */
  public Excerpt choose(String text, int start, int end, Map<String, Double> termWeights) {
    String passage = text.substring(start, end);
    List<Token> tokens = tokens(passage, termWeights);
    if (CleaningRules.words(passage) <= MAX_WORDS) {
      return excerpt(passage, start, 0, passage.length(), false, false, tokens);
    }
    List<int[]> sentences = SentenceSplitter.split(passage);

    int bestFrom = 0;
    int bestTo = 1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int from = 0; from < sentences.size(); from++) {
      for (int to = from + 1; to <= sentences.size(); to++) {
        int s = sentences.get(from)[0];
        int e = sentences.get(to - 1)[1];
        int words = CleaningRules.words(passage.substring(s, e));
        if (words > MAX_WORDS && to > from + 1) {
          break;
        }
        // Matched weight counts once per distinct term; each extra word costs a little, so a
        // sentence without matches is only kept when it is all there is.
        double score = weightIn(tokens, s, e) - 0.004 * words;
        if (score > bestScore + 1e-9) {
          bestScore = score;
          bestFrom = from;
          bestTo = to;
        }
      }
    }
    int s = sentences.get(bestFrom)[0];
    int e = sentences.get(bestTo - 1)[1];
    if (CleaningRules.words(passage.substring(s, e)) <= MAX_WORDS) {
      return excerpt(passage, start, s, e, false, false, tokens);
    }
    return cutLongSentence(passage, start, s, e, tokens);
  }

  private Excerpt cutLongSentence(String passage, int base, int s, int e, List<Token> tokens) {
    List<int[]> words = new ArrayList<>();
    int i = s;
    while (i < e) {
      while (i < e && Character.isWhitespace(passage.charAt(i))) {
        i++;
      }
      int w = i;
      while (i < e && !Character.isWhitespace(passage.charAt(i))) {
        i++;
      }
      if (i > w) {
        words.add(new int[] {w, i});
      }
    }
    int bestFirst = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int first = 0; first + CUT_WORDS <= words.size(); first++) {
      int ws = words.get(first)[0];
      int we = words.get(first + CUT_WORDS - 1)[1];
      // Slight preference for starting at the sentence start: the reader gets its subject.
      double score = weightIn(tokens, ws, we) - (first == 0 ? 0 : 0.01);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        bestFirst = first;
      }
    }
    int last = Math.min(words.size(), bestFirst + CUT_WORDS) - 1;
    boolean cutEnd = last < words.size() - 1;
    int qs = words.get(bestFirst)[0];
    int qe = words.get(last)[1];
    if (cutEnd) {
      qe = trimTrailingPunctuation(passage, qs, qe);
    }
    return excerpt(passage, base, qs, qe, bestFirst > 0, cutEnd, tokens);
  }

  private static int trimTrailingPunctuation(String passage, int from, int to) {
    int end = to;
    while (end > from && ",;:—–-".indexOf(passage.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static Excerpt excerpt(
      String passage,
      int base,
      int s,
      int e,
      boolean cutStart,
      boolean cutEnd,
      List<Token> tokens) {
    String words = passage.substring(s, e);
    String prefix = cutStart ? ELLIPSIS + " " : "";
    String quote = prefix + words + (cutEnd ? " " + ELLIPSIS : "");
    List<Span> highlights = new ArrayList<>();
    for (Token token : tokens) {
      if (token.weight() > 0 && token.start() >= s && token.end() <= e) {
        int hs = prefix.length() + token.start() - s;
        highlights.add(new Span(hs, hs + token.end() - token.start()));
      }
    }
    return new Excerpt(quote, highlights, base + s, base + e);
  }

  private static double weightIn(List<Token> tokens, int s, int e) {
    double sum = 0;
    Set<String> seen = new HashSet<>();
    for (Token token : tokens) {
      if (token.weight() > 0 && token.start() >= s && token.end() <= e) {
        // Repeats of one term add little: reward covering the question, not echoing one word.
        sum += seen.add(token.term()) ? token.weight() : token.weight() * 0.1;
      }
    }
    return sum;
  }

  private List<Token> tokens(String passage, Map<String, Double> termWeights) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Schema.TEXT, passage)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        double weight = termWeights.getOrDefault(term.toString(), 0.0);
        tokens.add(new Token(offset.startOffset(), offset.endOffset(), term.toString(), weight));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
