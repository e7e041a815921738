package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import org.junit.jupiter.api.Test;
import readingroom.index.model.PublishedDate;

class QuestionFocusTest {

  @Test
  void readsTheKindOfAnswerAndTheDatesAQuestionNames() {
    QuestionFocus focus =
        QuestionFocus.of("Who led the delegation at the nov 2018 Moscow meeting?");
    assertThat(focus.type()).isEqualTo(QuestionFocus.AnswerType.PERSON);
    assertThat(focus.years()).containsExactly(2018);
    assertThat(focus.months()).containsExactly(Month.NOVEMBER);
    assertThat(QuestionFocus.of("how many countries attended?").type())
        .isEqualTo(QuestionFocus.AnswerType.QUANTITY);
    assertThat(QuestionFocus.of("at the talks, when did they meet?").type())
        .isEqualTo(QuestionFocus.AnswerType.DATE);
    assertThat(QuestionFocus.of("may the talks go ahead?").months()).isEmpty();
  }

  @Test
  void findsNamesNumbersAndDatesInPassages() {
    java.util.Set<String> asked =
        QuestionFocus.of("who led the taliban delegation to moscow?").words();
    assertThat(
            Evidence.namesSomethingNotAsked(
                "Taliban Foreign Minister Amir Khan Muttaqi was invited to Moscow.", asked))
        .isTrue();
    assertThat(
            Evidence.namesSomethingNotAsked(
                "The insurgent group sent a delegation to the Taliban meeting in Moscow.", asked))
        .as("only names the question gives, and a sentence's first word")
        .isFalse();
    assertThat(Evidence.hasQuantity("On July 17, Russia and Tajikistan staged a drill in 2018."))
        .isFalse();
    assertThat(Evidence.hasQuantity("It sent a five-member delegation.")).isTrue();
    assertThat(Evidence.hasQuantity("only 2,000 ISIS fighters remained")).isTrue();
    QuestionFocus november = QuestionFocus.of("what happened in november 2018?");
    assertThat(
            Evidence.matchesDates(
                november, "The talks were held.", PublishedDate.parse("2018-11-09")))
        .isTrue();
    assertThat(
            Evidence.matchesDates(
                november,
                "On July 16, 2018, talks were announced.",
                PublishedDate.parse("2018-07")))
        .isFalse();
  }

  @Test
  void anArticlesDateStandsInOnlyForPassagesThatNameNoOtherYear() {
    QuestionFocus focus = QuestionFocus.of("which countries attended the 2018 meeting?");
    PublishedDate november2018 = PublishedDate.parse("2018-11");
    assertThat(
            Evidence.matchesDates(focus, "Officials from China and India attended.", november2018))
        .isTrue();
    assertThat(
            Evidence.matchesDates(
                focus, "In 2016, only Russia, China and Pakistan attended.", november2018))
        .isFalse();
  }

  @Test
  void whoIsAnsweredByAGroupTheQuestionDoesNotAlreadyName() {
    QuestionFocus who = QuestionFocus.of("who attacked the embassy in kabul?");
    assertThat(
            Evidence.holdsAnswer(
                who, "ISKP attacks targeted Russian and Chinese embassies in Kabul."))
        .isTrue();
    QuestionFocus whoIskp = QuestionFocus.of("who did ISKP attack in kabul?");
    assertThat(Evidence.holdsAnswer(whoIskp, "ISKP attacks targeted embassies in Kabul."))
        .isFalse();
  }

  @Test
  void whyFavoursAPassageThatGivesAReasonButDoesNotRequireOne() {
    QuestionFocus why = QuestionFocus.of("why does russia keep talking to them?");
    assertThat(why.type()).isEqualTo(QuestionFocus.AnswerType.REASON);
    assertThat(
            Evidence.holdsAnswer(
                why, "This policy results from Russia's belief that they can be split."))
        .isTrue();
    assertThat(Evidence.holdsAnswer(why, "Russia labels the Taliban a terrorist organization."))
        .isFalse();
  }
}
