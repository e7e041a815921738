package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences. A rule-based splitter rather than {@link
 * java.text.BreakIterator}, which breaks after every "U.S." and "Nov." followed by a capital: news
 * text is full of abbreviations, initials and titles that end in a period mid-sentence.
 */
public final class SentenceSplitter {

  /** Words that end in a period without ending the sentence, lower-cased, without the period. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "lt", "gen", "col", "maj",
          "capt", "cpt", "sgt", "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "amb",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
          "nos", "vol", "vs", "v", "etc", "inc", "corp", "co", "ltd", "dept", "univ", "approx",
          "est", "fig", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "e.u", "a.m", "p.m");

  /**
   * Words that usually start a sentence; after a dotted acronym such as "U.S." they signal a real
   * boundary ("... to the U.S. The talks ...").
   */
  private static final Set<String> SENTENCE_STARTERS =
      Set.of(
          "the",
          "this",
          "that",
          "these",
          "those",
          "it",
          "its",
          "he",
          "she",
          "they",
          "we",
          "i",
          "in",
          "on",
          "at",
          "but",
          "and",
          "as",
          "if",
          "when",
          "while",
          "after",
          "before",
          "since",
          "there",
          "a",
          "an",
          "however",
          "meanwhile",
          "moreover",
          "yet",
          "so",
          "still",
          "for");

  /** The ideographic full stop and the full-width marks that end Chinese and Japanese sentences. */
  static final String FULL_STOPS = "。！？";

  /** Every mark that may end a sentence. */
  private static final String MARKS = ".!?…" + FULL_STOPS;

  private SentenceSplitter() {}

  /** Sentence ranges {@code [start, end)} of {@code text}, trimmed of surrounding spaces. */
  public static List<int[]> split(String text) {
    List<int[]> sentences = new ArrayList<>();
    int start = skipSpaces(text, 0);
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (MARKS.indexOf(c) >= 0) {
        int end = i + 1;
        while (end < text.length() && MARKS.indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        while (end < text.length() && "\"'”’)]」』）".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        if (isBoundary(text, i, end)) {
          sentences.add(new int[] {start, end});
          start = skipSpaces(text, end);
          i = start;
          continue;
        }
        i = end;
        continue;
      }
      i++;
    }
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      sentences.add(new int[] {start, end});
    }
    return sentences;
  }

  private static boolean isBoundary(String text, int mark, int end) {
    if (end >= text.length()) {
      return true;
    }
    if (FULL_STOPS.indexOf(text.charAt(mark)) >= 0) {
      // Chinese and Japanese write no space after a sentence; but a quotation closed after its
      // mark goes on when the sentence does ("「本当に？」と話した。").
      char next = text.charAt(end);
      boolean quoteClosed = FULL_STOPS.indexOf(text.charAt(end - 1)) < 0;
      return !quoteClosed || Character.isWhitespace(next) || "「『（“".indexOf(next) >= 0;
    }
    if (!Character.isWhitespace(text.charAt(end))) {
      return false; // "2.5", "U.S.-backed", "bin-Laden.com"
    }
    int next = skipSpaces(text, end);
    if (next >= text.length()) {
      return true;
    }
    char following = text.charAt(next);
    boolean opensSentence =
        Character.isUpperCase(following)
            || Character.isDigit(following)
            || "\"'“‘(".indexOf(following) >= 0;
    if (!opensSentence) {
      return false;
    }
    if (text.charAt(mark) != '.') {
      return true;
    }
    String word = wordBefore(text, mark);
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false; // an initial: "George W. Bush"
    }
    boolean dottedAcronym = lower.matches("(\\p{L}\\.)+\\p{L}");
    if (dottedAcronym || ABBREVIATIONS.contains(lower)) {
      // "U.S. Assistant Secretary" goes on; "... in the U.S. The next day ..." ends.
      return dottedAcronym && SENTENCE_STARTERS.contains(nextWord(text, next));
    }
    return true;
  }

  private static String wordBefore(String text, int mark) {
    int start = mark;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    String word = text.substring(start, mark);
    return word.replaceAll("^[\"'“‘(\\[]+", "");
  }

  private static String nextWord(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(from, end).toLowerCase(Locale.ROOT);
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
