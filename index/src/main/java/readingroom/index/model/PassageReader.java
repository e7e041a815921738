package readingroom.index.model;

import java.util.List;

/**
 * Reads a question together with candidate passages and says, for each, how likely it is to answer
 * the question: a cross-encoder, which sees both texts at once where the embeddings only compare
 * them. The engine runs it over its best few candidates; any model (a stronger ONNX export, a
 * remote service) can stand in.
 */
public interface PassageReader {

  /** A name that changes with the model, recorded beside the confidence model trained with it. */
  String name();

  /** For each passage, the probability (0 to 1) that it answers the question. */
  double[] probabilities(String question, List<String> passages);
}
