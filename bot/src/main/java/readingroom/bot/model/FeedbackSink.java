package readingroom.bot.model;

/**
 * Where the "helpful / not helpful" buttons under an answer report to. Adapters call it; the
 * question log stores it next to the question, so digests and analytics can read both.
 */
public interface FeedbackSink {

  /**
   * Records one person's verdict on the answer to {@code question} in {@code origin}'s channel.
   * Never throws: feedback is best effort and must not turn a button click into an error.
   */
  void record(Origin origin, String question, boolean helpful);
}
