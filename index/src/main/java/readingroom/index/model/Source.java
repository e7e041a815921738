package readingroom.index.model;

import java.util.List;
import java.util.Objects;

/**
 * What a reader needs to know about where a quote comes from: an article's metadata, without its
 * text.
 *
 * @param id stable identifier, unique in the corpus (by default the file name without extension)
 * @param title the headline
 * @param subtitle the standfirst, or {@code null}
 * @param outlet the publication, e.g. "The Diplomat"
 * @param section the blog or section inside the outlet, or {@code null}
 * @param author the byline, or {@code null} when the article has none
 * @param published when it was published, to the precision known, or {@code null}
 * @param url the canonical address of the article, or {@code null} for a text file that gives none
 *     (its quotes then carry no link)
 * @param tags collections the article belongs to (e.g. "week-3"), used to scope reading lists
 * @param pageStarts for a paginated original (a PDF), where each page starts in the article's text,
 *     so a quote links to its page; empty for web pages
 */
public record Source(
    String id,
    String title,
    String subtitle,
    String outlet,
    String section,
    String author,
    PublishedDate published,
    String url,
    List<String> tags,
    List<Integer> pageStarts) {

  /**
   * The keys a file's metadata may hold (front matter, a sidecar, an entry of a sources file), in
   * the order a person would write them.
   */
  public static final List<String> METADATA_KEYS =
      List.of("id", "title", "subtitle", "outlet", "section", "author", "published", "url", "tags");

  /** Whether an address can be linked to: http or https. */
  public static boolean isWebAddress(String url) {
    return url != null && url.strip().matches("(?i)https?://\\S+");
  }

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    tags = tags == null ? List.of() : List.copyOf(tags);
    pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
  }

  /** A web article's metadata: no pages. */
  public Source(
      String id,
      String title,
      String subtitle,
      String outlet,
      String section,
      String author,
      PublishedDate published,
      String url,
      List<String> tags) {
    this(id, title, subtitle, outlet, section, author, published, url, tags, List.of());
  }

  /** The same metadata with other tags. */
  public Source withTags(List<String> newTags) {
    return new Source(
        id, title, subtitle, outlet, section, author, published, url, newTags, pageStarts);
  }

  /** The same metadata with the pages of a paginated original. */
  public Source withPageStarts(List<Integer> starts) {
    return new Source(id, title, subtitle, outlet, section, author, published, url, tags, starts);
  }
}
