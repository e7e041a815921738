package readingroom.index.fetch;

/** A fetch that failed, with a message a user can act on (which address, and why). */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message);
  }
}
