package readingroom.bot.channel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import readingroom.index.QuestionText;
import readingroom.index.Scope;

/**
 * What makes two questions the same question for the answer cache: the channel, the question with
 * case, spacing, punctuation and mentions ignored, the channel's reading list and quote count, the
 * page, and the index version, so an answer is never shared across channels or served after a
 * re-index.
 *
 * @param channel where it was asked
 * @param question the normalised question ({@link #normalise})
 * @param scope the channel's reading list when it was asked
 * @param maxQuotes quotes per page
 * @param skip quotes shown on earlier pages
 * @param indexVersion the engine's index version when it was asked
 */
public record AnswerKey(
    ChannelKey channel, String question, Scope scope, int maxQuotes, int skip, long indexVersion) {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  public AnswerKey {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * The question as the cache compares it: cleaned as the engine cleans it (mentions, links and
   * markup removed), then lower-cased with punctuation and extra spaces dropped.
   *
   * @throws readingroom.index.InvalidQuestionException when nothing askable is left
   */
  public static String normalise(String question) {
    String cleaned = QuestionText.clean(question);
    String folded = Normalizer.normalize(cleaned, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(folded).replaceAll(" ").strip();
  }
}
