package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import readingroom.index.corpus.Passages;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/** The engine on the shipped corpus, with a real Lucene index and the real embedding model. */
class EngineTest {

  @TempDir static Path dir;
  private static Engine engine;

  @BeforeAll
  static void open() {
    engine = Fixtures.engine(Fixtures.corpus(), dir.resolve("index")).open();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void answersWithVerbatimQuotesOfTheCleanedArticle() {
    Answer answer = engine.ask(Question.of("why did russia invite the taliban to moscow?"));
    assertThat(answer.answered()).isTrue();
    assertThat(answer.results()).hasSizeBetween(1, 3);
    for (Result result : answer.results()) {
      String text = engine.articleText(result.source().id()).orElseThrow();
      assertThat(text).contains(result.verbatim());
      assertThat(text.substring(result.start(), result.end())).isEqualTo(result.verbatim());
      assertThat(result.verbatim().split("\\s+").length).isLessThanOrEqualTo(Passages.MAX_WORDS);
    }
  }

  @Test
  void findsTheDatedAnnouncement() {
    Result best =
        engine
            .ask(Question.of("what date did moscow announce it was inviting the taliban to talks?"))
            .results()
            .get(0);
    assertThat(best.quote()).contains("On July 16, 2018");
    assertThat(best.source().published().display()).isEqualTo("July 2018");
  }

  @Test
  void highlightsAreQuestionTermsInsideTheQuote() {
    Result best =
        engine.ask(Question.of("how much trade does russia do with afghanistan?")).results().get(0);
    assertThat(best.highlights()).isNotEmpty();
    for (Span span : best.highlights()) {
      String word = best.quote().substring(span.start(), span.end()).toLowerCase();
      assertThat(word).isIn("trade", "russia", "afghanistan", "russian");
    }
  }

  @Test
  void linksScrollToTheQuoteWithAnEncodedTextFragment() {
    Result best =
        engine.ask(Question.of("when did the soviets invade afghanistan?")).results().get(0);
    assertThat(best.link())
        .startsWith(best.source().url() + "#:~:text=")
        .doesNotContain(" ")
        .contains("In%201979%2C");
  }

  @Test
  void saysSoWhenTheReadingListDoesNotAnswer() {
    Answer answer = engine.ask(Question.of("how do i make kabuli pulao at home?"));
    assertThat(answer.answered()).isFalse();
    assertThat(answer.results()).isNotEmpty(); // the closest passages are still offered
  }

  @Test
  void aQuestionAboutAYearNoArticleCoversIsNotAnswered() {
    assertThat(
            engine
                .ask(
                    Question.of(
                        "what did trump say about the taliban after he got back into office in 2025?"))
                .answered())
        .isFalse();
    // Lacking the kind of answer asked for ("how many" without a number) or the year asked about
    // counts against a passage: the learned model weighs both, and neither is a hard rule.
    var model = engine.confidenceModel();
    assertThat(model.weights()[model.features().indexOf("kind_missing")]).isNegative();
    assertThat(model.weights()[model.features().indexOf("dates_mismatch")]).isNegative();
  }

  @Test
  void toleratesTyposAgainstTheCorpusVocabulary() {
    Result best =
        engine
            .ask(Question.of("what terorist group did the taliban host before 9/11?"))
            .results()
            .get(0);
    assertThat(best.quote()).contains("al Qaeda");
  }

  @Test
  void neverReturnsTwoOverlappingQuotes() {
    // Scoped to one article, so every quote of an answer comes from the same text and could
    // overlap.
    Scope oneArticle =
        Scope.articles(Set.of("diplomat-2018-07-why-has-russia-invited-the-taliban"));
    for (String question :
        List.of(
            "russia taliban talks moscow",
            "why did russia invite the taliban to moscow?",
            "what does russia want from the taliban?")) {
      List<Result> results = engine.ask(new Question(question, oneArticle, 3, 0)).results();
      assertThat(results).as(question).hasSizeGreaterThanOrEqualTo(2);
      for (int i = 0; i < results.size(); i++) {
        for (int j = i + 1; j < results.size(); j++) {
          Result a = results.get(i);
          Result b = results.get(j);
          assertThat(a.end() <= b.start() || b.end() <= a.start())
              .as("%s: [%d, %d) and [%d, %d)", question, a.start(), a.end(), b.start(), b.end())
              .isTrue();
        }
      }
    }
  }

  @Test
  void moreSkipsTheQuotesAlreadyShown() {
    // Answers have as many quotes as clear the bar: take questions until one has two or more.
    String question =
        java.util.stream.Stream.of(
                "why did russia invite the taliban to moscow?",
                "what is the moscow format?",
                "russia and the taliban",
                "how much trade does russia do with afghanistan?")
            .filter(q -> engine.ask(Question.of(q)).results().size() > 1)
            .findFirst()
            .orElseThrow();
    Answer three = engine.ask(new Question(question, Scope.all(), 3, 0));
    Answer first = engine.ask(new Question(question, Scope.all(), 1, 0));
    Answer more = engine.ask(new Question(question, Scope.all(), 1, 1));
    assertThat(first.results()).containsExactly(three.results().get(0));
    assertThat(more.results()).containsExactly(three.results().get(1));
  }

  @Test
  void aScopedQuestionQuotesOnlyArticlesInScope() {
    Scope onlyStratfor =
        Scope.articles(Set.of("stratfor-2018-11-russia-attempts-to-end-longest-war"));
    Answer answer =
        engine.ask(
            new Question("how much trade does russia do with afghanistan?", onlyStratfor, 3, 0));
    assertThat(answer.results()).isNotEmpty().allMatch(r -> r.source().id().startsWith("stratfor"));
    assertThat(engine.sources(onlyStratfor)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "taliban AND russia OR NOT moscow",
        "taliban* ?ussia \"unclosed",
        "title:moscow~2 +russia -china",
        "/reg(ex/ [a TO z] {x} ^3 \\\\",
        "😀 why did russia 🇷🇺 invite the taliban? 🤔",
        "لماذا دعت روسيا طالبان؟ russia taliban",
        "rus\u200Bsia\u202E tal\u0000iban\u0007",
        "<@123456> @everyone @here why did russia invite the taliban?",
        "**why** did _russia_ invite `the` ~~taliban~~? https://example.org/x"
      })
  void hostileQuestionsAreAnsweredWithoutError(String question) {
    Answer answer = engine.ask(Question.of(question));
    assertThat(answer.results())
        .allSatisfy(r ->
            assertThat(engine.articleText(r.source().id()).orElseThrow()).contains(r.verbatim()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u200B\u200B", "?!?", "😀😀"})
  void emptyQuestionsGetAClearMessage(String question) {
    assertThatThrownBy(() -> engine.ask(Question.of(question)))
        .isInstanceOf(InvalidQuestionException.class)
        .hasMessageStartingWith("Please");
  }

  @Test
  void anEnormousQuestionGetsAClearMessage() {
    String huge = "why did russia invite the taliban ".repeat(3000); // about 100 kB
    assertThatThrownBy(() -> engine.ask(Question.of(huge)))
        .isInstanceOf(InvalidQuestionException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void unknownArticleIdsAreEmptyNotErrors() {
    assertThat(engine.source("no-such-article")).isEmpty();
    assertThat(engine.openingQuotes("no-such-article", 2)).isEmpty();
    assertThat(engine.articleText(null)).isEmpty();
  }

  @Test
  void findsArticlesByHeadlineWordsAndOutlet() {
    assertThat(engine.findSources("moscow times", Scope.all(), 25))
        .extracting(Source::id)
        .containsExactly("moscowtimes-2024-10-taliban-not-terrorists-anymore");
    assertThat(engine.findSources("", Scope.all(), 25)).hasSize(5);
  }

  @Test
  void anUnwritableIndexFolderIsAClearError() throws Exception {
    Path file = dir.resolve("not-a-folder");
    java.nio.file.Files.writeString(file, "x");
    assertThatThrownBy(() -> Fixtures.engine(Fixtures.corpus(), file.resolve("index")).open())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("index folder");
  }
}
