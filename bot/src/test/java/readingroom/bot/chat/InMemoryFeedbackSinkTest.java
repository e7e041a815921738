package readingroom.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InMemoryFeedbackSinkTest {

  private static Feedback vote(String answer, String user, Feedback.Verdict verdict) {
    return new Feedback(new Origin(Platform.DISCORD, "g", "c", user), answer, "q?", 0, verdict);
  }

  @Test
  void aUsersLaterVoteOnTheSameAnswerReplacesTheirEarlierOne() {
    InMemoryFeedbackSink sink = new InMemoryFeedbackSink();
    sink.record(vote("a1", "u1", Feedback.Verdict.HELPFUL));
    sink.record(vote("a1", "u1", Feedback.Verdict.HELPFUL));
    sink.record(vote("a1", "u2", Feedback.Verdict.HELPFUL));
    sink.record(vote("a1", "u1", Feedback.Verdict.NOT_HELPFUL));

    assertThat(sink.tally()).isEqualTo(new InMemoryFeedbackSink.Tally(1, 1));
  }

  @Test
  void votesFromManyThreadsAreAllCounted() throws Exception {
    InMemoryFeedbackSink sink = new InMemoryFeedbackSink();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String user = "u" + t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 100; i++) {
                  sink.record(vote("a" + i, user, Feedback.Verdict.HELPFUL));
                  sink.record(vote("a" + i, user, Feedback.Verdict.HELPFUL));
                }
              },
              "voter-" + t);
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(sink.tally()).isEqualTo(new InMemoryFeedbackSink.Tally(8 * 100, 0));
  }

  @Test
  void chatCommandsStoreTheVoteAndThankTheUser() {
    InMemoryFeedbackSink sink = new InMemoryFeedbackSink();
    Reply reply =
        new ChatCommands(null, 3, sink).feedback(vote("a", "u", Feedback.Verdict.NOT_HELPFUL));

    assertThat(reply).isInstanceOf(Reply.NoticeReply.class);
    assertThat(((Reply.NoticeReply) reply).kind()).isEqualTo(Reply.NoticeReply.Kind.ACKNOWLEDGED);
    assertThat(sink.tally().notHelpful()).isEqualTo(1);
  }
}
