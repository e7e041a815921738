package readingroom.index;

/** The corpus cannot be used at all: a missing folder, or no loadable article. */
public final class CorpusException extends EngineException {
  public CorpusException(String message) {
    super(message);
  }
}
