package readingroom.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A question turned into weighted index terms: typos corrected against the corpus's own words, then
 * analysed like the passages, then widened with synonyms at a lower weight.
 *
 * @param corrected the question with its typos corrected, for the embedding model
 * @param terms analysed terms and their weights: 1 for a word of the question, less for a corrected
 *     word or a synonym
 * @param phrases multi-word synonyms, as analysed term sequences, with their weights
 */
record QueryTerms(String corrected, Map<String, Double> terms, Map<List<String>, Double> phrases) {

  static final double CORRECTED_WEIGHT = 0.8;
  static final double SYNONYM_WEIGHT = 0.4;

  /** A word only of the earlier question a follow-up follows on from. */
  static final double CONTEXT_WEIGHT = 0.3;

  /**
   * These terms with the words of {@code context} added at {@link #CONTEXT_WEIGHT}; a word the
   * question has itself keeps its own weight.
   */
  QueryTerms withContext(String context, Analyzer analyzer) {
    if (context == null || context.isBlank()) {
      return this;
    }
    Map<String, Double> widened = new LinkedHashMap<>(terms);
    for (String term : analyse(analyzer, context)) {
      widened.putIfAbsent(term, CONTEXT_WEIGHT);
    }
    return new QueryTerms(corrected, widened, phrases);
  }

  /**
   * @param corrected the question as {@link #correctTypos} returned it
   */
  static QueryTerms of(
      String question, String corrected, Analyzer analyzer, List<List<String>> synonyms) {
    Map<String, Double> terms = new LinkedHashMap<>();
    List<String> original = analyse(analyzer, question);
    for (String term : analyse(analyzer, corrected)) {
      terms.put(term, original.contains(term) ? 1.0 : CORRECTED_WEIGHT);
    }
    Map<List<String>, Double> phrases = new LinkedHashMap<>();
    List<String> sequence = analyse(analyzer, corrected);
    for (List<String> group : synonyms) {
      List<List<String>> analysed = group.stream().map(p -> analyse(analyzer, p)).toList();
      boolean present = analysed.stream().anyMatch(p -> !p.isEmpty() && contains(sequence, p));
      if (!present) {
        continue;
      }
      for (List<String> phrase : analysed) {
        if (phrase.isEmpty() || contains(sequence, phrase)) {
          continue;
        }
        if (phrase.size() == 1) {
          terms.putIfAbsent(phrase.get(0), SYNONYM_WEIGHT);
        } else {
          phrases.putIfAbsent(phrase, SYNONYM_WEIGHT);
        }
      }
    }
    return new QueryTerms(corrected, terms, phrases);
  }

  private static boolean contains(List<String> sequence, List<String> phrase) {
    for (int i = 0; i + phrase.size() <= sequence.size(); i++) {
      if (sequence.subList(i, i + phrase.size()).equals(phrase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces words the corpus never uses with the closest word it does ("terorist" becomes
   * "terrorist"). A word of general English ({@link EnglishWords}) is never rewritten: it is a real
   * word the corpus lacks, not a typo. Only longer words are corrected, and by one edit up to seven
   * letters: short or far-off words are more often real words than typos.
   */
  static String correctTypos(String question, PassageSearch vocabulary) {
    StringBuilder out = new StringBuilder();
    int last = 0;
    java.util.regex.Matcher words =
        java.util.regex.Pattern.compile("\\p{L}[\\p{L}'’]*").matcher(question);
    try {
      while (words.find()) {
        String word = words.group().toLowerCase(Locale.ROOT);
        String replacement = null;
        if (word.length() >= 5
            && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
            && !EnglishWords.contains(word)) {
          replacement = vocabulary.correction(word, word.length() <= 7 ? 1 : 2);
        }
        if (replacement != null) {
          out.append(question, last, words.start()).append(replacement);
          last = words.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(question.substring(last));
    return out.toString();
  }

  static List<String> analyse(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
