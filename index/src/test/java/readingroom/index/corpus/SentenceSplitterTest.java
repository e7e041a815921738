package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
  }

  @Test
  void keepsTitlesWithDottedAcronymsInsideTheSentence() {
    assertThat(
            sentences(
                "On June 20, U.S. Assistant Secretary of State Alice Wells condemned Russia. Zakharova replied."))
        .containsExactly(
            "On June 20, U.S. Assistant Secretary of State Alice Wells condemned Russia.",
            "Zakharova replied.");
  }

  @Test
  void doesNotBreakAfterAbbreviatedMonthsAndRanks() {
    assertThat(
            sentences(
                "In Moscow on Nov. 9, the ministry hosted talks. Lt. Gen. Scott Miller spoke."))
        .containsExactly(
            "In Moscow on Nov. 9, the ministry hosted talks.", "Lt. Gen. Scott Miller spoke.");
  }

  @Test
  void breaksAfterTheIdeographicFullStopWithNoSpace() {
    assertThat(sentences("市は一日、発表した。利用者が増えている！「本当に？」と話した。"))
        .containsExactly("市は一日、発表した。", "利用者が増えている！", "「本当に？」と話した。");
  }

  @Test
  void countsWordsInScriptsWrittenWithoutSpaces() {
    assertThat(CleaningRules.words("市は一日、駅前の中央図書館の開館時間を来月から午後十時まで延長すると発表した。")).isBetween(15, 25);
    assertThat(CleaningRules.words("Kindle for PCをインストールすると"))
        .isEqualTo(1 + 1 + 6); // "PC" and nine kana
    assertThat(CleaningRules.words("Plain English words only.")).isEqualTo(4);
  }

  @Test
  void doesNotBreakInsideDecimalsOrInitials() {
    assertThat(sentences("Trade grew 2.5 percent. George W. Bush agreed."))
        .containsExactly("Trade grew 2.5 percent.", "George W. Bush agreed.");
  }

  @Test
  void endsASentenceAfterAnAcronymWhenTheNextWordStartsOne() {
    assertThat(sentences("The group is backed by the U.S. The talks failed."))
        .containsExactly("The group is backed by the U.S.", "The talks failed.");
  }

  @Test
  void keepsClosingQuotesWithTheirSentence() {
    assertThat(sentences("He said it was “a success.” Others disagreed! Did they?"))
        .containsExactly("He said it was “a success.”", "Others disagreed!", "Did they?");
  }
}
