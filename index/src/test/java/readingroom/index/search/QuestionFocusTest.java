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
    java.util.Set<String> none = java.util.Set.of();
    assertThat(
            Evidence.hasQuantity("On July 17, Russia and Tajikistan staged a drill in 2018.", none))
        .isFalse();
    assertThat(Evidence.hasQuantity("It sent a five-member delegation.", none)).isTrue();
    assertThat(Evidence.hasQuantity("only 2,000 ISIS fighters remained", none)).isTrue();
    assertThat(Evidence.hasQuantity("It cost $2.6bn over a decade.", none)).isTrue();
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
  void aNumberInANameOrInTheQuestionIsNoAnswerToHowMany() {
    QuestionFocus cost = QuestionFocus.of("how much did it cost to run the tng50 simulation?");
    assertThat(cost.type()).isEqualTo(QuestionFocus.AnswerType.QUANTITY);
    assertThat(Evidence.holdsAnswer(cost, "TNG50 is the latest simulation of the TNG Project."))
        .as("a number glued to a name")
        .isFalse();
    assertThat(Evidence.holdsAnswer(cost, "The F-35 and COVID-19 came later.")).isFalse();
    QuestionFocus ofThe14 = QuestionFocus.of("how many of the 14 firms have flown?");
    assertThat(Evidence.holdsAnswer(ofThe14, "All 14 companies may bid.")).isFalse();
    assertThat(Evidence.holdsAnswer(ofThe14, "Of the 14 companies, 3 have flown.")).isTrue();
    assertThat(Evidence.holdsAnswer(ofThe14, "One of the firms has flown a lander.")).isFalse();
  }

  @Test
  void aMeasureAskedForWantsANumber() {
    for (String question :
        new String[] {
          "what is the population of the city?",
          "what's the temperature on titan?",
          "at what speed does it orbit?",
          "how cold would the pods be kept?",
          "how deep is the ocean under the ice?"
        }) {
      assertThat(QuestionFocus.of(question).type())
          .as(question)
          .isEqualTo(QuestionFocus.AnswerType.QUANTITY);
    }
    assertThat(QuestionFocus.of("what is the name of the lander?").type())
        .isEqualTo(QuestionFocus.AnswerType.ANY);
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
  void whichThingIsAnsweredByANameTheQuestionDoesNotGive() {
    QuestionFocus which = QuestionFocus.of("which rocket will launch the rover?");
    assertThat(which.type()).isEqualTo(QuestionFocus.AnswerType.NAMED);
    assertThat(Evidence.holdsAnswer(which, "The rover will ride on a Falcon 9 next year."))
        .isTrue();
    assertThat(Evidence.holdsAnswer(which, "A rocket will launch the rover in 2022.")).isFalse();
    assertThat(QuestionFocus.of("in which city did they meet?").type())
        .isEqualTo(QuestionFocus.AnswerType.NAMED);
    assertThat(QuestionFocus.of("which year did they meet?").type())
        .isEqualTo(QuestionFocus.AnswerType.DATE);
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
