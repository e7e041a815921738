package readingroom.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.eval.Evaluation;
import readingroom.index.Engine;
import readingroom.index.Result;

/** {@code readingroom eval FILE.jsonl}: answer quality on a question file. */
@Command(
    mixinStandardHelpOptions = true,
    name = "eval",
    description = "Score the answers on a question file (JSON lines, as shared/eval/dev.jsonl).")
public final class EvalCli implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The question file.")
  Path file;

  @ParentCommand Main main;

  @Option(
      names = "--show",
      description = "Also print the misses: wrong, missing or wrongly abstained answers.")
  boolean show;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (!Files.isRegularFile(file)) {
      System.err.println("readingroom eval: " + file + " does not exist.");
      return 2;
    }
    try (Engine engine = EngineOptions.of(main.settings()).updates(Engine.Updates.NEVER).open()) {
      Evaluation.Report r = Evaluation.run(engine, Evaluation.read(file));
      out.printf("questions        %d%n", r.questions());
      out.printf("answer_hit@1     %.3f%n", r.hitAt1());
      out.printf("answer_hit@3     %.3f%n", r.hitAt3());
      out.printf("mrr@5            %.3f%n", r.mrrAt5());
      out.printf("abstain          %.3f%n", r.abstain());
      out.printf("false_abstain    %.3f%n", r.falseAbstain());
      out.printf("trust            %.3f%n", r.trust());
      out.printf("non-verbatim     %d%n", r.nonVerbatim());
      out.printf("mean quote words %.1f%n", r.meanQuoteWords());
      if (show) {
        for (Evaluation.Outcome o : r.outcomes()) {
          boolean miss =
              o.question().answerable()
                  ? !(o.answer().answered() && o.correctAt(1))
                  : o.answer().answered();
          if (!miss) {
            continue;
          }
          out.printf(
              "%n%s [%s] %s%n", o.question().id(), o.question().kind(), o.question().question());
          out.printf("   want: %s%n", o.question().answer());
          out.printf("   answered=%s rank=%d%n", o.answer().answered(), o.firstCorrectRank());
          for (Result result : o.answer().results()) {
            out.printf("   %.3f %s: %s%n", result.score(), result.source().id(), result.quote());
          }
        }
      }
    }
    return 0;
  }
}
