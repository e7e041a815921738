package readingroom.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into overlapping passages: from each sentence of a prose paragraph, as many
 * following sentences of that paragraph as fit in {@link #TARGET_WORDS}. Overlap lets a question
 * match a sentence together with either neighbour; quotes never cross a paragraph.
 */
final class Passages {

  static final int TARGET_WORDS = 45;

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
          int words = 0;
          int j = i;
          while (j < sentences.size()) {
            int w =
                CleaningRules.words(paragraph.substring(sentences.get(j)[0], sentences.get(j)[1]));
            if (j > i && words + w > TARGET_WORDS) {
              break;
            }
            words += w;
            j++;
          }
          passages.add(
              new Passage(
                  article.id(),
                  passages.size(),
                  paragraphStart + sentences.get(i)[0],
                  paragraphStart + sentences.get(j - 1)[1],
                  context));
          if (j == sentences.size()) {
            break; // later windows would be suffixes of this one
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
