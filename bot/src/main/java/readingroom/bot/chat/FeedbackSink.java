package readingroom.bot.chat;

/** Where the "Helpful" / "Not helpful" buttons under an answer are recorded. */
public interface FeedbackSink {

  /**
   * Records one click.
   *
   * @param origin who clicked, and where
   * @param question the question the answer was for
   * @param helpful whether the answer helped
   */
  void record(Origin origin, String question, boolean helpful);
}
