package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

class CountingFeedbackSinkTest {

  private static final Origin ORIGIN = new Origin(Platform.DISCORD, "g", "c", "u");

  @Test
  void everyClickIsCountedAndPassedOnToTheStore() {
    List<String> stored = new ArrayList<>();
    CountingFeedbackSink sink =
        new CountingFeedbackSink(
            (origin, question, helpful) -> stored.add(question + "=" + helpful));

    sink.record(ORIGIN, "who?", true);
    sink.record(ORIGIN, "why?", false);
    sink.record(ORIGIN, "when?", true);

    assertThat(sink.tally()).isEqualTo(new CountingFeedbackSink.Tally(2, 1));
    assertThat(stored).containsExactly("who?=true", "why?=false", "when?=true");
  }

  @Test
  void clicksFromManyThreadsAreAllCounted() throws Exception {
    List<Boolean> stored = new CopyOnWriteArrayList<>();
    CountingFeedbackSink sink =
        new CountingFeedbackSink((origin, question, helpful) -> stored.add(helpful));
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      boolean helpful = t % 2 == 0;
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 100; i++) {
                  sink.record(ORIGIN, "q" + i, helpful);
                }
              },
              "clicker-" + t);
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(sink.tally()).isEqualTo(new CountingFeedbackSink.Tally(400, 400));
    assertThat(stored).hasSize(800);
  }
}
