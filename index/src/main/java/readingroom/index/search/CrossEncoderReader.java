package readingroom.index.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import readingroom.index.model.PassageReader;

/**
 * A cross-encoder that reads a question and a passage together and gives the probability that the
 * passage answers the question. Unlike the bi-encoder's cosine, which measures "on topic", it was
 * trained to tell an answer from a near miss (SQuAD 2.0's unanswerable questions), so its best
 * probability over the candidates doubles as the no-answer score: abstain when it is under {@link
 * Settings#threshold()}.
 *
 * <p>The model is the first layers of bge-small-en-v1.5 fine-tuned as answer-passage selection,
 * exported to ONNX with int8 weights (see {@code train/README.md}). A model directory (or the
 * classpath folder {@value #DEFAULT_RESOURCE}) holds {@code model.onnx} and {@code reader.json},
 * and {@code tokenizer.json} when its vocabulary is not bge-small's own (a folder without one reads
 * with the tokenizer that comes with the bi-encoder on the class path, {@link
 * EnglishWords#RESOURCE}, so the shipped reader carries no copy of it); pointing {@link #load(Path,
 * int)} at another directory of that shape swaps in a stronger or retrained model. Thread-safe: one
 * instance can serve every question.
 */
public final class CrossEncoderReader implements PassageReader, AutoCloseable {

  /** Classpath folder of the shipped model. */
  public static final String DEFAULT_RESOURCE = "/readingroom/reader/";

  static final String MODEL = "model.onnx";
  static final String TOKENIZER = "tokenizer.json";
  static final String SETTINGS = "reader.json";

  /**
   * What {@code reader.json} says about the model.
   *
   * @param version the model's version, to tell one trained model from another in logs and caches
   * @param maxLength the token budget of question plus passage; longer pairs are cut, longest first
   * @param threshold the probability under which the best candidate means "not answered", chosen on
   *     the training questions for at most 10% false abstention
   */
  public record Settings(String version, int maxLength, float threshold) {}

  static {
    // DJL's tokenizer otherwise reports usage to a cloud metadata address when it loads: the bot
    // makes no network call it was not asked to make. A user's own setting wins.
    if (System.getProperty("OPT_OUT_TRACKING") == null
        && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final Settings settings;

  private CrossEncoderReader(
      byte[] model, InputStream tokenizerJson, Settings settings, int threads)
      throws IOException, OrtException {
    this.settings = settings;
    this.tokenizer =
        HuggingFaceTokenizer.newInstance(
            tokenizerJson,
            Map.of(
                "truncation", "longest_first",
                "maxLength", Integer.toString(settings.maxLength()),
                "padding", "true",
                "addSpecialTokens", "true"));
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(model, options);
    }
  }

  /** The model shipped in the jar, run on {@code threads} cores. */
  public static CrossEncoderReader loadDefault(int threads) {
    try (InputStream tokenizerJson = bundledTokenizer();
        InputStream settingsJson = resource(SETTINGS);
        InputStream model = resource(MODEL)) {
      return new CrossEncoderReader(
          model.readAllBytes(),
          tokenizerJson,
          settings(settingsJson, "classpath " + SETTINGS),
          threads);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException(
          "the reader model on the classpath ("
              + DEFAULT_RESOURCE
              + ") cannot be loaded: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * A model directory holding {@code model.onnx} and {@code reader.json}, and {@code
   * tokenizer.json} unless it reads with bge-small's.
   */
  public static CrossEncoderReader load(Path directory, int threads) {
    Path model = directory.resolve(MODEL);
    Path tokenizerJson = directory.resolve(TOKENIZER);
    Path settingsJson = directory.resolve(SETTINGS);
    for (Path required : List.of(model, settingsJson)) {
      if (!Files.isRegularFile(required)) {
        throw new IllegalStateException("the reader model file " + required + " is missing");
      }
    }
    try (InputStream tokenizerIn =
            Files.isRegularFile(tokenizerJson)
                ? Files.newInputStream(tokenizerJson)
                : bundledTokenizer();
        InputStream settingsIn = Files.newInputStream(settingsJson)) {
      return new CrossEncoderReader(
          Files.readAllBytes(model),
          tokenizerIn,
          settings(settingsIn, settingsJson.toString()),
          threads);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException(
          "the reader model in " + directory + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "cross-encoder " + settings.version();
  }

  @Override
  public double[] probabilities(String question, List<String> passages) {
    float[] p = score(question, passages);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }

  /**
   * The probability that each passage answers the question, in the passages' order, computed in one
   * batch.
   */
  public float[] score(String question, List<String> passages) {
    if (passages.isEmpty()) {
      return new float[0];
    }
    PairList<String, String> pairs = new PairList<>(passages.size());
    for (String passage : passages) {
      pairs.add(question, passage);
    }
    Encoding[] encodings = tokenizer.batchEncode(pairs);
    long[][] ids = new long[encodings.length][];
    long[][] mask = new long[encodings.length][];
    long[][] types = new long[encodings.length][];
    for (int i = 0; i < encodings.length; i++) {
      ids[i] = encodings[i].getIds();
      mask[i] = encodings[i].getAttentionMask();
      types[i] = encodings[i].getTypeIds();
    }
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, ids);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
        OnnxTensor typesTensor = OnnxTensor.createTensor(environment, types);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idsTensor,
                    "attention_mask", maskTensor,
                    "token_type_ids", typesTensor))) {
      return ((float[]) result.get(0).getValue()).clone();
    } catch (OrtException e) {
      throw new IllegalStateException("the reader model failed to score: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("the reader model did not close: " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }

  /**
   * bge-small's tokenizer, from the bi-encoder's artifact: the vocabulary the reader was cut from.
   */
  private static InputStream bundledTokenizer() throws IOException {
    InputStream in =
        CrossEncoderReader.class.getClassLoader().getResourceAsStream(EnglishWords.RESOURCE);
    if (in == null) {
      throw new IOException(EnglishWords.RESOURCE + " is missing from the class path");
    }
    return in;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = CrossEncoderReader.class.getResourceAsStream(DEFAULT_RESOURCE + name);
    if (in == null) {
      throw new IOException(DEFAULT_RESOURCE + name + " is missing");
    }
    return in;
  }

  private static Settings settings(InputStream json, String where) throws IOException {
    JsonNode node = new ObjectMapper().readTree(json);
    for (String field : List.of("version", "max_length", "threshold")) {
      if (node == null || !node.hasNonNull(field)) {
        throw new IOException(where + " lacks \"" + field + "\"");
      }
    }
    int maxLength = node.get("max_length").asInt();
    double threshold = node.get("threshold").asDouble();
    if (maxLength < 16 || maxLength > 512 || threshold < 0 || threshold > 1) {
      throw new IOException(
          where
              + " has max_length "
              + maxLength
              + " and threshold "
              + threshold
              + "; expected 16..512 and 0..1");
    }
    return new Settings(node.get("version").asText(), maxLength, (float) threshold);
  }
}
