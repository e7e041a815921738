package readingroom.index.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "This passage answers the question" as a logistic regression over a passage's general signals
 * ({@link #FEATURES}): a calibrated probability, learned from judged questions by {@code
 * readingroom train} and stored as a small versioned JSON file. The engine answers when its best
 * passage's probability reaches {@link #threshold()}, the operating point chosen on the training
 * questions (see {@code ConfidenceTrainer} for the rule). The trade-off: a linear model over a
 * dozen signals learns from a few hundred questions and carries to new reading lists, but cannot
 * tell a near miss from an answer unless one of its signals can (the reader's is the strongest).
 *
 * @param features the names of the inputs, in order; they must be the engine's
 * @param mean per feature, subtracted before weighting
 * @param scale per feature, divided by before weighting
 * @param weights per standardised feature
 * @param bias the intercept
 * @param threshold the operating point: a passage at or above it answers the question
 * @param reader the name of the passage reader the model was trained with, or null for none
 * @param trainedOn what it was trained on, for provenance
 */
public record ConfidenceModel(
    List<String> features,
    double[] mean,
    double[] scale,
    double[] weights,
    double bias,
    double threshold,
    String reader,
    List<String> trainedOn) {

  /** The format name and version written into every file; a file of another version is refused. */
  public static final String FORMAT = "readingroom-confidence";

  public static final int VERSION = 1;

  /**
   * The signals the engine computes for a candidate passage, in order, each general (none names a
   * word or a reading list): how close its meaning is to the question's ({@code cosine}) and how
   * far ahead of the other candidates ({@code cosine_lead}); the share of the question's content
   * words it holds and the weight of the rarest one it lacks (a near miss often swaps one name or
   * date); its BM25 score against the best; whether the question asks for a kind of answer (a name,
   * a number, a date) and the passage lacks it; whether it misses a year or month the question
   * names; its fused rank score against the best; its length; and whether it reads as the answer to
   * a contrary question: an antonym (WordNet's) of a question word it lacks, or the question's
   * negation missing.
   */
  public static final List<String> FEATURES =
      List.of(
          "cosine",
          "cosine_lead",
          "coverage",
          "missing_rarest",
          "bm25_share",
          "kind_asked",
          "kind_missing",
          "dates_mismatch",
          "fused_share",
          "log_words",
          "antonym_present",
          "negation_missing");

  /** With a passage reader: also its log-odds, and its lead over the other read candidates. */
  public static final List<String> FEATURES_WITH_READER =
      java.util.stream.Stream.concat(
              FEATURES.stream(), java.util.stream.Stream.of("reader_logit", "reader_lead"))
          .toList();

  /** The model shipped in the jar, trained on every judged question of {@code shared/eval}. */
  public static final String BUNDLED = "readingroom/confidence/model.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public ConfidenceModel {
    features = List.copyOf(features);
    trainedOn = List.copyOf(trainedOn);
    int n = features.size();
    if (mean.length != n || scale.length != n || weights.length != n) {
      throw new IllegalArgumentException(
          "a confidence model needs one mean, scale and weight per feature");
    }
  }

  /**
   * A model that knows nothing yet (every passage 0.5, so candidates keep the fused order): what
   * {@code readingroom train} opens the engine with to collect the signals it learns from.
   */
  public static ConfidenceModel untrained(boolean withReader) {
    List<String> names = withReader ? FEATURES_WITH_READER : FEATURES;
    double[] ones = new double[names.size()];
    java.util.Arrays.fill(ones, 1);
    return new ConfidenceModel(
        names,
        new double[names.size()],
        ones,
        new double[names.size()],
        0,
        0.5,
        withReader ? "untrained" : null,
        List.of());
  }

  /** The probability that a passage with these feature values answers its question. */
  public double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether the model reads the passage reader's probability. */
  public boolean needsReader() {
    return reader != null;
  }

  /**
   * A model file that is missing, damaged or of another version: its message names the file, for
   * the engine to stop the start with.
   */
  public static final class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }

    Unusable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Reads the bundled model, or the file a user points at. */
  public static ConfidenceModel load(Path file) {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new Unusable("The confidence model " + file + " does not exist.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, file.toString());
      } catch (IOException e) {
        throw new Unusable(
            "The confidence model " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    try (InputStream in = ConfidenceModel.class.getResourceAsStream("/" + BUNDLED)) {
      if (in == null) {
        throw new Unusable(
            "The confidence model "
                + BUNDLED
                + " is missing from the class path: rebuild the"
                + " jar, or train one with `readingroom train` and set readingroom.confidence-model.");
      }
      return parse(in, BUNDLED);
    } catch (IOException e) {
      throw new Unusable(
          "The confidence model " + BUNDLED + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static ConfidenceModel parse(InputStream in, String name) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(in);
    } catch (IOException e) {
      throw new Unusable("The confidence model " + name + " is not JSON: " + e.getMessage());
    }
    if (node == null
        || !FORMAT.equals(node.path("format").asText())
        || node.path("version").asInt() != VERSION) {
      throw new Unusable(
          "The confidence model "
              + name
              + " is not a "
              + FORMAT
              + " file of version "
              + VERSION
              + ": train it again with `readingroom train`.");
    }
    List<String> features = strings(node.path("features"));
    if (!features.equals(FEATURES) && !features.equals(FEATURES_WITH_READER)) {
      throw new Unusable(
          "The confidence model "
              + name
              + " uses the features "
              + features
              + ", but this engine"
              + " computes "
              + FEATURES_WITH_READER
              + ": train it again with `readingroom train`.");
    }
    try {
      return new ConfidenceModel(
          features,
          doubles(node.path("mean"), name),
          doubles(node.path("scale"), name),
          doubles(node.path("weights"), name),
          number(node, "bias", name),
          number(node, "threshold", name),
          node.hasNonNull("reader") ? node.get("reader").asText() : null,
          strings(node.path("trained_on")));
    } catch (IllegalArgumentException e) {
      // The constructor's own checks (lengths, finite numbers) on what the file holds.
      throw new Unusable("The confidence model " + name + " is damaged: " + e.getMessage());
    }
  }

  /** Writes the model as JSON, with the rule that chose its threshold. */
  public void write(Path file, String thresholdRule) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("format", FORMAT);
    node.put("version", VERSION);
    node.put("threshold_rule", thresholdRule);
    features.forEach(node.putArray("features")::add);
    for (String key : List.of("mean", "scale", "weights")) {
      double[] values = key.equals("mean") ? mean : key.equals("scale") ? scale : weights;
      var array = node.putArray(key);
      for (double v : values) {
        array.add(v);
      }
    }
    node.put("bias", bias);
    node.put("threshold", threshold);
    node.put("reader", reader);
    trainedOn.forEach(node.putArray("trained_on")::add);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static double[] doubles(JsonNode array, String name) {
    if (!array.isArray()) {
      throw new Unusable("The confidence model " + name + " is damaged: a list is missing.");
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new Unusable("The confidence model " + name + " is damaged: " + array.get(i));
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static double number(JsonNode node, String key, String name) {
    if (!node.path(key).isNumber()) {
      throw new Unusable("The confidence model " + name + " has no number \"" + key + "\".");
    }
    return node.get(key).asDouble();
  }
}
