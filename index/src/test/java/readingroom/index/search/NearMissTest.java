package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearMissTest {

  private static NearMiss of(String question, String passage) {
    return NearMiss.of(NearMiss.question(question), passage);
  }

  @Test
  void anAntonymOfAQuestionWordThePassageLacksMarksANearMiss() {
    assertThat(
            of("where were the smaller settlements?", "The larger settlements were in Cork.")
                .antonym())
        .as("smaller -> small, antonym large <- larger")
        .isTrue();
    assertThat(
            of("where were the larger settlements?", "The larger settlements were in Cork.")
                .antonym())
        .isFalse();
    assertThat(
            of("what is less fundamental than force?", "It is thought more fundamental than force.")
                .antonym())
        .isTrue();
    assertThat(
            of("which is the eastern bank?", "The eastern bank faces the western hills.").antonym())
        .as("the question's own word is there: a contrast, not a swap")
        .isFalse();
  }

  @Test
  void theQuestionsOwnFormIsNoContrast() {
    assertThat(of("how many people lived there?", "A few people lived there.").antonym())
        .as("\"how many\" asks; \"few\" answers")
        .isFalse();
    assertThat(of("how long is the river?", "The short river runs 40 km.").antonym()).isFalse();
    assertThat(of("what are some of its uses?", "All of its uses are known.").antonym()).isFalse();
    assertThat(of("what did they do on arrival?", "They set off at once.").antonym()).isFalse();
  }

  @Test
  void aNegatedQuestionIsMissedByAPassageWithNoNegation() {
    assertThat(of("what letter didn't he present?", "He presented the letter.").negation())
        .isTrue();
    assertThat(of("what did he never sign?", "He did not sign the treaty.").negation()).isFalse();
    assertThat(of("what did he sign?", "He did not sign the treaty.").negation()).isFalse();
  }
}
