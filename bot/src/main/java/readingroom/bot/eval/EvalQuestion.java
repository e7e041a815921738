package readingroom.bot.eval;

import java.util.List;

/**
 * One line of an evaluation file: a question and what a correct result contains.
 *
 * @param group the reading list (group) the question was written for, when the file says so
 */
public record EvalQuestion(
    String id,
    String question,
    String kind,
    String url,
    List<String> alsoUrls,
    String answer,
    Integer group) {
  public EvalQuestion {
    alsoUrls = alsoUrls == null ? List.of() : List.copyOf(alsoUrls);
  }

  public boolean answerable() {
    return url != null;
  }
}
