package readingroom.index.model;

/**
 * A half-open range of characters {@code [start, end)} in a quote, e.g. a query term to show in
 * bold.
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
