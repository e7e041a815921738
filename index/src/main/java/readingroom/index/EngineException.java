package readingroom.index;

/**
 * The engine cannot go on. The message is short and says what to fix; it is safe to show a user.
 */
public class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
