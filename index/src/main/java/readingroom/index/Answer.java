package readingroom.index;

import java.util.List;

/**
 * The engine's reply to one question: the platform-neutral model every adapter renders.
 *
 * @param question the question as the user typed it (after trimming)
 * @param answered true when the best quote clears the calibrated confidence; when false the reading
 *     list does not seem to answer the question and {@code results} are only the closest passages
 * @param results one to three quotes, best first; empty only when nothing at all matched
 * @param tookMillis time spent in the engine
 */
public record Answer(String question, boolean answered, List<Result> results, long tookMillis) {
  public Answer {
    results = List.copyOf(results);
  }
}
