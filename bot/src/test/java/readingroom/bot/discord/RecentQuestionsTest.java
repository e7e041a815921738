package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentQuestionsTest {

  @Test
  void theLeastRecentlyUsedQuestionIsForgottenFirst() {
    RecentQuestions questions = new RecentQuestions(2);
    questions.remember("a", "first?");
    questions.remember("b", "second?");
    assertThat(questions.question("a")).contains("first?"); // "a" is now the most recent
    questions.remember("c", "third?");

    assertThat(questions.question("b")).isEmpty();
    assertThat(questions.question("a")).contains("first?");
    assertThat(questions.question("c")).contains("third?");
  }
}
