package readingroom.index.fetch;

import java.util.List;

/**
 * A feed a reading list follows, as the configuration lists it.
 *
 * @param url the RSS 2.0 or Atom document
 * @param tags the tags its items get, so a channel can be scoped to them
 */
public record FeedSource(String url, List<String> tags) {
  public FeedSource {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
