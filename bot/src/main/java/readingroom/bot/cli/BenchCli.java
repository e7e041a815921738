package readingroom.bot.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.Main;
import readingroom.bot.eval.EvalQuestion;
import readingroom.bot.eval.Evaluation;
import readingroom.index.Engine;
import readingroom.index.Question;

/**
 * {@code readingroom bench}: ask latency on the configured corpus, for a cold process (the first
 * pass, before the JIT has warmed up) and a warm one, and the time from process start to the first
 * answer. A quick figure for users; the full benchmark harness is in {@code bench/}.
 */
@Command(
    name = "bench",
    description = "Measure ask latency (cold and warm) and time to first answer.")
public final class BenchCli implements Callable<Integer> {

  private static final List<String> DEFAULT_QUESTIONS =
      List.of(
          "why did russia invite the taliban to moscow?",
          "who handles the taliban file for the kremlin?",
          "how much trade does russia do with afghanistan?",
          "when did the soviets invade afghanistan?",
          "what is the kabul process?",
          "how do i make kabuli pulao at home?");

  @ParentCommand Main main;

  @Option(
      names = "--questions",
      description = "A question file: JSON lines with a \"question\" field, or plain lines.")
  Path questionsFile;

  @Option(
      names = "--rounds",
      defaultValue = "20",
      description = "Warm rounds over the questions (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<String> questions = questions();
    try (Engine engine = EngineOptions.of(main.settings()).open()) {
      engine.ask(Question.of(questions.get(0)));
      long firstAnswer = System.currentTimeMillis() - processStart;

      double[] cold = time(engine, questions, 1);
      double[] warm = time(engine, questions, rounds);
      out.printf("questions per round   %d%n", questions.size());
      out.printf("start to first answer %d ms%n", firstAnswer);
      out.printf(
          "cold ask   p50 %6.2f ms   p99 %6.2f ms   (first pass, %d asks)%n",
          pct(cold, 50), pct(cold, 99), cold.length);
      out.printf(
          "warm ask   p50 %6.2f ms   p99 %6.2f ms   (%d asks after warm-up)%n",
          pct(warm, 50), pct(warm, 99), warm.length);
      Runtime rt = Runtime.getRuntime();
      out.printf(
          "heap used %d MB of %d MB max%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
    return 0;
  }

  private List<String> questions() throws Exception {
    if (questionsFile == null) {
      return DEFAULT_QUESTIONS;
    }
    List<String> lines = Files.readAllLines(questionsFile, StandardCharsets.UTF_8);
    if (!lines.isEmpty() && lines.get(0).strip().startsWith("{")) {
      return Evaluation.read(questionsFile).stream().map(EvalQuestion::question).toList();
    }
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }

  /** Every ask searches: the engine keeps no answer cache, so a warm ask is never a cache hit. */
  private static double[] time(Engine engine, List<String> questions, int rounds) {
    List<Double> millis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (String question : questions) {
        long start = System.nanoTime();
        engine.ask(Question.of(question));
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    return millis.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double pct(double[] values, int percentile) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
