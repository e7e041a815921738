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
 * @param url the canonical address of the article
 * @param tags collections the article belongs to (e.g. "week-3"), used to scope reading lists
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
    List<String> tags) {

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
