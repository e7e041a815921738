package readingroom.index;

import java.time.LocalDate;
import java.util.Set;
import readingroom.index.model.Source;

/**
 * Which articles a question may be answered from: a channel's reading list. Criteria combine with
 * AND; an empty set or a null date means "no restriction" on that criterion.
 *
 * @param articleIds only these articles, or all when empty
 * @param tags only articles carrying at least one of these tags, or all when empty
 * @param from only articles published on or after this day, or no lower bound
 * @param to only articles published on or before this day, or no upper bound
 */
public record Scope(Set<String> articleIds, Set<String> tags, LocalDate from, LocalDate to) {

  private static final Scope ALL = new Scope(Set.of(), Set.of(), null, null);

  public Scope {
    articleIds = articleIds == null ? Set.of() : Set.copyOf(articleIds);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** Every article of the corpus. */
  public static Scope all() {
    return ALL;
  }

  /** Only the named articles. */
  public static Scope articles(Set<String> ids) {
    return new Scope(ids, Set.of(), null, null);
  }

  public boolean isAll() {
    return articleIds.isEmpty() && tags.isEmpty() && from == null && to == null;
  }

  /** Whether the article may be quoted under this scope. */
  public boolean admits(Source source) {
    if (!articleIds.isEmpty() && !articleIds.contains(source.id())) {
      return false;
    }
    if (!tags.isEmpty() && source.tags().stream().noneMatch(tags::contains)) {
      return false;
    }
    if (from != null && (source.published() == null || source.published().last().isBefore(from))) {
      return false;
    }
    return to == null || (source.published() != null && !source.published().first().isAfter(to));
  }
}
