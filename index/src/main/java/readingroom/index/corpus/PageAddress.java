package readingroom.index.corpus;

import java.io.IOException;

/** The address a saved page gives for itself, for telling two copies of one article apart. */
public final class PageAddress {
  private PageAddress() {}

  /** The page's canonical address (or og:url), or {@code null} when it gives none. */
  public static String of(byte[] html) {
    try {
      return PageMetadata.of(HtmlPageReader.parse(html)).url();
    } catch (IOException e) {
      return null;
    }
  }
}
