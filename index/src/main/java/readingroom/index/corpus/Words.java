package readingroom.index.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The two ways the engine reduces text to words, each in one place. */
public final class Words {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Words() {}

  /** The text with every run of white space as one space, and none at either end. */
  public static String collapseSpaces(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** The runs of letters and digits, in order: punctuation, symbols and spaces only separate. */
  public static List<String> lettersAndDigits(String text) {
    return Arrays.stream(NOT_LETTER_OR_DIGIT.split(text)).filter(w -> !w.isEmpty()).toList();
  }
}
