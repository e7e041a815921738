package readingroom.bot.text;

import java.util.regex.Pattern;

/**
 * The two things done to a user's or an article's text before it is shown in a tight space: put on
 * one line, and cut to a length with an ellipsis. One copy each, so every limit cuts the same way
 * (never inside a character, never leaving a space before the ellipsis).
 */
public final class Texts {
  private Texts() {}

  public static final String ELLIPSIS = "…";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The text on one line: runs of whitespace (newlines too) become one space, ends stripped. */
  public static String oneLine(String text) {
    return text == null ? "" : WHITESPACE.matcher(text.strip()).replaceAll(" ");
  }

  /**
   * The text itself when it has at most {@code max} characters, or its first characters and an
   * ellipsis, {@code max} characters or fewer in all.
   */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - ELLIPSIS.length());
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
