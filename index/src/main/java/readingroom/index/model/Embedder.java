package readingroom.index.model;

import java.util.List;

/** Turns text into unit-length dense vectors, for meaning-based matching beside BM25. */
public interface Embedder {

  /** A name that changes when the vectors would: an index built with another one is rebuilt. */
  String name();

  int dimensions();

  float[] embedQuery(String question);

  List<float[]> embedPassages(List<String> passages);

  /**
   * Waits until the embedder can embed, for one that loads its model in the background while the
   * engine opens; throws what loading threw, so a broken model stops the start with its message.
   */
  default void awaitReady() {}
}
