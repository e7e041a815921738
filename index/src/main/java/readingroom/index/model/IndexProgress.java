package readingroom.index.model;

/** Receives progress while articles are indexed, e.g. to draw a progress bar. */
@FunctionalInterface
public interface IndexProgress {
  IndexProgress NONE = (done, total) -> {};

  void advanced(int done, int total);
}
