package readingroom.bot.discord;

import java.util.BitSet;
import readingroom.bot.text.Texts;

/**
 * Turns article and user text into Discord Markdown that shows exactly that text: Markdown
 * characters are escaped with a backslash, and mentions are made inert ({@link MentionGuard}).
 * Discord shows any backslash-escaped punctuation as itself, so escaping more than needed is safe;
 * escaping less would let a headline with {@code *} or {@code _} turn into bold or italics.
 */
final class DiscordMarkdown {

  /** Escaped anywhere: emphasis, code, spoilers, strike-through, masked links. */
  private static final String ALWAYS = "\\*_~`|[]";

  /** Escaped at the start of a line: headings, block quotes, lists. */
  private static final String LINE_START = "#>-+";

  private DiscordMarkdown() {}

  /** The text escaped and with mentions made inert. */
  static String escape(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    append(out, raw, 0, raw.length(), MentionGuard.breakPoints(raw));
    return out.toString();
  }

  /**
   * Appends {@code raw[from, to)} escaped. Line starts are judged on the whole of {@code raw}, so a
   * text can be escaped piece by piece (e.g. around bold highlights) with the same result.
   *
   * @param breaks {@link MentionGuard#breakPoints} of the whole of {@code raw}
   */
  static void append(StringBuilder out, String raw, int from, int to, BitSet breaks) {
    for (int i = from; i < to; i++) {
      out.append(escaped(raw, i));
      if (breaks.get(i)) {
        out.append(MentionGuard.BREAK);
      }
    }
  }

  /** The character at {@code i}, with its escape if it needs one. */
  static String escaped(String raw, int i) {
    char c = raw.charAt(i);
    boolean escape =
        ALWAYS.indexOf(c) >= 0
            || (LINE_START.indexOf(c) >= 0 && atLineStart(raw, i))
            || (c == '.' && endsListNumber(raw, i));
    return escape ? "\\" + c : String.valueOf(c);
  }

  /**
   * Cuts already escaped text to at most {@code max} characters, ending with "…" when it was cut.
   * Never leaves a lone escaping backslash at the end.
   */
  static String truncate(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    int end = max - 1;
    int backslashes = 0;
    for (int i = end - 1; i >= 0 && escaped.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      end--;
    }
    if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
      end--;
    }
    return escaped.substring(0, end).stripTrailing() + Texts.ELLIPSIS;
  }

  private static boolean atLineStart(String raw, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = raw.charAt(j);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A '.' that makes "12. text" at a line start an ordered list item. */
  private static boolean endsListNumber(String raw, int i) {
    if (i + 1 >= raw.length() || raw.charAt(i + 1) != ' ') {
      return false;
    }
    int j = i - 1;
    if (j < 0 || !Character.isDigit(raw.charAt(j))) {
      return false;
    }
    while (j >= 0 && Character.isDigit(raw.charAt(j))) {
      j--;
    }
    return atLineStart(raw, j + 1);
  }
}
