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
 * @param context earlier text the question follows on from (a thread's earlier question), searched
 *     for too but weighing less than the question's own words; "" for none
 */
public record Question(String text, Scope scope, int maxQuotes, int skip, String context) {
  public static final int MAX_QUOTES = 3;

  /** A question with no context. */
  public Question(String text, Scope scope, int maxQuotes, int skip) {
    this(text, scope, maxQuotes, skip, "");
  }

  public Question {
    Objects.requireNonNull(text, "text");
    context = context == null ? "" : context.strip();
    scope = scope == null ? Scope.all() : scope;
    if (maxQuotes < 1 || maxQuotes > MAX_QUOTES) {
      throw new IllegalArgumentException("maxQuotes must be 1 to 3, was " + maxQuotes);
    }
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, was " + skip);
    }
  }

  /** The same question asked as a follow-up to {@code earlier}. */
  public Question withContext(String earlier) {
    return new Question(text, scope, maxQuotes, skip, earlier);
  }

  /** A question over the whole corpus, with the default three quotes. */
  public static Question of(String text) {
    return new Question(text, Scope.all(), MAX_QUOTES, 0);
  }
}
