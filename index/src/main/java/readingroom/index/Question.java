package readingroom.index;

import java.util.Objects;

/**
 * What to ask the engine.
 *
 * @param text the question as typed in chat; mentions, markup and query syntax are handled by the
 *     engine
 * @param scope which articles may answer it
 * @param maxQuotes how many quotes to return, 1 to 3
 * @param skip how many of the best quotes to skip, for a "More" button
 */
public record Question(String text, Scope scope, int maxQuotes, int skip) {
  public static final int MAX_QUOTES = 3;

  public Question {
    Objects.requireNonNull(text, "text");
    scope = scope == null ? Scope.all() : scope;
    if (maxQuotes < 1 || maxQuotes > MAX_QUOTES) {
      throw new IllegalArgumentException("maxQuotes must be 1 to 3, was " + maxQuotes);
    }
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, was " + skip);
    }
  }

  /** A question over the whole corpus, with the default three quotes. */
  public static Question of(String text) {
    return new Question(text, Scope.all(), MAX_QUOTES, 0);
  }
}
