package readingroom.index;

import java.util.List;
import readingroom.index.model.Source;
import readingroom.index.model.Span;
import readingroom.index.search.Excerpts;

/**
 * One quote of an answer.
 *
 * @param source the article it comes from
 * @param quote the text to show: an exact substring of the cleaned article, with a leading or
 *     trailing "…" where it was cut inside the passage
 * @param highlights query terms as character ranges of {@code quote}, for adapters to show in bold
 * @param link the article URL with a text fragment that scrolls a browser to the quoted sentence
 * @param score the fused relevance score, higher is better; comparable within one answer only
 * @param start where the quoted text (without ellipses) starts in the cleaned article
 * @param end where it ends (exclusive)
 */
public record Result(
    Source source,
    String quote,
    List<Span> highlights,
    String link,
    double score,
    int start,
    int end) {

  public Result {
    highlights = List.copyOf(highlights);
  }

  /** The quote without the ellipses that mark cuts: the exact text of the article. */
  public String verbatim() {
    String text = quote;
    if (text.startsWith(Excerpts.ELLIPSIS)) {
      text = text.substring(Excerpts.ELLIPSIS.length() + 1);
    }
    if (text.endsWith(Excerpts.ELLIPSIS)) {
      text = text.substring(0, text.length() - Excerpts.ELLIPSIS.length() - 1);
    }
    return text;
  }
}
