package readingroom.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.cli.EngineOptions;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.Synonyms;

/**
 * Quality floors on several reading lists, each set scored by models that were not trained on it,
 * so that a regression on any list fails the build: the shipped corpus's {@code dev.jsonl} and
 * {@code extra.jsonl}, and each of squad2-dev's five Wikipedia reading lists, answered from its own
 * five articles (one index of the 25, each group scored within its own scope). The held-out models
 * are in {@code confidence-folds/} (one confidence model per set left out, written by {@code
 * scripts/train-confidence.sh}) and, for the reader, in {@code
 * index/src/test/resources/readingroom/reader-folds/} (see {@code train/README.md}: a reader is
 * held out from only some sets, and a set is scored here only with a reader that never saw it).
 * Floors sit a little under the measured figures (in BENCHMARKS.md), so that a real regression, not
 * noise, trips them.
 */
class DevSetQualityTest {

  private static final String JUNK =
      "(?i)interstitial_link|\\d+ views|mins? read|follow (him|her|at)|copyright|dear readers|credit:";

  /** A set, the models that never saw it, and its floors. */
  private record HeldOut(
      String set, String model, String reader, double hit1, double abstain, double trust) {}

  private static final List<HeldOut> SHIPPED =
      List.of(
          new HeldOut("dev", "without-dev.json", "none", 0.70, 0.66, 0.70),
          new HeldOut("extra", "without-extra.json", "none", 0.85, 0.50, 0.70));

  private static final List<HeldOut> SQUAD =
      List.of(
          new HeldOut("questions/g1", "without-g1.json", "none", 0.69, 0.30, 0.51),
          new HeldOut("questions/g2", "without-g2.json", "none", 0.69, 0.30, 0.50),
          new HeldOut("questions/g3", "without-g3.json", "none", 0.80, 0.34, 0.57),
          new HeldOut("questions/g4", "without-g4.json", "none", 0.75, 0.21, 0.51),
          new HeldOut("questions/g5", "without-g5.json", "none", 0.85, 0.20, 0.52));

  @Test
  void shippedCorpusSetsStayAboveTheirFloors(@TempDir Path dir) throws Exception {
    Engine.Builder builder =
        Engine.builder()
            .corpus(readingroom.bot.testing.TestCorpus.shipped())
            .index(dir.resolve("index"))
            .synonyms(Synonyms.none());
    for (HeldOut held : SHIPPED) {
      List<EvalQuestion> questions = Evaluation.read(evalFile(held.set() + ".jsonl"));
      assertThat(questions).hasSizeGreaterThan(20);
      check(held, open(builder, held), questions, Scope.all());
    }
  }

  @Test
  void squadReadingListsStayAboveTheirFloors(@TempDir Path dir) throws Exception {
    ReadingList list = ReadingList.copy(evalFile("squad2-dev/sources.json"), dir.resolve("corpus"));
    Engine.Builder builder =
        Engine.builder()
            .corpus(list.corpus())
            .index(dir.resolve("index"))
            .synonyms(Synonyms.none());
    List<EvalQuestion> all = Evaluation.read(evalFile("squad2-dev/questions.jsonl"));
    for (HeldOut held : SQUAD) {
      int group = Integer.parseInt(held.set().substring(held.set().length() - 1));
      List<EvalQuestion> own = all.stream().filter(q -> list.groupOf(q) == group).toList();
      assertThat(own).hasSizeGreaterThan(200);
      check(held, open(builder, held), own, ReadingList.scopeOf(group));
    }
  }

  private static Engine open(Engine.Builder builder, HeldOut held) {
    Path model =
        TestConfig.root()
            .resolve("bot/src/test/resources/readingroom/confidence-folds/" + held.model());
    String reader =
        held.reader().equals("none")
            ? "none"
            : TestConfig.root()
                .resolve("index/src/test/resources/readingroom/reader-folds/" + held.reader())
                .toString();
    return EngineOptions.withModel(builder, model, reader).open();
  }

  private static void check(
      HeldOut held, Engine opened, List<EvalQuestion> questions, Scope scope) {
    try (Engine engine = opened) {
      Evaluation.Report report = Evaluation.run(engine, questions, scope);
      String set = held.set() + " ";
      assertThat(report.nonVerbatim()).as(set + "quotes that are not verbatim").isZero();
      assertThat(report.meanQuoteWords()).as(set + "mean quote words").isLessThanOrEqualTo(45);
      assertThat(report.hitAt1()).as(set + "answer_hit@1").isGreaterThanOrEqualTo(held.hit1());
      assertThat(report.abstain()).as(set + "abstain").isGreaterThanOrEqualTo(held.abstain());
      assertThat(report.falseAbstain()).as(set + "false abstain").isLessThanOrEqualTo(0.35);
      assertThat(report.trust()).as(set + "trust").isGreaterThanOrEqualTo(held.trust());
      for (Evaluation.Outcome outcome : report.outcomes()) {
        assertThat(outcome.answer().results().size()).as(set + "quotes per answer").isBetween(0, 3);
        for (var result : outcome.answer().results()) {
          assertThat(result.verbatim())
              .as(set + "no site junk in quotes")
              .doesNotContainPattern(JUNK);
        }
      }
    }
  }

  private static Path evalFile(String name) {
    Path file = TestConfig.root().resolve("../shared/eval/" + name).normalize();
    assertThat(file).as("the shared eval set beside the clone").exists();
    return file;
  }
}
