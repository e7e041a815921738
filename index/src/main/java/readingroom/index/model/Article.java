package readingroom.index.model;

import java.util.List;

/**
 * An article after loading and cleaning.
 *
 * @param source its metadata
 * @param text the cleaned text: paragraphs separated by a blank line; every quote is a substring
 * @param dropped what cleaning removed, and why, for {@code readingroom index --explain}
 * @param contentHash a hash of the metadata and raw text, to re-index only changed articles
 */
public record Article(Source source, String text, List<Dropped> dropped, String contentHash) {

  public Article {
    dropped = List.copyOf(dropped);
  }

  public String id() {
    return source.id();
  }

  /** A line of the scraped text that cleaning removed. */
  public record Dropped(String line, String rule) {}
}
