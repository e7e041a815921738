package readingroom.index.search;

import java.util.ArrayList;
import java.util.List;
import readingroom.index.model.ConfidenceModel;

/**
 * The signals the confidence model weighs for one candidate passage, each general (none names a
 * word or a reading list): how close its meaning is to the question's, how much of the question's
 * word weight it holds and the weight of the rarest question word it lacks (an unanswerable near
 * miss often swaps one name or date), its standing against the other candidates, whether it holds
 * the kind of answer asked for and the years and months named, whether it reads as the answer to a
 * contrary question ({@link NearMiss}), and, when a reader runs, the reader's verdict.
 */
public final class Features {

  /** Without a reader. */
  public static final List<String> NAMES = ConfidenceModel.FEATURES;

  /** With a reader: its log-odds, and its lead over the other read candidates. */
  public static final List<String> NAMES_WITH_READER = ConfidenceModel.FEATURES_WITH_READER;

  private Features() {}

  /**
   * The feature values of each candidate, in the order of {@link #NAMES} (or {@link
   * #NAMES_WITH_READER} when {@code reader} is not null: one probability per candidate).
   */
  static List<double[]> of(
      List<Candidate> candidates, List<String> passages, QuestionFocus focus, double[] reader) {
    double bestBm25 = candidates.stream().mapToDouble(Candidate::bm25).max().orElse(0);
    double bestFused = candidates.stream().mapToDouble(Candidate::score).max().orElse(0);
    boolean kindAsked =
        focus.type() != QuestionFocus.AnswerType.ANY
            && focus.type() != QuestionFocus.AnswerType.REASON;
    List<double[]> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      double otherCosine = -1;
      double otherReader = -20;
      for (int j = 0; j < candidates.size(); j++) {
        if (j != i) {
          otherCosine = Math.max(otherCosine, candidates.get(j).cosine());
          if (reader != null) {
            otherReader = Math.max(otherReader, logit(reader[j]));
          }
        }
      }
      double[] x = new double[reader == null ? NAMES.size() : NAMES_WITH_READER.size()];
      x[0] = c.cosine();
      x[1] = candidates.size() > 1 ? c.cosine() - otherCosine : 0;
      x[2] = c.coverage();
      x[3] = c.missingRarest();
      x[4] = bestBm25 > 0 ? c.bm25() / bestBm25 : 0;
      x[5] = kindAsked ? 1 : 0;
      x[6] = kindAsked && !c.holdsAnswer() ? 1 : 0;
      x[7] = c.datesMatch() ? 0 : 1;
      x[8] = bestFused > 0 ? c.score() / bestFused : 0;
      x[9] = Math.log(1 + passages.get(i).split("\\s+").length);
      x[10] = c.nearMiss().antonym() ? 1 : 0;
      x[11] = c.nearMiss().negation() ? 1 : 0;
      if (reader != null) {
        int r = NAMES.size();
        x[r] = logit(reader[i]);
        x[r + 1] = candidates.size() > 1 ? x[r] - otherReader : 0;
      }
      out.add(x);
    }
    return out;
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }
}
