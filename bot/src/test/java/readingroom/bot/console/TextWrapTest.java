package readingroom.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

  private static final String QUOTE =
      "1. “Russia, too, has significant trade with the Taliban-controlled Afghanistan, believed"
          + " to be close to $1 billion in 2023, and has ambitions to expand its influence.”";
  private static final String LINK =
      "   https://www.themoscowtimes.com/2024/10/14/why-russia-doesnt-think-the-taliban-are-terrorists-anymore-a86679#:~:text=Russia";

  private static List<String> words(String text) {
    return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  @Test
  void linesFitTheWidthAndKeepEveryWordInOrder() {
    for (int width : List.of(20, 33, 40, 57, 80)) {
      String wrapped = TextWrap.wrap(QUOTE, width);
      // A word longer than the room left keeps its own line; every other line fits.
      assertThat(wrapped.lines().filter(line -> line.strip().contains(" ")))
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
      assertThat(words(wrapped)).isEqualTo(words(QUOTE));
    }
  }

  @Test
  void aNumberedQuoteContinuesUnderItsTextNotItsNumber() {
    List<String> lines = TextWrap.wrap(QUOTE, 40).lines().toList();
    assertThat(lines.get(0)).startsWith("1. “Russia");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(line -> assertThat(line).startsWith("   ").doesNotStartWith("    "));
  }

  @Test
  void aLinkLongerThanTheWidthStaysWholeOnItsLine() {
    assertThat(TextWrap.wrap(LINK, 40)).isEqualTo(LINK);
  }

  @Test
  void boldMarkupTakesNoWidthAndShortLinesAreUntouched() {
    String bold = "\u001B[1mRussia\u001B[0m and the Taliban";
    assertThat(TextWrap.wrap(bold, 26)).isEqualTo(bold);
    assertThat(TextWrap.wrap("one\n\ntwo", 30)).isEqualTo("one\n\ntwo");
    assertThat(TextWrap.wrap(QUOTE, 0)).as("width unknown: not wrapped").isEqualTo(QUOTE);
  }
}
