package readingroom.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import readingroom.index.Engine;
import readingroom.index.Question;

/**
 * Run in a fresh JVM by the harness: the time from JVM start to the first answer, then the resident
 * memory after every question has been asked a few times (a warm server). Prints one line of {@code
 * key=value} pairs.
 */
public final class FirstAnswer {
  private FirstAnswer() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Engine.startLoadingModel(); // as the readingroom command does first thing
    Setup setup = Setup.fromProperties();
    List<String> questions = setup.readQuestions();
    try (Engine engine = setup.open()) {
      engine.ask(Question.of(questions.get(0)));
      System.out.printf("first_answer_ms=%d%n", System.currentTimeMillis() - jvmStart);
      System.out.flush();
      for (int round = 0; round < 5; round++) {
        for (String question : questions) {
          engine.ask(new Question(question, null, 3, round % 2));
        }
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          "rss_kb=%d hwm_kb=%d heap_used_mb=%d heap_committed_mb=%d%n",
          Machine.procStatusKb("VmRSS"),
          Machine.procStatusKb("VmHWM"),
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.totalMemory() >> 20);
    }
  }
}
