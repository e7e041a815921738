package readingroom.bot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import readingroom.bot.text.Texts;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Result;
import readingroom.index.Scope;

/**
 * The metrics of {@code shared/eval/README.md}: answer_hit@1 and @3, mrr@5, abstain, false_abstain
 * and trust, plus checks that every quote is verbatim and the mean quote length.
 */
public final class Evaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One question's outcome. */
  public record Outcome(
      EvalQuestion question, Answer answer, int firstCorrectRank, boolean allVerbatim) {
    public boolean correctAt(int k) {
      return firstCorrectRank > 0 && firstCorrectRank <= k;
    }
  }

  /** The figures of a run. */
  public record Report(
      int questions,
      double hitAt1,
      double hitAt3,
      double mrrAt5,
      double abstain,
      double falseAbstain,
      double trust,
      int nonVerbatim,
      double meanQuoteWords,
      List<Outcome> outcomes) {}

  private Evaluation() {}

  public static List<EvalQuestion> read(Path file) throws IOException {
    List<EvalQuestion> questions = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IOException(file + " line " + lineNo + " is not JSON: " + e.getMessage(), e);
      }
      List<String> also = new ArrayList<>();
      node.path("also_urls").forEach(n -> also.add(n.asText()));
      questions.add(
          new EvalQuestion(
              node.path("id").asText("line" + lineNo),
              node.path("question").asText(),
              node.path("kind").asText(""),
              node.hasNonNull("url") ? node.get("url").asText() : null,
              also,
              node.hasNonNull("answer") ? node.get("answer").asText() : null,
              node.hasNonNull("group") ? node.get("group").asInt() : null));
    }
    return questions;
  }

  public static Report run(Engine engine, List<EvalQuestion> questions) {
    return run(engine, questions, Scope.all());
  }

  /** Scores the questions, each asked within {@code scope} (a reading list). */
  public static Report run(Engine engine, List<EvalQuestion> questions, Scope scope) {
    List<Outcome> outcomes = new ArrayList<>();
    int answerable = 0;
    int unanswerable = 0;
    double hit1 = 0, hit3 = 0, mrr = 0, abstained = 0, falseAbstained = 0, trusted = 0;
    int nonVerbatim = 0;
    long quoteWords = 0;
    int quotes = 0;
    for (EvalQuestion q : questions) {
      Answer answer = engine.ask(new Question(q.question(), scope, 3, 0));
      int rank = 0;
      boolean verbatim = true;
      for (int i = 0; i < answer.results().size(); i++) {
        Result result = answer.results().get(i);
        String text = engine.articleText(result.source().id()).orElse("");
        if (!text.contains(result.verbatim())) {
          verbatim = false;
          nonVerbatim++;
        }
        quoteWords += result.verbatim().split("\\s+").length;
        quotes++;
        if (rank == 0 && q.answerable() && correct(q, result)) {
          rank = i + 1;
        }
      }
      outcomes.add(new Outcome(q, answer, rank, verbatim));
      if (q.answerable()) {
        answerable++;
        hit1 += rank == 1 ? 1 : 0;
        hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
        mrr += rank >= 1 && rank <= 5 ? 1.0 / rank : 0;
        falseAbstained += answer.answered() ? 0 : 1;
        trusted += answer.answered() && rank >= 1 && rank <= 3 ? 1 : 0;
      } else {
        unanswerable++;
        abstained += answer.answered() ? 0 : 1;
        trusted += answer.answered() ? 0 : 1;
      }
    }
    return new Report(
        questions.size(),
        ratio(hit1, answerable),
        ratio(hit3, answerable),
        ratio(mrr, answerable),
        ratio(abstained, unanswerable),
        ratio(falseAbstained, answerable),
        ratio(trusted, questions.size()),
        nonVerbatim,
        quotes == 0 ? 0 : (double) quoteWords / quotes,
        outcomes);
  }

  static boolean correct(EvalQuestion q, Result result) {
    return correct(q, result.source().url(), result.quote());
  }

  /** Whether a text of the article at {@code url} is a correct answer to the question. */
  public static boolean correct(EvalQuestion q, String url, String text) {
    // An article without an address (a bare .txt, an upload) can never be the expected one.
    if (url == null) {
      return false;
    }
    if (q.alsoUrls().contains(url)) {
      return true;
    }
    return url.equals(q.url())
        && q.answer() != null
        && normalise(text).contains(normalise(q.answer()));
  }

  /** NFKC, plain quotes and dashes, collapsed white space, lower case: as the eval README says. */
  static String normalise(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replaceAll("[‘’‛′]", "'")
            .replaceAll("[“”„″]", "\"")
            .replaceAll("[‐‑‒–—―]", "-");
    return Texts.oneLine(plain).toLowerCase(Locale.ROOT);
  }

  private static double ratio(double part, int whole) {
    return whole == 0 ? 0 : part / whole;
  }
}
