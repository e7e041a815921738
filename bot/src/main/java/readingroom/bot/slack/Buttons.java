package readingroom.bot.slack;

import java.util.Optional;

/**
 * The buttons under an answer, and what their values carry. Values travel through Slack and come
 * back in the click, so the bot keeps no state per message; Slack caps a value at 2,000 characters,
 * so a button is left out when its question would not fit.
 */
final class Buttons {

  static final String MORE = "readingroom_more";
  static final String HELPFUL = "readingroom_helpful";
  static final String NOT_HELPFUL = "readingroom_not_helpful";
  static final String CITE = "readingroom_cite";

  static final int MAX_VALUE_CHARS = 2000;

  private Buttons() {}

  /**
   * "More": the question and how many quotes were already shown. "Cite" carries the same, for the
   * quotes of the page it is under.
   */
  record More(int skip, String question) {
    String value() {
      return skip + ":" + question;
    }

    static Optional<More> parse(String value) {
      if (value == null) {
        return Optional.empty();
      }
      int colon = value.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      try {
        int skip = Integer.parseInt(value.substring(0, colon));
        return skip < 0
            ? Optional.empty()
            : Optional.of(new More(skip, value.substring(colon + 1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  static boolean fits(String value) {
    return value.length() <= MAX_VALUE_CHARS;
  }
}
