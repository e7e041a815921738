package readingroom.index.search;

import java.util.List;

/**
 * Links a quote of a paginated original (a PDF) to its page, {@code url#page=N}: PDF viewers open
 * that page, while a text fragment would do nothing. The pages are known as the offsets where each
 * starts in the cleaned text.
 */
public final class PageLink {

  private PageLink() {}

  public static String of(String url, List<Integer> pageStarts, int offset) {
    if (url == null) {
      return null;
    }
    String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
    return base + "#page=" + pageAt(pageStarts, offset);
  }

  /** The page, from 1, holding the character at {@code offset}. */
  public static int pageAt(List<Integer> pageStarts, int offset) {
    int page = 1;
    for (int i = 0; i < pageStarts.size(); i++) {
      if (pageStarts.get(i) <= offset) {
        page = i + 1;
      }
    }
    return page;
  }
}
