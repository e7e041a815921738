package readingroom.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import readingroom.index.corpus.Words;

/**
 * Makes chat text into a question the engine can search: Unicode normalised, invisible and control
 * characters removed, mentions, links and Markdown stripped. Lucene syntax needs no escaping here:
 * the engine never parses a question as a query, it only analyses its words.
 */
public final class QuestionText {

  /** Longer questions are refused rather than cut: a cut question would answer something else. */
  public static final int MAX_CHARS = 1000;

  private static final Pattern MENTION =
      Pattern.compile("<[@#!][^>\\s]{0,100}>|(?<!\\w)@(everyone|here|channel)\\b");
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\t]]");
  private static final Pattern MARKUP = Pattern.compile("[*_~`|>#\\[\\]{}\\\\^]+");

  private QuestionText() {}

  /**
   * The cleaned question.
   *
   * @throws InvalidQuestionException when nothing askable is left, or the text is too long
   */
  public static String clean(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidQuestionException(
          "Please type a question, for example: why did Russia invite the Taliban to Moscow?");
    }
    if (raw.length() > MAX_CHARS * 4) {
      throw tooLong();
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    text = INVISIBLE.matcher(text).replaceAll("");
    text = MENTION.matcher(text).replaceAll(" ");
    text = URL.matcher(text).replaceAll(" ");
    text = MARKUP.matcher(text).replaceAll(" ");
    text = Words.collapseSpaces(text);
    if (text.length() > MAX_CHARS) {
      throw tooLong();
    }
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new InvalidQuestionException("Please ask your question in words.");
    }
    return text;
  }

  /**
   * The question as an answer cache compares it: {@linkplain #clean cleaned} as the engine cleans
   * it, then lower-cased with punctuation and extra spaces dropped, so "Why did Russia...?" and
   * "why did russia..." share one answer. The one normalising function: a cache key uses it, the
   * engine searches the cleaned text it starts from.
   *
   * @throws InvalidQuestionException when nothing askable is left, or the text is too long
   */
  public static String normalise(String raw) {
    String folded = Normalizer.normalize(clean(raw), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return String.join(" ", Words.lettersAndDigits(folded));
  }

  private static InvalidQuestionException tooLong() {
    return new InvalidQuestionException(
        "That question is too long: please keep it under " + MAX_CHARS + " characters.");
  }
}
