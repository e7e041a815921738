package readingroom.bot.testing;

import java.util.List;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Scope;

/**
 * A question that an engine on the shipped articles answers with more than three quotes that each
 * clear the bar, for tests of "More". Answers are never padded to three, so most questions have
 * fewer; the first of these candidates that has a full first page and a second one is taken.
 */
public final class SeveralQuotes {

  private static final List<String> CANDIDATES =
      List.of(
          "what is the moscow format?",
          "russia and the taliban",
          "what is russia's policy toward the taliban?",
          "russia taliban talks moscow");

  private SeveralQuotes() {}

  public static String question(Engine engine) {
    return CANDIDATES.stream()
        .filter(q ->
            engine.ask(new Question(q, Scope.all(), 3, 0)).results().size() == 3
                && !engine.ask(new Question(q, Scope.all(), 3, 3)).results().isEmpty())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no candidate has two pages of quotes"));
  }
}
