package readingroom.bot.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import readingroom.index.model.ConfidenceModel;

/**
 * Fits the confidence model: an L2-regularised logistic regression of "this passage answers the
 * question" over the judged candidates of labelled questions (every candidate of an unanswerable
 * question is a negative), by full-batch gradient descent on standardised features. Each set (a
 * question file, or one reading list of a grouped file) weighs the same, and within it each
 * question the same however many candidates it has: 1,500 crowd-written Wikipedia questions must
 * not drown 80 chat questions about news, as a new reading list may look like either.
 *
 * <p>The operating point: the engine answers when its best passage's probability reaches the
 * threshold. The threshold is the highest one at which at most {@code maxFalseAbstain} of the
 * training set's answerable questions would be abstained on (their best candidate falls below it).
 * Within that bound, every bit of abstention on unanswerable questions is taken; the bound itself
 * is the product's promise (the issue asks for false abstention at most 0.10), and the default
 * leaves a margin of 0.02 under it for the shift from the training lists to a new one.
 */
public final class ConfidenceTrainer {

  /** The default bound on the training set's false abstention. */
  public static final double DEFAULT_MAX_FALSE_ABSTAIN = 0.08;

  static final double L2 = 1e-3;
  static final int ITERATIONS = 600;
  static final double LEARNING_RATE = 0.5;

  /**
   * One labelled question: its candidates' features and which of them answer it, with the question
   * and the candidates' text kept for whoever inspects a judged file (empty when not known).
   */
  public record Example(
      String set,
      String id,
      boolean answerable,
      List<double[]> x,
      List<Boolean> y,
      String question,
      List<String> passages) {}

  private ConfidenceTrainer() {}

  /** The rule, as written into the model file. */
  public static String rule(double maxFalseAbstain) {
    return "highest threshold at which at most "
        + maxFalseAbstain
        + " of the training set's answerable questions have their best candidate below it";
  }

  public static ConfidenceModel fit(
      List<Example> examples,
      List<String> names,
      String reader,
      double maxFalseAbstain,
      List<String> trainedOn) {
    int d = names.size();
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    java.util.Map<String, Long> perSet = perSet(examples);
    for (Example e : examples) {
      for (int i = 0; i < e.x().size(); i++) {
        rows.add(Arrays.copyOf(e.x().get(i), d));
        labels.add(e.y().get(i) ? 1.0 : 0.0);
        weights.add(1.0 / e.x().size() / perSet.get(e.set()));
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no judged candidates to learn from");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j] / rows.size();
      }
    }
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.size();
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double totalWeight = weights.stream().mapToDouble(Double::doubleValue).sum();
    double[] w = new double[d];
    double b = 0;
    for (int it = 0; it < ITERATIONS; it++) {
      double[] gw = new double[d];
      double gb = 0;
      for (int n = 0; n < rows.size(); n++) {
        double[] r = rows.get(n);
        double z = b;
        for (int j = 0; j < d; j++) {
          z += w[j] * (r[j] - mean[j]) / scale[j];
        }
        double err = (1 / (1 + Math.exp(-z)) - labels.get(n)) * weights.get(n) / totalWeight;
        for (int j = 0; j < d; j++) {
          gw[j] += err * (r[j] - mean[j]) / scale[j];
        }
        gb += err;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= LEARNING_RATE * (gw[j] + L2 * w[j]);
      }
      b -= LEARNING_RATE * gb;
    }
    ConfidenceModel unthresholded =
        new ConfidenceModel(names, mean, scale, w, b, 0.5, reader, trainedOn);
    double threshold = threshold(examples, unthresholded, maxFalseAbstain);
    return new ConfidenceModel(names, mean, scale, w, b, threshold, reader, trainedOn);
  }

  private static java.util.Map<String, Long> perSet(List<Example> examples) {
    return examples.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Example::set, java.util.stream.Collectors.counting()));
  }

  /**
   * The operating point of the class comment, each set's answerable questions weighing the same:
   * the highest threshold under which the weighted share of answerable questions is within the
   * bound.
   */
  static double threshold(List<Example> examples, ConfidenceModel model, double maxFalseAbstain) {
    List<Example> answerable = examples.stream().filter(Example::answerable).toList();
    if (answerable.isEmpty()) {
      return 0.5;
    }
    java.util.Map<String, Long> perSet = perSet(answerable);
    double sets = perSet.size();
    List<double[]> best = new ArrayList<>();
    for (Example e : answerable) {
      double p = e.x().stream().mapToDouble(model::probability).max().orElse(0);
      best.add(new double[] {p, 1.0 / perSet.get(e.set()) / sets});
    }
    best.sort(java.util.Comparator.comparingDouble(b -> b[0]));
    double below = 0;
    double threshold = best.get(0)[0];
    for (double[] b : best) {
      // Abstaining on everything under b[0] is allowed while the weight under it is within bound.
      if (below + b[1] > maxFalseAbstain + 1e-12) {
        threshold = b[0];
        break;
      }
      below += b[1];
      threshold = b[0];
    }
    return threshold;
  }
}
