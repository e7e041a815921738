package readingroom.bot.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.index.Result;
import readingroom.index.model.Source;

class EvaluationCorrectTest {

  private static Result quote(String url, String text) {
    Source source = new Source("notes", "Notes", null, null, null, null, null, url, List.of());
    return new Result(source, text, List.of(), null, 1, 0, text.length());
  }

  @Test
  void aQuoteFromAnArticleWithoutAnAddressIsNeverCorrectAndDoesNotBreak() {
    EvalQuestion q =
        new EvalQuestion("q1", "who?", "fact", "https://example.org/a", List.of(), "Ada", null);
    assertFalse(Evaluation.correct(q, quote(null, "Ada wrote it.")));
    EvalQuestion unanswerable = new EvalQuestion("q2", "who?", "none", null, List.of(), null, null);
    assertFalse(Evaluation.correct(unanswerable, quote(null, "Ada wrote it.")));
  }

  @Test
  void aQuoteFromTheExpectedAddressHoldingTheAnswerIsCorrect() {
    EvalQuestion q =
        new EvalQuestion("q1", "who?", "fact", "https://example.org/a", List.of(), "Ada", null);
    assertTrue(Evaluation.correct(q, quote("https://example.org/a", "Ada wrote it.")));
  }
}
