package readingroom.index.search;

import java.nio.charset.StandardCharsets;

/**
 * Builds a link that opens the article scrolled to the quote, with a URL text fragment ({@code
 * #:~:text=start,end}). Long quotes use their first and last few words as the range, so the link
 * still works when the page's text differs slightly in between.
 */
public final class TextFragmentLink {

  private static final int EDGE_WORDS = 4;

  private TextFragmentLink() {}

  public static String of(String url, String quotedText) {
    String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
    String[] words = quotedText.strip().split("\\s+");
    String fragment;
    if (words.length <= EDGE_WORDS * 2 + 1) {
      fragment = encode(String.join(" ", words));
    } else {
      String start = String.join(" ", java.util.Arrays.copyOfRange(words, 0, EDGE_WORDS));
      String end =
          String.join(
              " ", java.util.Arrays.copyOfRange(words, words.length - EDGE_WORDS, words.length));
      fragment = encode(start) + "," + encode(end);
    }
    return base + "#:~:text=" + fragment;
  }

  /**
   * Percent-encodes everything but unreserved characters. The text-fragment syntax gives '-', ','
   * and '&' meaning, so they must be encoded, which {@link java.net.URLEncoder} does not do for
   * '-'.
   */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
