package readingroom.bot.state;

/**
 * The state database cannot be used. At start-up the message says which file and what to do
 * (damaged, locked by another process, not writable); it never holds user data.
 */
public final class StateException extends RuntimeException {
  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
