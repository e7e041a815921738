package readingroom.index.search;

/**
 * Decides whether the best passage answers the question or the reading list does not.
 *
 * <p>The rule, calibrated on the development questions: the best passage must be about every year
 * and month the question names (in its text or by its article's date), must hold the kind of answer
 * the question asks for (a name for "who", a number for "how many", a date for "when"), and its
 * evidence, embedding similarity plus 0.3 times the share of the question's rarer words it
 * contains, must reach {@link #THRESHOLD}. On the development set the unanswerable questions scored
 * at most 0.630 and the answerable ones at least 0.662; the threshold sits between them. Off-topic
 * questions ("how do I make kabuli pulao?") fail the evidence test; near misses ("who led the
 * delegation?" against a passage about the delegation but with no name in it) fail the answer-kind
 * test; questions about another year fail the date test.
 */
public final class Confidence {

  static final double THRESHOLD = 0.645;

  private Confidence() {}

  static double evidence(Candidate candidate) {
    return candidate.cosine() + 0.3 * candidate.coverage();
  }

  public static boolean answers(Candidate best, QuestionFocus focus) {
    // A reason is often implicit ("sanctioned for its invasion"), so for "why" it only helps
    // ranking.
    boolean kindRequired = focus.type() != QuestionFocus.AnswerType.REASON;
    return best.datesMatch()
        && (best.holdsAnswer() || !kindRequired)
        && evidence(best) >= THRESHOLD;
  }
}
