package readingroom.index;

import java.util.List;
import readingroom.index.model.Source;

/**
 * A candidate passage as the engine judged it, for training and inspecting the confidence model
 * ({@code readingroom train}).
 *
 * @param source its article
 * @param text the passage
 * @param features the signals the confidence model weighs, named by {@code featureNames}
 * @param featureNames the names of {@code features}, in order
 * @param probability the current model's probability that it answers the question
 */
public record JudgedPassage(
    Source source, String text, double[] features, List<String> featureNames, double probability) {}
