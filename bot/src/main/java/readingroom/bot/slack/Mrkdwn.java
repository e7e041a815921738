package readingroom.bot.slack;

import java.util.List;
import java.util.regex.Pattern;
import readingroom.index.model.Span;

/**
 * Slack's mrkdwn, made safe: every text that reaches Slack from a question, an article or a setting
 * goes through {@link #escape}, so it can neither break the markup nor ping anyone.
 *
 * <p>Slack's control sequences ({@code <!channel>}, {@code <!here>}, {@code <!everyone>}, {@code
 * <@U…>}, {@code <!subteam^…>}) all start with {@code <}, which escaping turns into {@code &lt;}:
 * Slack then shows the characters instead of acting on them. Bare {@code @here}-style words are
 * also broken with an invisible word joiner, in case a client ever parses them.
 */
final class Mrkdwn {

  /** Slack's limit for the text of a section block. */
  static final int MAX_SECTION_CHARS = 3000;

  static final String ELLIPSIS = "…";

  /** An invisible character that stops "@here" from being read as a mention. */
  private static final String WORD_JOINER = "\u2060";

  private static final Pattern BROADCAST =
      Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);

  private Mrkdwn() {}

  /** Text for a mrkdwn field: {@code & < >} escaped, broadcasts neutralised. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return BROADCAST.matcher(out).replaceAll("@" + WORD_JOINER + "$1");
  }

  /**
   * A link with a label, or just the label when the address is not http(s) (a corpus file could
   * hold anything).
   */
  static String link(String url, String label) {
    String text = escape(label).replace("|", "¦");
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return text;
    }
    // Inside <url|label>, '|' ends the address and '>' the link: encode them; & < > as entities.
    String address = url.replace("|", "%7C").replace(" ", "%20");
    return "<" + escape(address) + "|" + text + ">";
  }

  /**
   * A quote with its highlighted terms in bold. Highlights that do not sit on word boundaries are
   * left plain, since Slack would show their asterisks instead of bold.
   */
  static String bold(String text, List<Span> highlights) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Span span : highlights) {
      if (span.start() < at || span.end() > text.length() || span.start() == span.end()) {
        continue;
      }
      if (!boldable(text, span)) {
        continue;
      }
      out.append(escape(text.substring(at, span.start())))
          .append('*')
          .append(escape(text.substring(span.start(), span.end())))
          .append('*');
      at = span.end();
    }
    return out.append(escape(text.substring(at))).toString();
  }

  private static boolean boldable(String text, Span span) {
    String inner = text.substring(span.start(), span.end());
    if (inner.isBlank()
        || Character.isWhitespace(inner.charAt(0))
        || Character.isWhitespace(inner.charAt(inner.length() - 1))
        || inner.indexOf('*') >= 0) {
      return false;
    }
    boolean startsAtWord = span.start() == 0 || !wordChar(text.charAt(span.start() - 1));
    boolean endsAtWord = span.end() == text.length() || !wordChar(text.charAt(span.end()));
    return startsAtWord && endsAtWord;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '*' || c == '_';
  }

  /** Marks every line as quoted ({@code >} at the start of a line). */
  static String blockQuote(String mrkdwn) {
    return ">" + mrkdwn.replace("\n", "\n>");
  }

  /**
   * The first {@code max} characters of plain text, cut at a word boundary when one is near, with
   * an ellipsis.
   */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = Math.max(1, max - ELLIPSIS.length() - 1);
    int space = text.lastIndexOf(' ', cut);
    if (space > cut / 2) {
      cut = space;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--; // never split a character
    }
    return text.substring(0, cut).stripTrailing() + " " + ELLIPSIS;
  }
}
