package readingroom.bot.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts votes in memory and logs each one: enough to see in the logs whether answers help, until
 * votes are stored in the database. Counts are lost on restart, and every vote stays in memory
 * until then (a few dozen bytes each).
 */
public final class InMemoryFeedbackSink implements FeedbackSink {

  private static final Logger log = LoggerFactory.getLogger(InMemoryFeedbackSink.class);

  /** Counts so far. */
  public record Tally(long helpful, long notHelpful) {}

  private record Voter(String answerId, Platform platform, String user) {}

  private final Map<Voter, Feedback.Verdict> votes = new ConcurrentHashMap<>();
  private final AtomicLong helpful = new AtomicLong();
  private final AtomicLong notHelpful = new AtomicLong();

  @Override
  public void record(Feedback feedback) {
    Voter voter =
        new Voter(feedback.answerId(), feedback.origin().platform(), feedback.origin().user());
    // compute() runs atomically per voter, so a quick double click counts once.
    votes.compute(
        voter,
        (key, previous) -> {
          if (previous != feedback.verdict()) {
            counter(feedback.verdict()).incrementAndGet();
            if (previous != null) {
              counter(previous).decrementAndGet();
            }
          }
          return feedback.verdict();
        });
    Tally tally = tally();
    // No user id and no question text: the log says what was rated, not who asked what.
    log.info(
        "Feedback {} on answer {} (page after {}) in {} {}: helpful {}, not helpful {}",
        feedback.verdict(),
        feedback.answerId(),
        feedback.skip(),
        feedback.origin().platform(),
        feedback.origin().channel(),
        tally.helpful(),
        tally.notHelpful());
  }

  /** The votes so far, each user's latest vote per answer counted once. */
  public Tally tally() {
    return new Tally(helpful.get(), notHelpful.get());
  }

  private AtomicLong counter(Feedback.Verdict verdict) {
    return verdict == Feedback.Verdict.HELPFUL ? helpful : notHelpful;
  }
}
