package readingroom.bot.commands;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Origin;

/**
 * Counts "Helpful" / "Not helpful" clicks and logs each with the running totals, then hands it to
 * the sink that stores it. The counts are a quick signal in the logs; they start from zero at each
 * start, while the stored clicks are kept.
 */
public final class CountingFeedbackSink implements FeedbackSink {

  private static final Logger log = LoggerFactory.getLogger(CountingFeedbackSink.class);

  /** Clicks counted since start. */
  public record Tally(long helpful, long notHelpful) {}

  private final FeedbackSink next;
  private final AtomicLong helpful = new AtomicLong();
  private final AtomicLong notHelpful = new AtomicLong();

  /**
   * @param next where clicks are stored
   */
  public CountingFeedbackSink(FeedbackSink next) {
    this.next = next;
  }

  @Override
  public void record(Origin origin, String question, boolean wasHelpful) {
    (wasHelpful ? helpful : notHelpful).incrementAndGet();
    // Neither the user nor the question: the log says that answers help, not who asked what.
    log.info(
        "Feedback {} in {} channel {}: helpful {}, not helpful {} since start",
        wasHelpful ? "helpful" : "not helpful",
        origin.platform(),
        origin.channel(),
        helpful.get(),
        notHelpful.get());
    next.record(origin, question, wasHelpful);
  }

  public Tally tally() {
    return new Tally(helpful.get(), notHelpful.get());
  }
}
