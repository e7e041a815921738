package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import readingroom.index.model.Article;

/**
 * Cuts an article into the passages the index searches: every sentence of a prose paragraph on its
 * own, and every run of two or three neighbouring sentences that fits in a quote ({@link
 * #MAX_WORDS}). A precise question matches one sentence; a question whose answer needs its context
 * ("Officially, Russia calls them terrorists. ... This contradictory policy results from...")
 * matches the run. Passages never cross a paragraph, so neither does a quote. (Runs of three added
 * 3 points of answer_hit@1 on the development questions over pairs alone.)
 */
public final class Passages {

  /** The longest quote, in words: a passage is never longer unless one sentence is. */
  public static final int MAX_WORDS = 60;

  static final int MAX_SENTENCES = 3;

  /** Changes whenever these rules cut an article differently, so that indexes are cut again. */
  public static final int RULES_VERSION = 3;

  private Passages() {}

  private static final java.util.regex.Pattern LIST_ITEM =
      java.util.regex.Pattern.compile("^([-*•▪–]|\\d{1,3}[.)])\\s+\\S");

  /**
   * Whether a paragraph is text to quote rather than a heading: a dozen words or more, a sentence
   * of any length (a short lede: "Fresno is a city in California."), or a list item of a few words.
   * Only a short line that neither ends like a sentence nor is listed counts as a heading.
   */
  static boolean quotable(String paragraph) {
    int words = CleaningRules.words(paragraph);
    return words >= 12
        || (words >= 3 && CleaningRules.endsSentence(paragraph))
        || (words >= 3 && LIST_ITEM.matcher(paragraph).find());
  }

  public static List<Passage> of(Article article) {
    String text = article.text();
    List<Passage> passages = new ArrayList<>();
    String heading = "";
    List<Abbreviations.Defined> abbreviations = Abbreviations.defined(text);
    int paragraphStart = 0;
    while (paragraphStart < text.length()) {
      int paragraphEnd = text.indexOf("\n\n", paragraphStart);
      if (paragraphEnd < 0) {
        paragraphEnd = text.length();
      }
      String paragraph = text.substring(paragraphStart, paragraphEnd);
      if (quotable(paragraph)) {
        String context = heading.isEmpty() ? paragraph : heading + "\n" + paragraph;
        String alsoKnownAs = Abbreviations.alsoKnownAs(paragraph, abbreviations);
        if (!alsoKnownAs.isEmpty()) {
          context = context + "\n" + alsoKnownAs;
        }
        List<int[]> sentences = SentenceSplitter.split(paragraph);
        for (int i = 0; i < sentences.size(); i++) {
          for (int j = i; j < Math.min(sentences.size(), i + MAX_SENTENCES); j++) {
            int s0 = sentences.get(i)[0];
            int e0 = sentences.get(j)[1];
            if (j > i && CleaningRules.words(paragraph.substring(s0, e0)) > MAX_WORDS) {
              break;
            }
            passages.add(
                new Passage(
                    article.id(),
                    passages.size(),
                    paragraphStart + s0,
                    paragraphStart + e0,
                    context));
          }
        }
      } else {
        heading = paragraph;
      }
      paragraphStart = paragraphEnd + 2;
    }
    return passages;
  }
}
