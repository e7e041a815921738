package readingroom.bot.channel;

import java.util.Objects;
import readingroom.index.Question;
import readingroom.index.QuestionText;
import readingroom.index.Scope;

/**
 * What makes two questions the same question for the answer cache: the reading list, the question
 * with case, spacing, punctuation and mentions ignored, the quote count and page, and the index
 * version. Channels with the same reading list share answers (the answer depends on nothing else),
 * and no answer is served after a re-index.
 *
 * @param scope the reading list it was asked against
 * @param question the normalised question ({@link #normalise})
 * @param maxQuotes quotes per page
 * @param skip quotes shown on earlier pages
 * @param indexVersion the engine's index version when it was asked
 */
public record AnswerKey(Scope scope, String question, int maxQuotes, int skip, long indexVersion) {

  public AnswerKey {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(question, "question");
  }

  /** The key of {@code question} as the engine will be asked it, at index {@code indexVersion}. */
  public static AnswerKey of(Question question, long indexVersion) {
    return new AnswerKey(
        question.scope(),
        // A follow-up is another question than the same words asked afresh.
        question.context().isEmpty()
            ? normalise(question.text())
            : normalise(question.text()) + " \u0000 " + normalise(question.context()),
        question.maxQuotes(),
        question.skip(),
        indexVersion);
  }

  /**
   * The question as the cache compares it: the engine's one normalising function, so the cache and
   * the engine never disagree about what "the same question" is.
   *
   * @throws readingroom.index.InvalidQuestionException when nothing askable is left
   */
  public static String normalise(String question) {
    return QuestionText.normalise(question);
  }
}
