package readingroom.bot.chat;

/**
 * Where votes on answers go. Kept to one method so that the in-memory sink used today can be
 * replaced by a database without touching the adapters or {@link ChatCommands}.
 */
public interface FeedbackSink {

  /**
   * Stores a vote. A user's later vote on the same answer replaces their earlier one. Called from
   * chat worker threads, so implementations must be thread-safe, and quick enough to run before a
   * reply.
   */
  void record(Feedback feedback);
}
