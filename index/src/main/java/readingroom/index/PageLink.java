package readingroom.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Links a quote of a paginated original (a PDF) to its page, {@code url#page=N}: PDF viewers open
 * that page, while a text fragment would do nothing. The pages are known as the offsets where each
 * starts in the cleaned text.
 */
final class PageLink {

  private PageLink() {}

  static String of(String url, List<Integer> pageStarts, int offset) {
    if (url == null) {
      return null;
    }
    String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
    return base + "#page=" + pageAt(pageStarts, offset);
  }

  /** The page, from 1, holding the character at {@code offset}. */
  static int pageAt(List<Integer> pageStarts, int offset) {
    int page = 1;
    for (int i = 0; i < pageStarts.size(); i++) {
      if (pageStarts.get(i) <= offset) {
        page = i + 1;
      }
    }
    return page;
  }

  /**
   * Where each page starts in the cleaned text: the cleaned text keeps some of the paragraphs, in
   * order and unchanged, so each kept paragraph is matched to the next equal one read. A page none
   * of whose text was kept starts where the next kept text does.
   */
  static List<Integer> pageStarts(List<PdfText.Paragraph> paragraphs, String cleaned, int pages) {
    Integer[] starts = new Integer[pages];
    int next = 0;
    int offset = 0;
    for (String kept : cleaned.split("\n\n", -1)) {
      while (next < paragraphs.size() && !paragraphs.get(next).text().equals(kept)) {
        next++;
      }
      if (next < paragraphs.size()) {
        int page = paragraphs.get(next).page();
        if (starts[page - 1] == null) {
          starts[page - 1] = offset;
        }
        next++;
      }
      offset += kept.length() + 2;
    }
    List<Integer> result = new ArrayList<>();
    int following = cleaned.length();
    for (int i = pages - 1; i >= 0; i--) {
      if (starts[i] != null) {
        following = starts[i];
      }
      result.add(0, following);
    }
    return result;
  }
}
