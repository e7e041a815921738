package readingroom.index;

/** The question cannot be asked as typed; the message tells the user what to do instead. */
public final class InvalidQuestionException extends EngineException {
  public InvalidQuestionException(String message) {
    super(message);
  }
}
