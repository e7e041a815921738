package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Fixtures;
import readingroom.index.Question;
import readingroom.index.Result;

/**
 * A reading list a user brings, end to end through the real engine: a saved page whose first {@code
 * <article>} is a teaser, a Markdown file, a PDF and a bare text file are indexed, and questions
 * about each are answered with verbatim quotes of the text as a reader sees it, linked to the
 * sentence or the page.
 */
class OwnReadingListTest {

  @TempDir static Path dir;
  private static Engine engine;

  @BeforeAll
  static void open() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.write(
        corpus.resolve("trams.html"), ReadablePagesTest.bytes("heraldsun-teaser-first.html"));
    Files.writeString(
        corpus.resolve("lighthouse.md"),
        """
        ---
        title: "The last lighthouse keeper"
        outlet: "Coastal Weekly"
        url: "https://coastal.example.org/lighthouse"
        ---
        # The last lighthouse keeper

        For **forty-one years**, Morag Henderson climbed the [spiral stairs](https://example.org/s)
        of the Ardnamurchan lighthouse every evening to check the lamp.
        """);
    Files.write(corpus.resolve("minutes.pdf"), PdfTextTest.report());
    Files.writeString(
        corpus.resolve("minutes.pdf.yml"), "url: https://council.example.org/minutes.pdf\n");
    Files.writeString(
        corpus.resolve("notes.txt"),
        "Field notes from the marsh\n\n"
            + "We counted eleven pairs of avocets nesting on the scrape, the most since the reserve"
            + " opened to visitors.\n");
    engine = Fixtures.engine(corpus, dir.resolve("index")).open();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void openingReportsWhatItIndexedAndWhatToFix() {
    Engine.LoadReport load = engine.openingLoad();
    assertThat(load.index().added()).isEqualTo(4);
    assertThat(load.problems()).isEmpty();
    assertThat(load.warnings())
        .extracting(w -> w.file().getFileName().toString())
        .containsExactly("notes.txt");
  }

  @Test
  void aMarkdownQuoteIsTheRenderedTextWithoutMarkup() {
    Result best = best("how long did morag henderson climb the lighthouse stairs?");
    assertThat(best.source().id()).isEqualTo("lighthouse");
    assertThat(best.verbatim())
        .contains("For forty-one years, Morag Henderson climbed the spiral stairs")
        .doesNotContain("**", "](", "[");
    assertThat(best.link())
        .startsWith("https://coastal.example.org/lighthouse#:~:text=For%20forty");
  }

  @Test
  void aPdfQuoteLinksToItsPage() {
    Result best = best("why did others object to the walk to the civic centre?");
    assertThat(best.source().id()).isEqualTo("minutes");
    assertThat(best.verbatim()).contains("too long for older readers");
    assertThat(best.link()).isEqualTo("https://council.example.org/minutes.pdf#page=2");
  }

  @Test
  void aPageIsQuotedFromItsStoryNeverFromTheTeaserBeforeIt() {
    Result best = best("what did the greens block that would bring rents down?");
    assertThat(best.verbatim()).doesNotContain("renters", "Greens");
    Result trams = best("how many trams will be replaced by 2035?");
    assertThat(trams.source().title())
        .isEqualTo("Melbourne’s tram network faces its biggest overhaul in decades");
    assertThat(trams.source().outlet()).isEqualTo("Herald Sun");
    assertThat(trams.verbatim()).contains("replace more than 200 of its oldest trams");
  }

  @Test
  void aBareTextFileIsAnsweredWithoutALink() {
    Result best = best("how many pairs of avocets were nesting?");
    assertThat(best.source().title()).isEqualTo("Field notes from the marsh");
    assertThat(best.verbatim()).contains("eleven pairs of avocets");
    assertThat(best.link()).isNull();
  }

  private static Result best(String question) {
    Answer answer = engine.ask(Question.of(question));
    assertThat(answer.results()).as(question).isNotEmpty();
    return answer.results().get(0);
  }
}
