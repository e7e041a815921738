package readingroom.index.search;

import java.util.List;
import readingroom.index.model.Article;
import readingroom.index.model.Source;

/** An article as the index holds it: metadata and cleaned text, all a reply needs. */
public record StoredArticle(Source source, String text) {

  /** As an article again, to cut into the same passages it was indexed as. */
  public Article asArticle() {
    return new Article(source, text, List.of(), "");
  }
}
