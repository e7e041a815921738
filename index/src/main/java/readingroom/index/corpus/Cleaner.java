package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import readingroom.index.model.Article;
import readingroom.index.model.Source;

/**
 * Turns a scraped page into article text by dropping whole lines of site furniture, using the
 * general {@link CleaningRules}. It never edits inside a line, so the cleaned text is the article's
 * own words and a quote of it can be checked against the source.
 */
public final class Cleaner {

  private final CleaningRules rules;

  public Cleaner(CleaningRules rules) {
    this.rules = rules;
  }

  /** The cleaned text and what was dropped. */
  record Cleaned(String text, List<Article.Dropped> dropped) {}

  /**
   * @param bodyFound whether the text is a body already found by the page's structure ({@link
   *     ArticleBody}): its lines before the first and after the last paragraph of prose are the
   *     article's too (a list of tour dates, a closing table) unless they read as metadata; in a
   *     scrape or a PDF they are the site's or the printer's, and go
   */
  Cleaned clean(String raw, Source source, boolean bodyFound) {
    List<String> lines = new ArrayList<>();
    for (String line : raw.split("\\R")) {
      String tidy = line.replaceAll("[\\t\\x0B\\f\\u00A0 ]+", " ").strip();
      if (!tidy.isEmpty()) {
        lines.add(tidy);
      }
    }
    String[] reasons = new String[lines.size()];

    int end = lines.size();
    for (int i = 0; i < end; i++) {
      if (rules.startsAppeal(lines.get(i), lines.subList(i, lines.size()))) {
        markRange(reasons, i, lines.size(), CleaningRules.APPEAL);
        end = i;
        break;
      }
    }
    for (int i = 0; i < end; i++) {
      if (rules.isCopyright(lines.get(i)) && i > firstProse(lines, reasons, 0, end)) {
        reasons[i] = CleaningRules.COPYRIGHT;
        markRange(reasons, i + 1, end, CleaningRules.FOOTER);
        end = i;
        break;
      }
    }
    for (int i = 0; i < end; i++) {
      if (reasons[i] == null) {
        // In a page's body found by its structure, a line that repeats the page's description is
        // the lede the description was copied from.
        reasons[i] = rules.furnitureReason(lines.get(i), source, bodyFound);
      }
    }
    int first = firstProse(lines, reasons, 0, end);
    int last = -1;
    for (int i = end - 1; i >= 0; i--) {
      if (reasons[i] == null && CleaningRules.isProse(lines.get(i))) {
        last = i;
        break;
      }
    }
    for (int i = 0; i < end; i++) {
      boolean outside = i < first || i > last;
      if (reasons[i] == null
          && outside
          && (!bodyFound || CleaningRules.isPageMetadata(lines.get(i)))) {
        reasons[i] = CleaningRules.FURNITURE;
      }
    }

    StringBuilder text = new StringBuilder();
    List<Article.Dropped> dropped = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (reasons[i] != null) {
        dropped.add(new Article.Dropped(lines.get(i), reasons[i]));
      } else {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        text.append(lines.get(i));
      }
    }
    return new Cleaned(text.toString(), dropped);
  }

  private static int firstProse(List<String> lines, String[] reasons, int from, int to) {
    for (int i = from; i < to; i++) {
      if (reasons[i] == null && CleaningRules.isProse(lines.get(i))) {
        return i;
      }
    }
    return to;
  }

  private static void markRange(String[] reasons, int from, int to, String reason) {
    for (int i = from; i < to; i++) {
      if (reasons[i] == null) {
        reasons[i] = reason;
      }
    }
  }
}
