package readingroom.index.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import readingroom.index.model.ConfidenceModel;
import readingroom.index.model.PassageReader;

/**
 * Decides which of the retrieved passages answer the question: the best {@link #depth} candidates
 * of the fused ranking are read (by the {@link PassageReader}, when there is one), described by
 * their {@link Features} and given the {@link ConfidenceModel}'s probability of answering; they are
 * then ordered by that probability. The question is answered when the best reaches the model's
 * threshold.
 */
public final class Judge {

  /** How many candidates are judged by default: the reader's cost grows with it. */
  public static final int DEFAULT_DEPTH = 12;

  private final ConfidenceModel model;
  private final PassageReader reader;
  private final int depth;

  /** One judged candidate: its signals and its probability of answering the question. */
  public record Judged(
      Candidate candidate, String passage, double[] features, double probability) {}

  public Judge(ConfidenceModel model, PassageReader reader, int depth) {
    this.model = model;
    this.reader = reader;
    this.depth = depth;
  }

  /** The confidence model in use. */
  public ConfidenceModel model() {
    return model;
  }

  /** The best candidates of the ranking, most likely to answer first. */
  public List<Judged> judge(
      String question, Retriever.Ranking ranking, Function<String, StoredArticle> articles) {
    return judge(question, ranking, articles, depth, Integer.MAX_VALUE);
  }

  /**
   * The best candidates of each article in the ranking (at most {@code perArticle} of each, for at
   * most {@link #depth} articles), most likely to answer first: a comparison across articles must
   * judge every article's own best passages, not only those that made the overall top.
   */
  public List<Judged> judgeEachArticle(
      String question,
      Retriever.Ranking ranking,
      Function<String, StoredArticle> articles,
      int perArticle) {
    return judge(question, ranking, articles, depth * perArticle, perArticle);
  }

  private List<Judged> judge(
      String question,
      Retriever.Ranking ranking,
      Function<String, StoredArticle> articles,
      int size,
      int perArticle) {
    List<Candidate> pool = new ArrayList<>();
    List<String> passages = new ArrayList<>();
    java.util.Map<String, Integer> taken = new java.util.HashMap<>();
    for (Candidate c : ranking.candidates()) {
      StoredArticle article = articles.apply(c.articleId());
      if (article == null || taken.merge(c.articleId(), 1, Integer::sum) > perArticle) {
        continue;
      }
      pool.add(c);
      passages.add(article.text().substring(c.start(), c.end()));
      if (pool.size() >= size) {
        break;
      }
    }
    if (pool.isEmpty()) {
      return List.of();
    }
    double[] read = reader == null ? null : reader.probabilities(question, passages);
    List<double[]> features = Features.of(pool, passages, ranking.focus(), read);
    List<Judged> judged = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      double[] x = features.get(i);
      double p = model.probability(java.util.Arrays.copyOf(x, model.features().size()));
      judged.add(new Judged(pool.get(i).withScore(p), passages.get(i), x, p));
    }
    judged.sort(
        Comparator.comparingDouble(Judged::probability)
            .reversed()
            .thenComparing(Judged::candidate, Retriever.PLACE));
    return judged;
  }

  /** Whether a passage answers the question: its probability reaches the operating point. */
  public boolean answers(Judged passage) {
    return passage.probability() >= model.threshold();
  }

  /**
   * Whether a passage after the first is worth showing. In an answer, each quote must clear the
   * same bar as the first: an answer is never padded to three with passages that do not answer.
   * When the reading list does not answer, the closest passages are offered, but only those at
   * least half as likely as the closest one.
   */
  public boolean shownAfter(Judged first, Judged other) {
    return answers(first) ? answers(other) : other.probability() >= first.probability() / 2;
  }
}
