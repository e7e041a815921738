package readingroom.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into the passages the index searches: every sentence of a prose paragraph on its
 * own, and every pair of neighbouring sentences that fits in {@link #PAIR_WORDS}. A precise
 * question matches one sentence; a question whose answer spans two ("The group sent a delegation.
 * It rejected talks without preconditions.") matches the pair. Passages never cross a paragraph, so
 * neither does a quote.
 */
final class Passages {

  static final int PAIR_WORDS = 50;

  private Passages() {}

  static List<Passage> of(Article article) {
    String text = article.text();
    List<Passage> passages = new ArrayList<>();
    String heading = "";
    int paragraphStart = 0;
    while (paragraphStart < text.length()) {
      int paragraphEnd = text.indexOf("\n\n", paragraphStart);
      if (paragraphEnd < 0) {
        paragraphEnd = text.length();
      }
      String paragraph = text.substring(paragraphStart, paragraphEnd);
      if (CleaningRules.isProse(paragraph) || CleaningRules.words(paragraph) >= 12) {
        String context = heading.isEmpty() ? paragraph : heading + "\n" + paragraph;
        List<int[]> sentences = SentenceSplitter.split(paragraph);
        for (int i = 0; i < sentences.size(); i++) {
          int[] first = sentences.get(i);
          passages.add(
              new Passage(
                  article.id(),
                  passages.size(),
                  paragraphStart + first[0],
                  paragraphStart + first[1],
                  context));
          if (i + 1 < sentences.size()) {
            int[] second = sentences.get(i + 1);
            if (CleaningRules.words(paragraph.substring(first[0], second[1])) <= PAIR_WORDS) {
              passages.add(
                  new Passage(
                      article.id(),
                      passages.size(),
                      paragraphStart + first[0],
                      paragraphStart + second[1],
                      context));
            }
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
