package readingroom.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.Reply;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.Source;

class PlainTextRendererTest {

  /** A saved page or text file that gave no outlet and no address: quoted, never "null". */
  @Test
  void anArticleWithoutOutletOrAddressIsQuotedWithWhatIsKnown() {
    Source source =
        new Source(
            "peanuts",
            "Babies Who Eat Peanuts Early May Avoid Allergy",
            null,
            null,
            null,
            "Brenda Goodman",
            null,
            null,
            List.of());
    Result result =
        new Result(
            source, "Feeding babies peanuts early prevents allergy.", List.of(), null, 1, 0, 5);
    Reply reply = new Reply.AnswerReply(new Answer("peanuts?", true, List.of(result), 3), 0, false);

    String text = new PlainTextRenderer(false).render(reply);

    assertThat(text)
        .contains("Feeding babies peanuts early prevents allergy.")
        .contains("— Babies Who Eat Peanuts Early May Avoid Allergy · Brenda Goodman\n")
        .doesNotContain("null");
  }
}
